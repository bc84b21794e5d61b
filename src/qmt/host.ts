/**
 * The host side of the AT conversation, as a QA engineer describes it: send a command, check the
 * answer and its time, wait for the URC that completes it within the spec's maximum response time.
 */
import type { AtClient } from '../at/at-client';
import type { AtResponse, ReceivedUrc, Urc } from '../at/types';
import { OTHER_DOCUMENT_COMMANDS, TIMER_PACKETS } from '../at/commands/tables';
import type { Clock } from '../clock/clock';
import type { SecretMasker } from '../secrets/masker';
import { parseCommandLine, type CommandLine } from './command-line';
import { secretsInCommand } from './secrets';
import { matchLines } from './answer-pattern';
import { sendOpenEnded, type OpenEndedAnswer } from './open-ended-query';
import type { ReadingObserver } from './readings-observer';
import { DEFAULT_TIMING, responseTimeLimit, type ClientTiming, type ResponseTimeLimit } from './timing';
import { describeMargin, withMargin, type TimingMargin } from './timing-margin';
import { allowedInterleaving, type Interleaving } from './allowed-interleavings';
import {
  describeUrc,
  omittedOptionalFields,
  parseExpectedUrc,
  type ExpectedUrc,
  type MsgidCheck,
  urcConflicts,
  urcMatches,
} from './urc-match';
import { nonConformance, preconditionFailed } from './verdict';

/**
 * Where the module's own timer starts, as the broker fixture saw it: the first packet of a type
 * from the module at or after a time. Undefined when no such packet was seen.
 */
export type WireClock = (
  packet: 'connect' | 'subscribe' | 'unsubscribe' | 'publish' | 'pubrel',
  since: number,
) => number | undefined;

/** The failure for a wrong answer to `line`: precondition for another document's command, else non-conformance. */
export function answerFailure(line: CommandLine, message: string): Error {
  return OTHER_DOCUMENT_COMMANDS.has(line.name)
    ? preconditionFailed(`${message} (a command of another document that this scenario needs)`)
    : nonConformance(message);
}

/** URCs about a client's link: one of these with another code for the same client answers the same question. */
const LINK_URCS = new Set(['+QMTSTAT', '+QMTPING']);

/** One answer a reading allows: the reading's value and what the module prints under it. */
export interface ReadingAlternative {
  readonly value: string;
  /** Expected lines (the final result last); for URC alternatives one URC text, or undefined = none. */
  readonly lines: readonly string[];
  /** URC alternatives: "… within N seconds", the limit on that URC from the command line. */
  readonly withinMs?: number;
}

/** Where QmtHost.expectNoUrc looks: from now (default) or back to the scenario's start. */
export interface NoUrcOptions {
  readonly sinceScenarioStart?: boolean;
}

export interface Exchange {
  readonly line: CommandLine;
  readonly response: AtResponse;
  readonly limit: ResponseTimeLimit;
  /** Set once a step has checked the final result. */
  asserted: boolean;
}

export class QmtHost {
  private readonly timing = new Map<number, ClientTiming>();
  private readonly exchanges: Exchange[] = [];
  /** URCs the note allows that arrived between a reading's rows, with the note's words (for the report). */
  private readonly interleavings: string[] = [];

  constructor(
    private readonly at: AtClient,
    private readonly clock: Clock,
    private readonly masker: SecretMasker,
    private readonly retriesAfterFirst: boolean,
    private readonly observer: ReadingObserver,
    readonly margin: TimingMargin,
    private readonly wireClock: WireClock = () => undefined,
    private readonly msgidCheck?: MsgidCheck,
  ) {}

  /** Whether a +QMTRECV's <msgid> is the packet identifier of the broker's PUBLISH (src/qmt/publish-msgid.ts). */
  isPublishMsgid(urc: Urc): boolean {
    return this.msgidCheck?.(urc) ?? false;
  }

  /** An expected URC text, its `{publish-msgid}` decided by the broker's PUBLISH packets. */
  private expectedUrc(text: string): ExpectedUrc {
    return parseExpectedUrc(text, this.msgidCheck);
  }

