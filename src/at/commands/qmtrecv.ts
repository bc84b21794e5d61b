/** spec 3.3.9 AT+QMTRECV: reads the buffered messages; its answer is information lines, no URC. */
import { fromNote } from './from-note';

// spec 3.3.9 gives no maximum response time ("/"): the harness waits 5 s and judges no time.
export const qmtrecv = fromNote('AT+QMTRECV', { harnessLimitMs: 5_000 });
