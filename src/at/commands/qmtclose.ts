/** spec 3.3.3 AT+QMTCLOSE: `OK`, then `+QMTCLOSE: <client_idx>,<result>` within 30 s. */
import { fromNote } from './from-note';

export const qmtclose = fromNote('AT+QMTCLOSE');
