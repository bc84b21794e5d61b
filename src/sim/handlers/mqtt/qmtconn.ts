/**
 * AT+QMTCONN (spec 3.3.4). ERROR when: the argument count is not 2 or 4 (user name and password
 * go together), <client_idx> is not 0~5, or the client's network is not open and idle
 * (no QMTOPEN, or a CONNECT already sent / connected). Otherwise OK, CONNECT, then
 * +QMTCONN: idx,0,<ret_code> from the CONNACK; a missing CONNACK per reading A3 (session.ts).
 */
import type { CommandHandler } from '../../types';
import { clientIdxArg, stringArg } from '../../mqtt/args';
import type { ClientSession } from '../../mqtt/session';
import { PACKET_RESULT } from '../../mqtt/stat-codes';

export function qmtConnHandler(sessions: readonly ClientSession[]): CommandHandler {
  return (command, ctx) => {
    if (command.form === 'test') {
      ctx.out.line('+QMTCONN: (0-5),"clientid","username","password"');
      ctx.out.ok();
      return;
    }
    if (command.form === 'read') {
      for (const s of sessions) {
        // Fault: clients with no network are listed with state 1 (spec 3.3.4 lists open clients only).
        const state = s.connState() ?? (ctx.faults.at('qmtconn.query-clients') ? 1 : undefined);
        if (state !== undefined) ctx.out.line(`+QMTCONN: ${s.idx},${state}`);
      }
      ctx.out.ok();
      return;
    }
    const count = command.args.length;
    const idx = clientIdxArg(command.args[0]);
    const clientId = stringArg(command.args[1]);
    if (command.form !== 'set' || (count !== 2 && count !== 4) || idx === undefined || clientId === undefined) {
      return ctx.out.error();
    }
    const session = sessions[idx];
    // conn-unopened "2": without a network the command runs and fails ("failed to send the packet").
    if (session.state === 'closed' && ctx.variant.readings['conn-unopened'] === '2') {
      ctx.out.ok();
      session.urc(`+QMTCONN: ${idx},${PACKET_RESULT.failed}`);
      return;
    }
    if (session.state !== 'opened') return ctx.out.error();
    ctx.out.ok();
    session.connect({
      clientId,
      username: count === 4 ? stringArg(command.args[2]) : undefined,
      password: count === 4 ? stringArg(command.args[3]) : undefined,
    });
  };
}
