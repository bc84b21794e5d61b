/**
 * Faults that delay or replace a whole answer, or rewrite its lines, as wrappers around a command
 * handler: the handler answers as the note says and the faulty firmware's answer is made here.
 * Core wrappers apply to every command line the core dispatches; MQTT wrappers to the MQTT side's
 * handler map (so they also hold when the MQTT handlers are driven alone, as unit tests do).
 * Each wrapper checks its fault on every call, so a fault switched on later takes effect.
 */
import type { CommandHandler, HandlerContext, ParsedCommand, SerialOut } from '../types';
import type { FaultId } from './catalog';

type Handler<C extends HandlerContext> = (command: ParsedCommand, ctx: C) => void | Promise<void>;

interface HandlerFault {
  readonly fault: FaultId;
  /** Command names it applies to (ParsedCommand.name); every command when absent. */
  readonly commands?: readonly string[];
  readonly wrap: <C extends HandlerContext>(handler: Handler<C>) => Handler<C>;
}

/** The context with some SerialOut members replaced; every other member of `out` is the original. */
function withOut<C extends HandlerContext>(ctx: C, replaced: Partial<SerialOut>): C {
  const out = new Proxy(ctx.out, {
    get: (target, prop) => {
      const own = (replaced as Record<string | symbol, unknown>)[prop];
      if (own !== undefined) return own;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { ...ctx, out };
}

/** Every information line passes `rewrite` (undefined: the line is left out). */
const rewritingLines =
  (form: ParsedCommand['form'], rewrite: (line: string) => string | undefined) =>
  <C extends HandlerContext>(handler: Handler<C>): Handler<C> =>
  (command, ctx) => {
    if (command.form !== form) return handler(command, ctx);
    const line = (text: string): void => {
      const changed = rewrite(text);
      if (changed !== undefined) ctx.out.line(changed);
    };
    return handler(command, withOut(ctx, { line }));
  };

export const CORE_HANDLER_FAULTS: readonly HandlerFault[] = [
  // spec 3.3.1–3.3.8: each test form lists the supported ranges.
  {
    fault: 'test-forms-answer-bare-ok',
    wrap: (handler) => (command, ctx) => (command.form === 'test' ? ctx.out.ok() : handler(command, ctx)),
  },
  // V.25ter ATE0 switches echo off.
  {
    fault: 'echo-stuck-on',
    commands: ['E', 'E0'],
    wrap: () => (_command, ctx) => ctx.out.ok(),
  },
  // spec 3.3.1: maximum response time 300 ms.
  {
    fault: 'qmtcfg-slow-response',
    commands: ['+QMTCFG'],
    wrap: (handler) => async (command, ctx) => {
      await ctx.clock.sleep(500);
      await handler(command, ctx);
    },
  },
  // spec 3.3.1 test form: one line per sub-option, "timeout" among them.
  {
    fault: 'test-form-missing-timeout',
    commands: ['+QMTCFG'],
    wrap: rewritingLines('test', (line) => (line.startsWith('+QMTCFG: "timeout"') ? undefined : line)),
  },
  // spec 3.3.1 query answers: +QMTCFG: "<name>",<value>[,<value>…] without spaces.
  {
    fault: 'qmtcfg-query-comma-space',
    commands: ['+QMTCFG'],
    wrap: rewritingLines('set', (line) =>
      line.replace(/^(\+QMTCFG: )(.*)$/, (_all, head: string, answer: string) => head + answer.replace(/,/g, ', ')),
    ),
  },
  // spec 3.3.1 "recv/mode" query: <msg_recv_mode> first, then <msg_len_enable>.
  {
    fault: 'recv-mode-query-swapped',
    commands: ['+QMTCFG'],
    wrap: rewritingLines('set', (line) => line.replace(/^(\+QMTCFG: "recv\/mode"),(\d+),(\d+)$/, '$1,$3,$2')),
  },
];

export const MQTT_HANDLER_FAULTS: readonly HandlerFault[] = [
  // spec 3.3.2–3.3.9: a parameter out of range answers ERROR.
  {
    fault: 'mqtt-rejected-command-answers-ok',
    wrap: (handler) => (command, ctx) => handler(command, withOut(ctx, { error: () => ctx.out.ok() })),
  },
  // spec 3.3.9: AT+QMTRECV=? answers OK and nothing else.
  {
    fault: 'qmtrecv-test-form-prints-ranges',
    commands: ['+QMTRECV'],
    wrap: (handler) => (command, ctx) => {
      if (command.form === 'test') ctx.out.line('+QMTRECV: (0-5),(0-4)');
      return handler(command, ctx);
    },
  },
  // spec 3.3.4 AT+QMTCONN? <state> 1~4 per client with a network.
  {
    fault: 'qmtconn-query-always-connected',
    commands: ['+QMTCONN'],
    wrap: rewritingLines('read', (line) => line.replace(/^(\+QMTCONN: \d+),\d+$/, '$1,3')),
  },
];

/** `handler` for `name`, wrapped in every listed fault; each wrapper looks at its fault per call. */
export function withHandlerFaults<C extends HandlerContext>(
  table: readonly HandlerFault[],
  name: string,
  handler: Handler<C>,
): Handler<C> {
  return table
    .filter((entry) => !entry.commands || entry.commands.includes(name))
    .reduce<Handler<C>>((inner, entry) => {
      const wrapped = entry.wrap(inner);
      return (command, ctx) => (ctx.faults.has(entry.fault) ? wrapped(command, ctx) : inner(command, ctx));
    }, handler);
}

/** The MQTT side's handler map with its wrappers. */
export function withMqttHandlerFaults(handlers: Record<string, CommandHandler>): Record<string, CommandHandler> {
  return Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [name, withHandlerFaults(MQTT_HANDLER_FAULTS, name, handler)]),
  );
}