  /** Sends one command line (already free of placeholders); ERROR is an answer, not an exception. */
  async send(raw: string, payload?: Buffer): Promise<Exchange> {
    for (const secret of secretsInCommand(raw)) this.masker.add(secret);
    const line = parseCommandLine(raw);
    const limit = responseTimeLimit(line, this.timingFor(clientIndexOf(line)));
    // Wait past the limit, so that a late answer is measured and reported as late, not as missing.
    const response = await this.at.send(raw, {
      timeoutMs: Math.ceil(withMargin(limit.ms, this.margin) * 1.5) + 1_000,
      payload,
    });
    const exchange: Exchange = { line, response, limit, asserted: false };
    this.exchanges.push(exchange);
    this.track(exchange);
    return exchange;
  }

  /** The allowed interleavings recorded since the last call, for the step to attach to the result. */
  takeInterleavings(): string[] {
    return this.interleavings.splice(0);
  }

  get last(): Exchange {
    const last = this.exchanges.at(-1);
    if (!last) throw new Error('harness: no command has been sent in this scenario');
    return last;
  }

  /** Every command sent in this scenario with whether it was answered OK. */
  commands(): { command: string; ok: boolean }[] {
    return this.exchanges.map((e) => ({ command: e.response.command, ok: e.response.final.kind === 'OK' }));
  }

  unassertedErrors(): Exchange[] {
    return this.exchanges.filter((e) => !e.asserted && e.response.final.kind !== 'OK');
  }

  /** The final result of the last command must be `kind`, in time for a normative limit. */
  expectFinal(kind: 'OK' | 'ERROR'): void {
    const exchange = this.last;
    exchange.asserted = true;
    const { response } = exchange;
    const actual = response.final.kind === 'CME ERROR' ? 'ERROR' : response.final.kind;
    if (actual !== kind) {
      throw answerFailure(
        exchange.line,
        `${response.command} answered ${formatFinal(response)} where the spec expects ${kind}` +
          (response.lines.length ? ` (lines: ${response.lines.join(' | ')})` : ''),
      );
    }
    this.expectInTime(exchange, response.doneAt, `the final result of ${response.command}`);
  }

  /**
   * Information lines of the last command, then its final result. `{default:<name>}` fields accept
   * any value the note allows for that unstated default and record it (A8).
   */
  expectLines(expected: readonly string[]): void {
    const exchange = this.last;
    exchange.asserted = true;
    const { response } = exchange;
    const actual = [...response.lines, formatFinal(response)];
    const wanted = expected.filter((l) => l.trim() !== '');
    // A +QMTRECV line is the same message when its fields and payload bytes are (any layout, A33).
    const comparable = actual.map((line, i) =>
      i < wanted.length && sameMessage(response, i, wanted[i]) ? (wanted[i] as string) : line,
    );
    const match = matchLines(wanted, comparable);
    if (!match) {
      throw answerFailure(
        exchange.line,
        `${response.command} answered\n  ${actual.join('\n  ')}\nexpected\n  ${wanted.join('\n  ')}`,
      );
    }
    this.expectInTime(exchange, response.doneAt, `the answer to ${response.command}`);
    for (const [id, value] of Object.entries(match.captures))
      this.observer.observe(id, value, `${response.command} → ${actual.join(' | ')}`);
    for (const message of response.messages ?? [])
      this.observeRecvLayout(message?.recvLayout, `${response.command} → ${actual.join(' | ')}`);
  }

  /**
   * The last command's answer must be one that a reading of the note allows; the observed reading
   * is recorded (default mode) or checked against the profile (strict mode). When several
   * alternatives print the same bytes, the declared one is taken, else the one this scenario already
   * showed, else the first.
   */
  expectAnswerByReading(id: string, alternatives: readonly ReadingAlternative[]): string {
    const exchange = this.last;
    exchange.asserted = true;
    const { response } = exchange;
    const actual = [...response.lines, formatFinal(response)];
    const matching = alternatives.flatMap((alt) => {
      const match = matchLines(alt.lines, actual);
      return match ? [{ alt, match }] : [];
    });
    const declared = this.observer.preferredValue(id);
    const chosen = matching.find((m) => m.alt.value === declared) ?? matching[0];
    if (!chosen) {
      throw nonConformance(
        `${response.command} answered ${actual.join(' | ')}; the note allows (reading ${id}): ` +
          alternatives.map((a) => `${a.lines.join(' | ')} (${a.value})`).join(' or '),
      );
    }
    this.expectInTime(exchange, response.doneAt, `the answer to ${response.command}`);
    const evidence = `${response.command} → ${actual.join(' | ')}`;
    for (const [capture, value] of Object.entries(chosen.match.captures))
      this.observer.observe(capture, value, evidence);
    this.observer.observeAnswer(
      id,
      matching.map((m) => m.alt.value),
      chosen.alt.value,
      evidence,
    );
    return chosen.alt.value;
  }

