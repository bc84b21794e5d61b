/**
 * AT+QMTUNS (spec 3.3.7). ERROR when: <client_idx> not 0~5, <msgid> not 1~65535 or in flight,
 * no topic, an empty topic, or the client is not connected. Otherwise OK, UNSUBSCRIBE, then
 * +QMTUNS: idx,msgid,0 (A25 reading decides whether a vector follows) or the T1 reports.
 * Test line exactly as the §3.3.7 syntax prints it (no example exists for it).
 */
import type { CommandHandler } from '../../types';
import { clientIdxArg, isTopicFilter, packetIdArg, stringArg } from '../../mqtt/args';
import { unsubscribe } from '../../mqtt/requests';
import type { ClientSession } from '../../mqtt/session';

export function qmtUnsHandler(sessions: readonly ClientSession[]): CommandHandler {
  return (command, ctx) => {
    if (command.form === 'test') {
      ctx.out.line('+QMTUNS: (0-5),<msgid>, list of ["topic"]');
      ctx.out.ok();
      return;
    }
    const [idxArg, msgidArg, ...topicArgs] = command.args;
    const idx = clientIdxArg(idxArg);
    const msgid = packetIdArg(msgidArg);
    if (command.form !== 'set' || idx === undefined || msgid === undefined || topicArgs.length === 0) {
      return ctx.out.error();
    }
    const topics = topicArgs.map(stringArg);
    if (topics.some((t) => t === undefined || !isTopicFilter(t))) return ctx.out.error();
    const session = sessions[idx];
    if (session.state !== 'connected' || session.requests.has(msgid)) return ctx.out.error();
    ctx.out.ok();
    unsubscribe(session, msgid, topics as string[]);
  };
}
