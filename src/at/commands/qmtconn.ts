/** spec 3.3.4 AT+QMTCONN: `OK`, then `+QMTCONN: <client_idx>,<result>[,<ret_code>]` within <pkt_timeout>. */
import { fromNote } from './from-note';

export const qmtconn = fromNote('AT+QMTCONN', {
  // spec figure 1 / 3.3.4: <pkt_timeout> runs from the CONNECT the module sends.
  timerPackets: ['connect'],
  // spec 3.3.4: <password> of the user name.
  secretParameters: ['<password>'],
});