  /**
   * Waits for the URC of one of the alternatives a reading allows (an alternative without lines =
   * no such URC within `quietMs`). Records or checks the reading like expectAnswerByReading.
   */
  async expectUrcByReading(id: string, alternatives: readonly ReadingAlternative[], quietMs: number): Promise<string> {
    const expected = alternatives
      .filter((a) => a.lines.length)
      .map((a) => ({ alt: a, urc: this.expectedUrc(a.lines[0] as string) }));
    const none = alternatives.find((a) => a.lines.length === 0);
    const since = this.exchanges.at(-1)?.response.sentAt ?? this.clock.now();
    const limitOf = (e: (typeof expected)[0]) =>
      e.alt.withinMs !== undefined
        ? { limitMs: e.alt.withinMs, source: 'scenario limit', start: () => since }
        : this.urcLimit(e.urc.name);
    const waitMs = Math.max(
      quietMs,
      ...expected.map((e) =>
        e.alt.withinMs !== undefined
          ? Math.ceil(withMargin(e.alt.withinMs, this.margin) * 1.5) + 1_000
          : this.urcLimit(e.urc.name).waitMs,
      ),
    );
    // Same URC name and client as an alternative, but none of them: an answer no reading allows
    // (e.g. +QMTSTAT: 0,1 where the reading allows +QMTSTAT: 0,8 or none) settles the question.
    const sameQuestion = (u: Urc) =>
      expected.some(
        (e) =>
          urcConflicts(u, e.urc) || (LINK_URCS.has(u.name) && u.name === e.urc.name && u.fields[0] === e.urc.fields[0]),
      );
    const declared = this.observer.preferredValue(id);
    const { seen, interleaved } = await this.awaitRows(expected, declared, sameQuestion, waitMs, since);
    this.interleavings.push(...interleaved.map((i) => `allowed before reading ${id}: ${i.why}`));
    const before = interleaved.length ? ` (after ${interleaved.map((i) => i.text).join(', ')})` : '';
    if (seen && !expected.some((e) => urcMatches(seen, e.urc))) {
      throw nonConformance(
        `${seen.text} arrived; the note allows (reading ${id}): ${alternatives.map((a) => `${a.lines[0] ?? 'none'} (${a.value})`).join(' or ')}`,
      );
    }
    if (seen) {
      const matching = expected.filter((e) => urcMatches(seen, e.urc));
      const chosen = matching.find((m) => m.alt.value === declared) ?? matching[0];
      if (!chosen) {
        throw nonConformance(
          `${seen.text} arrived; the note allows (reading ${id}): ${alternatives.map((a) => `${a.lines[0] ?? 'no such URC'} (${a.value})`).join(' or ')}`,
        );
      }
      const { limitMs, source, start } = limitOf(chosen);
      if (limitMs !== undefined && seen.at - start() > withMargin(limitMs, this.margin)) {
        throw nonConformance(
          `${seen.text} arrived after ${seconds(seen.at - start())}, over the limit of ${seconds(limitMs)} (${source}) plus the timing margin of ${describeMargin(this.margin)}`,
        );
      }
      for (const omitted of omittedOptionalFields(seen, chosen.urc))
        this.observer.observe(omitted.reading, omitted.value, `${seen.text} arrived`);
      this.observer.observe(id, chosen.alt.value, `${seen.text} arrived${before}`);
      for (const { reading } of interleaved)
        if (reading) this.observer.observe(reading.id, reading.value, `${seen.text} arrived${before}`);
      return chosen.alt.value;
    }
    if (!none) {
      throw nonConformance(
        `none of ${expected.map((e) => describeUrc(e.urc)).join(' or ')} arrived within ${seconds(waitMs)} (reading ${id} allows only these)`,
      );
    }
    this.observer.observe(
      id,
      none.value,
      `no ${expected.map((e) => describeUrc(e.urc)).join(' / ')} within ${seconds(waitMs)}${before}`,
    );
    return none.value;
  }

