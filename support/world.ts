/**
 * One World per scenario: the module session, the broker fixture, the host conversation, and all
 * that the scenario's steps keep for later steps, as typed fields. Steps stay one call and one
 * assertion; waiting and matching live in src/qmt, reached through the getters below.
 */
import { setWorldConstructor, World, type DataTable, type IWorldOptions } from '@cucumber/cucumber';
import type { BrokerFixture } from '../src/broker/fixture';
import {
  ConnectionExpectations,
  type FileUpload,
  harnessTrouble,
  ObserverClients,
  type OpenEndedAnswer,
  type PacketFields,
  publishAndLetRoute,
  type QmtHost,
  type UrcReadingOutcome,
  type ReadingObserver,
  resolvePlaceholders,
  Retransmissions,
  WireExpectations,
} from '../src/qmt';
import type { ModuleSession } from '../src/rig/types';
import { DisabledMasker, maskingDisabled, SecretMasker } from '../src/secrets/masker';
import { UNSTATED_DEFAULTS } from '../src/variants/readings';
import { runRig, type StartedRunParameters } from './run-state';

export class QmtWorld extends World {
  readonly masker = maskingDisabled() ? new DisabledMasker() : new SecretMasker();
  session!: ModuleSession;
  broker!: BrokerFixture;
  host!: QmtHost;
  /** What this scenario observed of the module's readings of the note (and checks in strict mode). */
  readings!: ReadingObserver;
  /** This scenario's `@reading:<id>=<value>` tags: the reading its later steps are written for. */
  readingTags: Record<string, string> = {};
  /** Set by Before when the rig lost its module earlier in the run: the first step fails with it (broken, not skipped). */
  rigLost: Error | undefined;
  /** Ports with nothing listening that the scenario named, e.g. {refused-port} (spec 3.3.2 <result> -1). */
  readonly refusedPorts = new Map<string, number>();
  /** The last AT+QFUPL upload (spec 5.2); its size is the placeholder {size}. */
  upload: FileUpload | undefined;
  /** The payload another client last published by size; later steps compare it as {published-payload}. */
  publishedPayload: string | undefined;
  /** Observer clients subscribed at the broker by this scenario. */
  readonly observers = new ObserverClients();
  /** The answer to a query that may end without a final result (A13), for the reading step after it. */
  openEndedAnswer: OpenEndedAnswer | undefined;

  constructor(options: IWorldOptions) {
    super(options);
  }

  /** The run's configuration and rig: the configuration from Cucumber's world parameters (support/run-state.ts). */
  get run() {
    const { config, declared } = this.parameters as StartedRunParameters;
    return { config, declared, runSecrets: config.runSecrets, rig: runRig() };
  }

  get clock() {
    return this.session.clock;
  }

  /** Packets on the wire, as the broker fixture saw them. */
  get wire(): WireExpectations {
    return new WireExpectations(this.broker, this.masker, this.host.margin);
  }

  /** The module's connections to the broker fixture. */
  get connections(): ConnectionExpectations {
    return new ConnectionExpectations(this.broker, this.host.margin);
  }

  /** Resends of unacknowledged requests (T1, A20). */
  get retransmissions(): Retransmissions {
    return new Retransmissions(this.broker, this.clock, this.host.margin, this.readings, this.wire);
  }

  /** The last AT+QFUPL upload; a step that checks one without an upload is a harness error. */
  get lastUpload(): FileUpload {
    if (!this.upload) throw harnessTrouble('no upload was made in this scenario');
    return this.upload;
  }

  /** The answer the last open-ended query kept; a reading step without one is a harness error. */
  get lastOpenEndedAnswer(): OpenEndedAnswer {
    if (!this.openEndedAnswer) throw harnessTrouble('no open-ended query was sent in this scenario');
    return this.openEndedAnswer;
  }

  /** Replaces {host}, {port}, {password} … with this scenario's values. */
  resolve(text: string): string {
    return resolvePlaceholders(text, {
      host: this.run.config.brokerHost,
      port: String(this.broker.port),
      'tls-port': this.broker.tlsPort !== undefined ? String(this.broker.tlsPort) : '(no TLS listener)',
      ...this.run.runSecrets,
      // Unstated defaults (A8) stay patterns: the answer matcher accepts any allowed value and records it.
      ...Object.fromEntries(Object.keys(UNSTATED_DEFAULTS).map((k) => [`default:${k}`, `{default:${k}}`])),
      // The <msgid> of +QMTRECV stays a pattern too: the matcher compares it with the broker's PUBLISH.
      'publish-msgid': '{publish-msgid}',
      ...Object.fromEntries([...this.refusedPorts].map(([name, port]) => [name, String(port)])),
      ...(this.upload ? { size: String(this.upload.data.length) } : {}),
      ...(this.publishedPayload !== undefined ? { 'published-payload': this.publishedPayload } : {}),
    });
  }

  /** A `| field | value |` table of packet fields, placeholders resolved. */
  fields(table: DataTable): PacketFields {
    return Object.fromEntries(table.raw().map(([field, value]) => [field as string, this.resolve(value as string)]));
  }

  /** Sends a command line of the feature (placeholders resolved), with the payload the module prompts for. */
  async send(command: string, payload?: Buffer): Promise<void> {
    await this.host.send(this.resolve(command), payload);
  }

  /** Another client publishes; the clock waits until the broker has routed it to the module (src/qmt/delivery.ts). */
  async publish(topic: string, payload: string, options: { qos: 0 | 1 | 2; retain?: boolean }): Promise<void> {
    await publishAndLetRoute(this.broker, this.clock, topic, payload, options, () => this.session.at.urcs().length);
  }

  /** Notes a comparison made beside its verdict (a listing's extra words, spacing), attached to the result. */
  attachNotes(notes: readonly string[]): void {
    for (const note of notes) this.attach(note, 'text/plain');
  }

  /**
   * After a step observed a reading: a scenario written for another value of it (its
   * `@reading:<id>=<value>` tag) does not apply to this module and is skipped with the reason.
   */
  readingOutcome(id: string, observed: string | UrcReadingOutcome): 'skipped' | undefined {
    if (typeof observed !== 'string') {
      // The URCs the note allowed before the reading's row, in the note's words.
      this.attachNotes(observed.interleavings);
      return this.readingOutcome(id, observed.value);
    }
    const wanted = this.readingTags[id];
    if (wanted === undefined || wanted === observed) return undefined;
    this.attach(
      `not applicable: the module reads ${id} as "${observed}", this scenario checks "${wanted}"`,
      'text/plain',
    );
    return 'skipped';
  }
}

setWorldConstructor(QmtWorld);
