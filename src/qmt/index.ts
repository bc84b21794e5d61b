/**
 * What the Cucumber layer (steps/, support/) calls in src/qmt, and all it may call: a test
 * (test/catalog/import-boundaries.test.ts) keeps steps and support to this file. Everything in
 * src/qmt that is not exported here is internal to these (CONTRIBUTING.md#what-steps-call-in-srcqmt).
 */

// The conversation with the module and what the scenario keeps of it (support/world.ts, support/hooks.ts).
export { QmtHost } from './host';
export type { UrcReadingOutcome } from './urc-by-reading';
export { ReadingObserver } from './readings-observer';
export { publishMsgidCheck } from './publish-msgid';
export { resolvePlaceholders } from './placeholders';
export { harnessTrouble, nonConformance, rigTrouble } from './verdict';
export { describeStrayEchoes } from './stray-echoes';

// What the broker fixture saw: packets, connections, resends, other clients.
export { WireExpectations, type PacketFields } from './wire-expectations';
export { ConnectionExpectations } from './connection-expectations';
export { Retransmissions } from './retransmission';
export { ObserverClients } from './observer-clients';
export { letBrokerSettle, publishAndLetRoute } from './delivery';
export { parseSendsAlternative } from './wire-checks';
export { expectCloudCredentialsVerify, expectPlatformConnect } from './cloud-connect';

// Preconditions: the flows a scenario goes through on its way.
export { connectClient, openNetwork, restartModule, subscribe } from './flows';
export { clientList, useTextPayloads } from './data-format';
export { payloadOfSize, publishedPayloadOfSize } from './command-payload';
export { UPLOAD_NAMES, uploadData } from './tls-uploads';

// One check per answer that needs more than a line in a step.
export { expectEcho, expectFramedAnswer } from './answer-bytes';
export { expectOneReportPerDelivery } from './delivery-reports';
export { expectUploadConfirmed, type FileUpload } from './file-upload';
export { expectListing } from './listing-check';
export { expectBufferedCount, expectStoredMessages } from './recv-answer';
export { expectAnswerSpacingAside } from './spacing';

// Readings of the note: tables of the answers each reading allows.
export { alternativesOf, quietTimeMs } from './reading-table';
export { expectOpenEndedByReading, openEndedAlternatives, type OpenEndedAnswer } from './open-ended-query';
export { expectPromptByReading, promptAlternatives } from './prompt-answer';