  /**
   * The first URC that matches a row or settles the question otherwise, past the URCs the note
   * allows there though no row names them (src/qmt/allowed-interleavings.ts), which are returned
   * with the note's words. A URC that matches another reading's row but may also come before the
   * declared (or already shown) reading's row counts as such: the two readings print alike up to
   * there (A3: `+QMTCONN: 0,2` is "retransmit" with no retries left, or Excep1's own result).
   */
  private async awaitRows(
    expected: readonly { alt: ReadingAlternative; urc: ExpectedUrc }[],
    declared: string | undefined,
    sameQuestion: (u: Urc) => boolean,
    waitMs: number,
    since: number,
  ): Promise<{ seen?: Urc; interleaved: (Interleaving & { text: string })[] }> {
    const pending = new Set(this.exchanges.filter((e) => e.response.final.kind === 'OK').map((e) => e.line.name));
    const preferred = expected.filter((e) => e.alt.value === declared).map((e) => e.urc);
    const interleaves = (u: Urc): Interleaving | undefined => {
      if (preferred.some((e) => urcMatches(u, e))) return undefined;
      if (!expected.some((e) => urcMatches(u, e.urc)))
        return allowedInterleaving(
          u,
          expected.map((e) => e.urc),
          pending,
        );
      return preferred.length ? allowedInterleaving(u, preferred, pending) : undefined;
    };
    const interleaved: (Interleaving & { text: string })[] = [];
    const waitStart = this.clock.now();
    for (;;) {
      const left = waitMs - (this.clock.now() - waitStart);
      const seen = await this.at
        .waitForUrc((u) => expected.some((e) => urcMatches(u, e.urc)) || sameQuestion(u), Math.max(left, 1), since)
        .catch(() => undefined);
      const allowed = seen && interleaves(seen);
      if (!seen || !allowed) return { seen, interleaved };
      interleaved.push({ ...allowed, text: seen.text });
    }
  }

  /**
   * A reading whose answers are either ERROR at once (value `errorValue`) or OK and then one of the
   * URC alternatives (e.g. open-bad-host: ERROR, or +QMTOPEN: 0,4 / 0,1 / 0,-1).
   */
  async expectErrorOrUrcByReading(
    id: string,
    errorValue: string,
    alternatives: readonly ReadingAlternative[],
  ): Promise<string> {
    const exchange = this.last;
    if (exchange.response.final.kind !== 'OK') {
      exchange.asserted = true;
      this.expectInTime(exchange, exchange.response.doneAt, `the final result of ${exchange.response.command}`);
      this.observer.observe(id, errorValue, `${exchange.response.command} → ${formatFinal(exchange.response)}`);
      return errorValue;
    }
    this.expectFinal('OK');
    return this.expectUrcByReading(id, alternatives, 0);
  }

  /**
   * Reading payload-echo: with ATE1 in effect, whether the data written after the last command's
   * `>` prompt came back. The AT reader drops such an echo either way (src/at/digester.ts).
   */
  observePayloadEcho(): string {
    const { response } = this.last;
    if (!response.prompted) throw nonConformance(`${response.command} showed no > prompt, so no payload was written`);
    const value = response.payloadEchoed ? 'echoed' : 'not-echoed';
    this.observer.observe('payload-echo', value, `${response.command} → the payload after > ${value}`);
    return value;
  }

  /** With ATE0 in effect nothing comes back, the data after the `>` prompt included. */
  expectNoPayloadEcho(): void {
    const { response } = this.last;
    if (!response.prompted) throw nonConformance(`${response.command} showed no > prompt, so no payload was written`);
    if (response.payloadEchoed)
      throw nonConformance(`${response.command}: the payload after > came back with ATE0 in effect`);
  }

  /** The margin every deadline gets (src/qmt/timing-margin.ts), for steps that time the wire. */
  get timingMargin(): TimingMargin {
    return this.margin;
  }

