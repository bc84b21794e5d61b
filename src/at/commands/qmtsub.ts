/** spec 3.3.6 AT+QMTSUB: `OK`, then `+QMTSUB: <client_idx>,<msgid>,<result>[,<value>]` per message. */
import { fromNote } from './from-note';

// spec figure 1 / 3.3.6: <pkt_timeout> x <retry_times> runs from the SUBSCRIBE.
export const qmtsub = fromNote('AT+QMTSUB', { timerPackets: ['subscribe'] });
