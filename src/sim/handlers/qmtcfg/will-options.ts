/**
 * AT+QMTCFG "will" and "willex" (spec 3.3.1, notes 1; ambiguities A10, A11).
 * Both write the same Will of the client; "willex" takes the message after a `>` prompt.
 */
import type { AtArgument, ClientConfig } from '../../types';
import type { CoreHandlerContext } from '../../core/core-context';
import { promptBytes } from '../../core/framing';
import { q, readIntIn, readString } from './arguments';
import { acceptedRange } from '../../faults/range-faults';
import { RANGE, formatRange as f } from './ranges';
import type { SubOption } from './sub-option';

const IDX = f(RANGE.clientIdx);

interface WillHead {
  qos: number;
  retain: number;
  topic: string;
}

function readWillHead(args: readonly AtArgument[], ctx: CoreHandlerContext): WillHead | undefined {
  const qos = readIntIn(args[1], RANGE.willQos);
  const retain = readIntIn(args[2], RANGE.willRetain);
  const topicBytes = acceptedRange('willTopicBytes', ctx.faults);
  const topic = readString(args[3], topicBytes);
  if (qos === undefined || retain === undefined || topic === undefined) return undefined;
  return { qos, retain, topic };
}

/** Note 1 / A11: with will_fg=0 the other will parameters are omitted; extra ones are ignored or ERROR. */
function clearWill(args: readonly AtArgument[], c: ClientConfig, ctx: CoreHandlerContext): boolean {
  if (args.length > 5) return false;
  if (args.length > 1 && ctx.variant.readings.A11 === 'error') return false;
  c.will.flag = 0;
  return true;
}

function willQuery(name: string, c: ClientConfig, last: string): string {
  // "[,<will_qos>,…]" printed only while the flag is 1 (see profiles.ts).
  if (c.will.flag !== 1) return `"${name}",0`;
  return `"${name}",1,${c.will.qos},${c.will.retain},${q(c.will.topic)},${last}`;
}

export const will: SubOption = {
  name: 'will',
  testLine: () =>
    `"will",${IDX},${f(RANGE.willFg)},${f(RANGE.willQos)},${f(RANGE.willRetain)},"willtopic","willmessage"`,
  query: (c) => willQuery('will', c, q(c.will.message.toString('latin1'))),
  set(args, c, ctx) {
    const flag = readIntIn(args[0], RANGE.willFg);
    if (flag === undefined) return false;
    if (flag === 0) return clearWill(args, c, ctx);
    // Note 1: with will_fg=1 all four must be given.
    if (args.length !== 5) return false;
    const head = readWillHead(args, ctx);
    const messageBytes = acceptedRange('willMessageBytes', ctx.faults);
    const message = readString(args[4], messageBytes);
    if (!head || message === undefined) return false;
    c.will = { flag: 1, ...head, message: Buffer.from(message, 'latin1') };
    return true;
  },
};

export const willex: SubOption = {
  name: 'willex',
  // A10: the note's configure branch of "willex" has no "connection not created" condition.
  allowedWhileConnected: true,
  testLine: () =>
    `"willex",${IDX},${f(RANGE.willFg)},${f(RANGE.willQos)},${f(RANGE.willRetain)},"willtopic",${f(RANGE.willLen)}`,
  query: (c) => willQuery('willex', c, String(c.will.message.length)),
  set(args, c, ctx) {
    const flag = readIntIn(args[0], RANGE.willFg);
    if (flag === undefined) return false;
    if (flag === 0) {
      // A11willex "prompt": the full parameter list with <will_fg> 0 prompts for <will_len> bytes,
      // which are read and dropped (the Will is cleared); A11 concerns the prompt-less reading only.
      if (ctx.variant.readings.A11willex === 'prompt' && args.length === 5) {
        const len = readIntIn(args[4], RANGE.willLen);
        if (len === undefined) return false;
        c.will.flag = 0;
        ctx.out.capture(() => ctx.out.raw(promptBytes(ctx.variant.at?.prompt)), {
          length: len,
          dropExtra: true,
          onData: () => ctx.out.ok(),
        });
        return 'pending';
      }
      return clearWill(args, c, ctx);
    }
    if (args.length !== 5) return false;
    const head = readWillHead(args, ctx);
    const length = readIntIn(args[4], acceptedRange('willLen', ctx.faults));
    if (!head || length === undefined) return false;
    ctx.out.capture(() => ctx.out.raw(promptBytes(ctx.variant.at?.prompt)), {
      length,
      // spec 3.3.1: "only the first <will_len> bytes of the data are sent" — extra bytes dropped.
      dropExtra: true,
      // Fault: firmware keeps every byte of the chunk, ignoring <will_len>.
      keepExtraInChunk: ctx.faults.at('will-options.willex-input-length'),
      onData: (data) => {
        c.will = { flag: 1, ...head, message: Buffer.from(data) };
        ctx.out.ok();
      },
    });
    return 'pending';
  },
};