  /**
   * The last command's final result came before its result URC `expectedText` (spec 3.3.2-3.3.8
   * print OK first; a host driver that reads up to OK and then waits for the URC hangs otherwise).
   */
  async expectFinalBeforeUrc(expectedText: string): Promise<void> {
    const exchange = this.last;
    const urc = (await this.expectUrc(expectedText)) as Partial<ReceivedUrc> & Urc;
    const before = exchange.response.urcsBeforeFinal;
    if (before === undefined || urc.index === undefined)
      throw new Error('harness: the AT client does not record URC order');
    if (urc.index < before) {
      throw nonConformance(
        `${urc.text} arrived before the final result of ${exchange.response.command}; the note prints OK first, then the result URC`,
      );
    }
  }

  /**
   * Waits for a URC matching `expectedText`. The time allowed is the maximum response time of the
   * most recent command of the same name (spec chapter 3) plus the timing margin, counted from the
   * event that starts the module's timer: the first CONNECT / SUBSCRIBE / UNSUBSCRIBE / PUBLISH the
   * broker saw after the command, else the command line. `withinMs` overrides the limit.
   */
  async expectUrc(
    expectedText: string,
    options: { withinMs?: number; source?: string; since?: number } = {},
  ): Promise<Urc> {
    const expected = this.expectedUrc(expectedText);
    const { since, limitMs, source, waitMs, start } = this.urcLimit(expected.name, options);
    let urc: Urc;
    try {
      urc = await this.at.waitForUrc(
        (u) => urcMatches(u, expected) || urcConflicts(u, expected),
        Math.max(waitMs, 1),
        since,
        describeUrc(expected),
      );
    } catch (error) {
      throw nonConformance(
        `expected ${describeUrc(expected)}${limitMs !== undefined ? ` within ${seconds(limitMs)} (${source})` : ''}; ${(error as Error).message}`,
      );
    }
    if (!urcMatches(urc, expected)) {
      throw nonConformance(`${urc.text} arrived where ${describeUrc(expected)} was expected`);
    }
    const timerStart = start();
    if (limitMs !== undefined && urc.at - timerStart > withMargin(limitMs, this.margin)) {
      throw nonConformance(
        `${describeUrc(expected)} arrived after ${seconds(urc.at - timerStart)}, over the limit of ${seconds(limitMs)} (${source}) ` +
          `plus the timing margin of ${describeMargin(this.margin)}`,
      );
    }
    for (const omitted of omittedOptionalFields(urc, expected))
      this.observer.observe(omitted.reading, omitted.value, `${urc.text} arrived`);
    this.observeRecvLayout(urc.recvLayout, `${urc.text} arrived`);
    return urc;
  }

  /** A33: the +QMTRECV payload came in quotes or bare (the split layout shows neither). */
  private observeRecvLayout(layout: Urc['recvLayout'], evidence: string): void {
    if (layout === undefined || layout === 'split') return;
    this.observer.observe('A33', layout.startsWith('quoted') ? 'quoted' : 'bare', evidence);
  }

  /** The limit a URC is held to, where it is counted from, and how long to wait for it. */
  private urcLimit(name: string, options: { withinMs?: number; source?: string; since?: number } = {}) {
    const origin = [...this.exchanges].reverse().find((e) => e.line.name === name);
    const since = options.since ?? origin?.response.sentAt ?? this.exchanges.at(-1)?.response.sentAt ?? 0;
    const normative =
      options.withinMs !== undefined || (origin?.limit.normative !== false && origin?.limit.appliesTo === 'urc');
    const limitMs = options.withinMs ?? (normative ? origin?.limit.ms : undefined);
    const source = options.source ?? origin?.limit.source ?? 'harness limit';
    const packets = TIMER_PACKETS[name] ?? [];
    // Read when the URC is in: the packet that starts the timer is on the wire by then.
    const start = () => packets.map((p) => this.wireClock(p, since)).find((at) => at !== undefined) ?? since;
    const waitBudget = limitMs ?? origin?.limit.ms;
    const waitMs =
      waitBudget === undefined
        ? 60_000
        : Math.ceil(withMargin(waitBudget, this.margin) * 1.5) + 1_000 - (this.clock.now() - since);
    return { since, limitMs, source, waitMs: Math.max(waitMs, 1), start };
  }

