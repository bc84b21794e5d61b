/** spec 3.3.5 AT+QMTDISC: `OK`, then `+QMTDISC: <client_idx>,<result>` within 30 s. */
import { fromNote } from './from-note';

export const qmtdisc = fromNote('AT+QMTDISC');
