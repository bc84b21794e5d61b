/**
 * AT+QMTPUBEX (spec 3.3.8). ERROR at once when: the argument count is not 6, <client_idx> not
 * 0~5, <qos> not 0~2, <retain> not 0/1, <msgid> out of range (QoS 1/2: 1~65535; QoS 0: 0 only
 * under reading A26 "must-zero", else 0~65535), a QoS 1/2 <msgid> already in flight, an empty
 * topic or one with wildcards, <length> below 1 or above 1500 (A28 "error"; "clip" reads 1500),
 * the client is not connected, or five publishes are already in flight (note 1: window of 5).
 * Otherwise `>`; exactly <length> bytes are taken (extra bytes dropped); with send mode hex
 * ("send/mode" or "dataformat" <send_mode> 1, A15: either one) the input is hex text, <length>
 * counts its characters, and bad hex gives ERROR. Then OK and the publish flow (requests.ts).
 */
import type { ClientConfig, CommandHandler } from '../../types';
import { clientIdxArg, intArg, isPublishTopic, stringArg } from '../../mqtt/args';
import { publish } from '../../mqtt/requests';
import type { ClientSession } from '../../mqtt/session';

const MAX_INPUT = 1500; // spec 3.3.8 note 2
const WINDOW = 5; // spec 3.3.8 note 1

export function qmtPubexHandler(sessions: readonly ClientSession[]): CommandHandler {
  return (command, ctx) => {
    if (command.form === 'test') {
      ctx.out.line('+QMTPUBEX: (0-5),<msgid>,(0-2),(0,1),"topic","length"');
      ctx.out.ok();
      return;
    }
    const [idxArg, msgidArg, qosArg, retainArg, topicArg, lengthArg] = command.args;
    const idx = clientIdxArg(idxArg);
    const qos = intArg(qosArg, 0, 2);
    const retain = intArg(retainArg, 0, 1);
    const topic = stringArg(topicArg);
    let length = intArg(lengthArg, 1, 999999);
    if (command.form !== 'set' || command.args.length !== 6) return ctx.out.error();
    if (idx === undefined || qos === undefined || retain === undefined || length === undefined) return ctx.out.error();
    if (topic === undefined || !isPublishTopic(topic)) return ctx.out.error();
    // spec 3.3.8 / A26: "the value is 0 only when <qos>=0".
    const mustZero = ctx.variant.readings.A26 === 'must-zero';
    const msgid = qos === 0 ? intArg(msgidArg, 0, mustZero ? 0 : 65535) : intArg(msgidArg, 1, 65535);
    if (msgid === undefined) return ctx.out.error();
    if (length > MAX_INPUT) {
      if (ctx.variant.readings.A28 === 'error') return ctx.out.error();
      length = MAX_INPUT;
    }
    const session = sessions[idx];
    if (session.state !== 'connected') return ctx.out.error();
    if (qos > 0 && session.requests.has(msgid)) return ctx.out.error();
    if (qos > 0 && session.requests.publishesInFlight() >= WINDOW && !ctx.faults.at('qmtpubex.window')) {
      return ctx.out.error();
    }
    const wanted = length;
    // spec 3.3.8: bytes beyond <length> are deleted. Fault: the firmware keeps every byte of the
    // input burst that completed <length>, and publishes them too.
    const keepExtra = ctx.faults.at('qmtpubex.input-length');
    const onData = (data: Buffer) => {
      const input = keepExtra ? data : data.subarray(0, wanted);
      const payload = hexMode(ctx.config[idx]) ? decodeHex(input) : input;
      if (payload === undefined || session.state !== 'connected') return ctx.out.error();
      ctx.out.ok();
      publish(session, msgid, qos as 0 | 1 | 2, retain === 1, topic, payload);
    };
    ctx.out.prompt(wanted, onData, { keepExtraInChunk: keepExtra });
  };
}

function hexMode(config: ClientConfig): boolean {
  return config.sendMode === 1 || config.dataformat.sendMode === 1;
}

function decodeHex(text: Buffer): Buffer | undefined {
  const s = text.toString('latin1');
  if (s.length % 2 !== 0 || !/^[0-9A-Fa-f]*$/.test(s)) return undefined;
  return Buffer.from(s, 'hex');
}