  /**
   * No URC with this name (optionally matching fields) arrives within `ms` from now. With
   * `sinceScenarioStart`, one that came earlier and no step took counts too (an early URC is as
   * wrong as a late one, e.g. a +QMTPUBEX result for a message still being resent).
   */
  async expectNoUrc(expectedText: string, ms: number, options: NoUrcOptions = {}): Promise<void> {
    const seen = await this.urcWithin(expectedText, ms, options);
    if (!seen) return;
    const where = options.sinceScenarioStart ? 'may be reported at all' : 'was expected';
    throw nonConformance(`${seen.text} arrived, where no ${describeUrc(parseExpectedUrc(expectedText))} ${where}`);
  }

  /** The URC expectNoUrc looks for, taken if it arrives within `ms`; undefined if none does. */
  urcWithin(expectedText: string, ms: number, options: NoUrcOptions = {}): Promise<Urc | undefined> {
    const expected = this.expectedUrc(expectedText);
    const matches = (u: Urc) => (expected.fields.length ? urcMatches(u, expected) : u.name === expected.name);
    const since = options.sinceScenarioStart ? { index: 0 } : this.clock.now();
    return this.at.waitForUrc(matches, ms, since).then(
      (urc) => urc,
      () => undefined,
    );
  }

  /** A13: a query whose answer may end without a final result (src/qmt/open-ended-query.ts). */
  sendOpenEnded(raw: string): Promise<OpenEndedAnswer> {
    return sendOpenEnded(this.at, raw, this.margin);
  }

  timingFor(clientIdx: number | undefined): ClientTiming {
    return (
      (clientIdx !== undefined && this.timing.get(clientIdx)) || {
        ...DEFAULT_TIMING,
        retriesAfterFirst: this.retriesAfterFirst,
      }
    );
  }

  private expectInTime(exchange: Exchange, doneAt: number, what: string): void {
    const elapsed = doneAt - exchange.response.sentAt;
    const { limit } = exchange;
    if (limit.normative && limit.appliesTo === 'final' && elapsed > withMargin(limit.ms, this.margin)) {
      throw nonConformance(
        `${what} took ${seconds(elapsed)}; ${limit.source} plus the timing margin of ${describeMargin(this.margin)}`,
      );
    }
  }

  /** Follows AT+QMTCFG="timeout" so the limits of later commands use the configured values. */
  private track(exchange: Exchange): void {
    const { line, response } = exchange;
    if (response.final.kind !== 'OK') return;
    if (line.name === '+CFUN') this.timing.clear();
    // ATE1 / ATE0 (V.25ter): the digester must know whether to expect echoes from now on.
    if (line.name === 'E1' || line.name === 'E0') this.at.setEcho(line.name === 'E1');
    if (
      line.name === '+QMTCFG' &&
      line.form === 'set' &&
      line.args[0]?.toLowerCase() === 'timeout' &&
      line.args.length >= 4
    ) {
      const idx = Number(line.args[1]);
      this.timing.set(idx, {
        pktTimeoutS: Number(line.args[2]),
        retryTimes: Number(line.args[3]),
        retriesAfterFirst: this.retriesAfterFirst,
      });
    }
  }
}

/**
 * A +QMTRECV line read with AT+QMTRECV (spec 3.3.9) matches by its fields and payload bytes, not
 * its text: quoted, bare or split is the firmware's layout (A33, docs/field-evidence.md#qmtrecv-layouts), not a verdict.
 */
function sameMessage(response: AtResponse, index: number, wanted: string): boolean {
  const message = response.messages?.[index];
  if (!message?.payload) return false;
  return urcMatches({ ...message, text: response.lines[index], name: '+QMTRECV', at: 0 }, parseExpectedUrc(wanted));
}

function clientIndexOf(line: CommandLine): number | undefined {
  const arg = line.name === '+QMTCFG' ? line.args[1] : line.args[0];
  const idx = Number(arg);
  return Number.isInteger(idx) ? idx : undefined;
}

function formatFinal(response: AtResponse): string {
  return response.final.kind === 'CME ERROR' ? `+CME ERROR: ${response.final.code}` : response.final.kind;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}
