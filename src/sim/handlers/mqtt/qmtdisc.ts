/**
 * AT+QMTDISC (spec 3.3.5). ERROR for a bad <client_idx>; otherwise OK, then DISCONNECT, the TCP
 * connection closed and +QMTDISC: idx,0 — or +QMTDISC: idx,-1 when the client is not connected.
 */
import type { CommandHandler } from '../../types';
import { clientIdxArg } from '../../mqtt/args';
import type { ClientSession } from '../../mqtt/session';

export function qmtDiscHandler(sessions: readonly ClientSession[]): CommandHandler {
  return (command, ctx) => {
    if (command.form === 'test') {
      ctx.out.line('+QMTDISC: (0-5)');
      ctx.out.ok();
      return;
    }
    const idx = clientIdxArg(command.args[0]);
    if (command.form !== 'set' || command.args.length !== 1 || idx === undefined) return ctx.out.error();
    // Reading disc-unopened "error": a client without any network has nothing to disconnect.
    if (sessions[idx].state === 'closed' && ctx.variant.readings['disc-unopened'] === 'error') return ctx.out.error();
    ctx.out.ok();
    sessions[idx].disconnect();
  };
}
