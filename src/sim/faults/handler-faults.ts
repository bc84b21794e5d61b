/**
 * Faults that delay or replace a whole answer, or rewrite its lines, as wrappers around a command
 * handler: the handler answers as the note says and the faulty firmware's answer is made here.
 * Core wrappers apply to every command line the core dispatches; MQTT wrappers to the MQTT side's
 * handler map (so they also hold when the MQTT handlers are driven alone, as unit tests do).
 * Each wrapper checks its fault on every call, so a fault switched on later takes effect.
 */
import type { CommandHandler, HandlerContext, ParsedCommand, SerialOut } from '../types';
import type { HookOf } from './catalog';

type Handler<C extends HandlerContext> = (command: ParsedCommand, ctx: C) => void | Promise<void>;

interface HandlerFault {
  /** The handlers it wraps: those the core dispatches, or the MQTT side's handler map. */
  readonly side: 'core' | 'mqtt';
  /** Command names it applies to (ParsedCommand.name); every command of its side when absent. */
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
  (form: ParsedCommand['form'], rewrite: (line: string, ctx: HandlerContext) => string | undefined) =>
  <C extends HandlerContext>(handler: Handler<C>): Handler<C> =>
  (command, ctx) => {
    if (command.form !== form) return handler(command, ctx);
    const line = (text: string): void => {
      const changed = rewrite(text, ctx);
      if (changed !== undefined) ctx.out.line(changed);
    };
    return handler(command, withOut(ctx, { line }));
  };

/** One row per answer hook; wrapped in the order written, so an earlier row rewrites a line first. */
const HANDLER_FAULTS = {
  // spec 3.3.1–3.3.8: each test form lists the supported ranges.
  'answer.test-form-ranges': {
    side: 'core',
    wrap: (handler) => (command, ctx) => (command.form === 'test' ? ctx.out.ok() : handler(command, ctx)),
  },
  // spec 3.3.1: maximum response time 300 ms.
  'answer.qmtcfg-response-time': {
    side: 'core',
    commands: ['+QMTCFG'],
    wrap: (handler) => async (command, ctx) => {
      await ctx.clock.sleep(500);
      await handler(command, ctx);
    },
  },
  // spec 3.3.1 test form: one line per sub-option, "timeout" among them.
  'answer.qmtcfg-test-form-timeout-line': {
    side: 'core',
    commands: ['+QMTCFG'],
    wrap: rewritingLines('test', (line) => (line.startsWith('+QMTCFG: "timeout"') ? undefined : line)),
  },
  // spec 3.3.1 "keepalive": the test form lists the range the set form accepts, 0~3600.
  'answer.qmtcfg-test-form-keepalive-line': {
    side: 'core',
    commands: ['+QMTCFG'],
    wrap: rewritingLines('test', (line) =>
      line.startsWith('+QMTCFG: "keepalive"') ? line.replace('(0-3600)', '(0-7200)') : line,
    ),
  },
  // spec 3.3.1 "version" query: the configured <vsn>, not the power-up one.
  'answer.qmtcfg-version-query': {
    side: 'core',
    commands: ['+QMTCFG'],
    wrap: rewritingLines('set', (line, ctx) =>
      line.replace(/^(\+QMTCFG: "version"),\d+$/, `$1,${ctx.variant.defaults.vsn}`),
    ),
  },
  // spec 3.3.1 "recv/mode" query: <msg_recv_mode> first, then <msg_len_enable>.
  'answer.qmtcfg-recv-mode-query': {
    side: 'core',
    commands: ['+QMTCFG'],
    wrap: rewritingLines('set', (line) => line.replace(/^(\+QMTCFG: "recv\/mode"),(\d+),(\d+)$/, '$1,$3,$2')),
  },
  // spec 3.3.1 query answers: +QMTCFG: "<name>",<value>[,<value>…] without spaces.
  'answer.qmtcfg-query-commas': {
    side: 'core',
    commands: ['+QMTCFG'],
    wrap: rewritingLines('set', (line) =>
      line.replace(/^(\+QMTCFG: )(.*)$/, (_all, head: string, answer: string) => head + answer.replace(/,/g, ', ')),
    ),
  },
  // spec 3.3.2–3.3.9: a parameter out of range answers ERROR.
  'answer.mqtt-error': {
    side: 'mqtt',
    wrap: (handler) => (command, ctx) => handler(command, withOut(ctx, { error: () => ctx.out.ok() })),
  },
  // spec 3.3.9: AT+QMTRECV=? answers OK and nothing else.
  'answer.qmtrecv-test-form': {
    side: 'mqtt',
    commands: ['+QMTRECV'],
    wrap: (handler) => (command, ctx) => {
      if (command.form === 'test') ctx.out.line('+QMTRECV: (0-5),(0-4)');
      return handler(command, ctx);
    },
  },
  // spec 3.3.4 AT+QMTCONN? <state> 1~4 per client with a network.
  'answer.qmtconn-query-state': {
    side: 'mqtt',
    commands: ['+QMTCONN'],
    wrap: rewritingLines('read', (line) => line.replace(/^(\+QMTCONN: \d+),\d+$/, '$1,3')),
  },
} satisfies Record<HookOf<'answer'>, HandlerFault>;

/** `handler` for `name`, wrapped in every listed fault; each wrapper looks at its fault per call. */
export function withHandlerFaults<C extends HandlerContext>(
  side: HandlerFault['side'],
  name: string,
  handler: Handler<C>,
): Handler<C> {
  return (Object.entries(HANDLER_FAULTS) as [HookOf<'answer'>, HandlerFault][])
    .filter(([, entry]) => entry.side === side && (!entry.commands || entry.commands.includes(name)))
    .reduce<Handler<C>>((inner, [hook, entry]) => {
      const wrapped = entry.wrap(inner);
      return (command, ctx) => (ctx.faults.at(hook) ? wrapped(command, ctx) : inner(command, ctx));
    }, handler);
}

/** The MQTT side's handler map with its wrappers. */
export function withMqttHandlerFaults(handlers: Record<string, CommandHandler>): Record<string, CommandHandler> {
  return Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [name, withHandlerFaults('mqtt', name, handler)]),
  );
}
