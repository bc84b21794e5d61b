/**
 * AT+QMTCLOSE (spec 3.3.3). ERROR for a bad <client_idx>; otherwise OK, then
 * +QMTCLOSE: idx,0 (network closed; no DISCONNECT is sent) or idx,-1 when no network is open.
 * Closing a client whose MQTT session is up also reports +QMTSTAT: idx,8 (see session.ts).
 */
import type { CommandHandler } from '../../types';
import { clientIdxArg } from '../../mqtt/args';
import type { ClientSession } from '../../mqtt/session';

export function qmtCloseHandler(sessions: readonly ClientSession[]): CommandHandler {
  return (command, ctx) => {
    if (command.form === 'test') {
      ctx.out.line('+QMTCLOSE: (0-5)');
      ctx.out.ok();
      return;
    }
    const idx = clientIdxArg(command.args[0]);
    if (command.form !== 'set' || command.args.length !== 1 || idx === undefined) return ctx.out.error();
    // Reading close-after-disc "none" (EC200U, docs/field-evidence.md#close-after-disconnect): after a completed AT+QMTDISC the close
    // gets its OK and nothing more, whatever close-unopened says of a never-opened client.
    if (sessions[idx].closedByCompletedDisc() && ctx.variant.readings['close-after-disc'] === 'none')
      return ctx.out.ok();
    // Reading close-unopened "error": nothing to close is "any error".
    if (!sessions[idx].hasConnection() && ctx.variant.readings['close-unopened'] === 'error') return ctx.out.error();
    ctx.out.ok();
    sessions[idx].closeNetwork();
  };
}
