/**
 * spec 3.3.8 AT+QMTPUBEX: `>` prompt, <length> bytes of payload, `OK`, then
 * `+QMTPUBEX: <client_idx>,<msgid>,<result>[,<value>]` per message.
 */
import { fromNote } from './from-note';

export const qmtpubex = fromNote('AT+QMTPUBEX', {
  // spec figure 1 (2.h): QoS 2 has two requests under T1. Once PUBREC has come the PUBLISH is
  // done and the PUBREL's own T1 and retries decide the result, so the PUBREL, when there is one,
  // starts the timer; a limit counted from the PUBLISH would add the network's round trip.
  timerPackets: ['pubrel', 'publish'],
});
