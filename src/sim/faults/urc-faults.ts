/**
 * Faults that mangle, drop or delay a URC line (spec chapter 4 and the result URCs of 3.3.2–3.3.8),
 * applied as one output filter on the MQTT side's URC channel: the protocol code reports what
 * the note says, and the faulty firmware's line is made here. A rewrite matches the line's
 * layout exactly, so it touches only the report it names.
 */
import type { MqttEnvironment, SerialOut } from '../types';
import type { HookOf } from './catalog';

/** What becomes of one URC line: its new text and how late it comes, or undefined: never printed. */
type UrcOutcome = { readonly line: string; readonly delayMs: number } | undefined;

type UrcRewrite = (line: string, delayMs: number, env: MqttEnvironment) => UrcOutcome;

const rewrite =
  (pattern: RegExp, replacement: string) =>
  (line: string, delayMs: number): UrcOutcome => ({ line: line.replace(pattern, replacement), delayMs });
const drop =
  (pattern: RegExp) =>
  (line: string, delayMs: number): UrcOutcome =>
    pattern.test(line) ? undefined : { line, delayMs };

/** One row per URC hook, applied in the order written; the separator is last, so the other patterns see the note's layout. */
const URC_FAULTS = {
  // spec 3.3.2: the result comes within the 120 s maximum response time.
  'urc.qmtopen-delay': (line, delayMs) => ({ line, delayMs: /^\+QMTOPEN: \d+,-?\d+$/.test(line) ? 130_000 : delayMs }),
  // spec 3.3.2 <result> 1~5 name the reason a network could not be opened.
  'urc.qmtopen-failure-result': rewrite(/^(\+QMTOPEN: \d+),[1-5]$/, '$1,-1'),
  // spec 3.3.3 <result> -1: no network to close (that is the only +QMTCLOSE -1).
  'urc.qmtclose-minus-1': rewrite(/^(\+QMTCLOSE: \d+),-1$/, '$1,0'),
  // spec 3.3.4: +QMTCONN: <client_idx>,0[,<ret_code>] within <pkt_timeout>.
  'urc.qmtconn-delay': (line, delayMs, env) => {
    const accepted = /^\+QMTCONN: (\d+),0(?:,\d+)?$/.exec(line);
    return { line, delayMs: accepted ? (env.config[Number(accepted[1])].pktTimeout + 1) * 1000 : delayMs };
  },
  // spec 3.3.5 <result> -1: the client is not connected (that is the only +QMTDISC -1).
  'urc.qmtdisc-minus-1': rewrite(/^(\+QMTDISC: \d+),-1$/, '$1,0'),
  // spec 3.3.6–3.3.8 <result> 1 "retransmission", printed only with <timeout_notice> 1.
  'urc.retransmission-notice': drop(/^\+QMT(?:SUB|UNS|PUBEX): \d+,\d+,1,\d+$/),
  // spec 4.1 table 4: <err_code> says what ended the link.
  'urc.qmtstat-code': rewrite(/^(\+QMTSTAT: \d+),\d+$/, '$1,1'),
  // spec 4.1 <err_code> 1: the server closed the connection (the module's only code-1 report).
  'urc.qmtstat-server-closed': drop(/^\+QMTSTAT: \d+,1$/),
  // spec chapter 4: URC parameters are separated by "," without spaces.
  'urc.separator': rewrite(/,(?! )/g, ', '),
} satisfies Record<HookOf<'urc'>, UrcRewrite>;

/** The MQTT side's output with the URC filter in front of `urc`; everything else passes unchanged. */
export function withUrcFaults(env: MqttEnvironment): SerialOut {
  const out = env.out;
  const urc = (text: string): void => {
    let outcome: UrcOutcome = { line: text, delayMs: 0 };
    for (const [hook, apply] of Object.entries(URC_FAULTS) as [HookOf<'urc'>, UrcRewrite][]) {
      if (outcome && env.faults.at(hook)) outcome = apply(outcome.line, outcome.delayMs, env);
    }
    if (!outcome) return;
    const { line, delayMs } = outcome;
    if (delayMs > 0) env.clock.setTimeout(() => out.urc(line), delayMs);
    else out.urc(line);
  };
  return {
    line: (text) => out.line(text),
    ok: () => out.ok(),
    error: () => out.error(),
    urc,
    prompt: (length, onData, options) => out.prompt(length, onData, options),
    raw: (bytes) => out.raw(bytes),
  };
}
