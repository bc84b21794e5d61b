/**
 * One whole line from the module, classified against the command running when it came: its echo
 * (ATE1), the `CONNECT` go-ahead of AT+QFUPL, its final result, one of its information lines, or a
 * URC. The byte-level framing that finds the lines (and counts out +QMTRECV payloads) is
 * src/at/digester.ts.
 */
import type { DigestEvent, RecvAwaitingLineEnd, RunningCommand } from './digest-events';
import { isInformationLine, lineName, parseFinal, splitFields } from './line-kinds';
import { parseNoLengthMessage } from './recv-layouts';
import type { RecvLayout, Urc } from './types';

export interface LineContext {
  /** The running command; its flags (echo seen, answered, prompted) are updated here. */
  readonly command: RunningCommand | undefined;
  /** ATE1 in effect. */
  readonly echo: boolean;
  readonly at: number;
}

export interface Classified {
  readonly events: DigestEvent[];
  /** The line was the running command's final result. */
  readonly commandEnded: boolean;
  /** The module restarted (RDY). */
  readonly restarted: boolean;
}

export function classifyLine(raw: Buffer, context: LineContext): Classified {
  const text = raw.toString('utf8');
  const { command: cmd, at } = context;
  const just = (event: DigestEvent, ended = false): Classified => ({
    events: [event],
    commandEnded: ended,
    restarted: false,
  });
  // Echo (ATE1): the command line comes back before any answer. Recognised even when echo is
  // believed off, flagged unexpected, so a wrong ATE state never turns into a bogus URC.
  if (cmd && !cmd.echoSeen && !cmd.answered && text === cmd.info.text) {
    cmd.echoSeen = true;
    return just({ type: 'echo', text, expected: context.echo, at });
  }
  // AT+QFUPL (spec 5.2): `CONNECT` on its own line is the go-ahead for the raw data. The
  // uploaded bytes are not echoed back, so no payload echo is expected after it.
  if (cmd && cmd.expectPrompt && cmd.prompt === 'CONNECT' && !cmd.prompted && text === 'CONNECT') {
    cmd.prompted = true;
    return just({ type: 'prompt', text, at });
  }
  const final = parseFinal(text);
  if (final && cmd) return just({ type: 'final', result: final, text, at }, true);
  const name = lineName(text);
  if (name === '+QMTRECV') {
    const message = parseNoLengthMessage(raw.toString('latin1'));
    if (message)
      return just(
        lineEvent(context, text, name, message.fields, message.payload, message.quoted ? 'quoted' : 'unquoted'),
      );
  }
  return {
    events: [lineEvent(context, text, name, splitFields(text), undefined)],
    commandEnded: false,
    restarted: name === 'RDY',
  };
}

/** A +QMTRECV whose payload was counted out by its length, complete at its line end with `tail` before it. */
export function classifyRecv(done: RecvAwaitingLineEnd, tail: string, context: LineContext): Classified {
  const { header, payload, quoted } = done;
  const payloadText = payload.toString('utf8');
  const headerText = Buffer.from(header.text, 'latin1').toString('utf8');
  const layout: RecvLayout = done.split ? 'split' : quoted ? 'quoted-length' : 'unquoted-length';
  const body = quoted ? `"${payloadText}"` : payloadText;
  const text = done.split ? `${headerText}\n${body}${tail}` : headerText + body + tail;
  const fields = [header.clientIdx, header.msgId, header.topic, String(header.length), payloadText];
  return {
    events: [lineEvent(context, text, '+QMTRECV', fields, payload, layout)],
    commandEnded: false,
    restarted: false,
  };
}

/** An information line of the running command, else a URC. */
function lineEvent(
  context: LineContext,
  text: string,
  name: string,
  fields: string[],
  payload: Buffer | undefined,
  recvLayout?: RecvLayout,
): DigestEvent {
  const { command: cmd, at } = context;
  if (cmd && isInformationLine(cmd.info, name, text)) {
    cmd.answered = true;
    return payload
      ? { type: 'response-line', text, payload, fields, recvLayout, at }
      : { type: 'response-line', text, at };
  }
  const urc: Urc = payload ? { text, name, fields, payload, recvLayout, at } : { text, name, fields, at };
  return { type: 'urc', urc };
}
