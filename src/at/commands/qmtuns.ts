/** spec 3.3.7 AT+QMTUNS: `OK`, then `+QMTUNS: <client_idx>,<msgid>,<result>[,<value>]` per message. */
import { fromNote } from './from-note';

// spec figure 1 / 3.3.7: <pkt_timeout> x <retry_times> runs from the UNSUBSCRIBE.
export const qmtuns = fromNote('AT+QMTUNS', { timerPackets: ['unsubscribe'] });
