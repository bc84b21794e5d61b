/**
 * AT+QMTSUB (spec 3.3.6). ERROR when: <client_idx> not 0~5, <msgid> not 1~65535 or already in
 * flight, no <topic>,<qos> pair or an odd trailing argument, a <qos> not 0~2, a topic that is not
 * a valid MQTT filter, or the client is not connected. Otherwise OK, SUBSCRIBE, then
 * +QMTSUB: idx,msgid,0,<granted…> (vector comma-separated) or the T1 reports (requests.ts).
 * Test line: the §5.1 example spelling `list of ["topic",qos]` (no space after the comma).
 */
import type { CommandHandler } from '../../types';
import { acceptedRange } from '../../faults/range-faults';
import { clientIdxArg, intArg, isTopicFilter, stringArg } from '../../mqtt/args';
import { subscribe, type Subscription } from '../../mqtt/requests';
import type { ClientSession } from '../../mqtt/session';

export function qmtSubHandler(sessions: readonly ClientSession[]): CommandHandler {
  return (command, ctx) => {
    if (command.form === 'test') {
      ctx.out.line('+QMTSUB: (0-5),<msgid>,list of ["topic",qos]');
      ctx.out.ok();
      return;
    }
    const [idxArg, msgidArg, ...pairs] = command.args;
    const idx = clientIdxArg(idxArg);
    const msgids = acceptedRange('subscribeMsgid', ctx.faults);
    const msgid = intArg(msgidArg, msgids.min, msgids.max);
    if (command.form !== 'set' || idx === undefined || msgid === undefined) return ctx.out.error();
    if (pairs.length === 0 || pairs.length % 2 !== 0) return ctx.out.error();
    const subscriptions: Subscription[] = [];
    for (let i = 0; i < pairs.length; i += 2) {
      const topic = stringArg(pairs[i]);
      const qos = intArg(pairs[i + 1], 0, 2);
      if (topic === undefined || !isTopicFilter(topic) || qos === undefined) return ctx.out.error();
      subscriptions.push({ topic, qos: qos as 0 | 1 | 2 });
    }
    const session = sessions[idx];
    if (session.state !== 'connected' || session.requests.has(msgid)) return ctx.out.error();
    ctx.out.ok();
    subscribe(session, msgid, subscriptions);
  };
}
