/**
 * AT+QMTRECV (spec 3.3.9), the buffer of msg_recv_mode 1.
 *   =?  → OK
 *   ?   → +QMTRECV: idx,s0,s1,s2,s3,s4 for every client with an MQTT connection, then OK
 *   =idx[,recv_id] → the buffered messages (all, or that slot) as +QMTRECV lines, then OK;
 *         A30 "consume" empties each slot read, "keep" leaves them. ERROR when the client has no connection,
 *         <client_idx> is not 0~5 or <recv_id> is not 0~4.
 */
import type { CommandHandler } from '../../types';
import { clientIdxArg, intArg } from '../../mqtt/args';
import { formatReceived } from '../../mqtt/recv-format';
import type { ClientSession } from '../../mqtt/session';

export function qmtRecvHandler(sessions: readonly ClientSession[]): CommandHandler {
  return (command, ctx) => {
    if (command.form === 'test') return ctx.out.ok();
    if (command.form === 'read') {
      // Fault: clients without an MQTT connection are listed too (spec 3.3.9: only OK then).
      const listed = ctx.faults.at('qmtrecv.query-clients') ? sessions : sessions.filter((s) => s.hasConnection());
      for (const s of listed) ctx.out.line(`+QMTRECV: ${s.idx},${s.received.status().join(',')}`);
      ctx.out.ok();
      return;
    }
    const count = command.args.length;
    const idx = clientIdxArg(command.args[0]);
    const recvId = count === 2 ? intArg(command.args[1], 0, 4) : undefined;
    if (
      command.form !== 'set' ||
      idx === undefined ||
      count < 1 ||
      count > 2 ||
      (count === 2 && recvId === undefined)
    ) {
      return ctx.out.error();
    }
    const session = sessions[idx];
    if (!session.hasConnection()) return ctx.faults.at('qmtrecv.no-connection-answer') ? ctx.out.ok() : ctx.out.error();
    let first = true;
    for (const { recvId: id, message } of session.received.read(recvId)) {
      ctx.out.line(formatReceived(idx, message, ctx.config[idx], ctx.variant, ctx.faults));
      // Fault: a read of several messages empties only the first slot and keeps the others,
      // which neither reading of A30 ("consume" every message read, or "keep" them all) allows.
      const spared = !first && ctx.faults.at('qmtrecv.read-consumes');
      if (ctx.variant.readings.A30 === 'consume' && !spared) session.received.remove(id);
      first = false;
    }
    ctx.out.ok();
  };
}
