/**
 * The host side of the AT conversation, as a QA engineer describes it: send a command, check the
 * answer and its time, wait for the URC that completes it within the spec's maximum response time.
 */
import type { AtClient } from '../at/at-client';
import type { AtResponse, ReceivedUrc, Urc } from '../at/types';
import type { Clock } from '../clock/clock';
import type { SecretMasker } from '../secrets/masker';
import { matchLines } from './answer-pattern';
import { chooseByReading } from './answer-by-reading';
import { answerFailure, expectInTime, formatFinal } from './answer-verdicts';
import { parseCommandLine } from './command-line';
import { clientIndexOf, ExchangeLog, type Exchange } from './exchange-log';
import { sendOpenEnded, type OpenEndedAnswer } from './open-ended-query';
import type { ReadingAlternative } from './reading-alternative';
import type { ReadingObserver } from './readings-observer';
import { secretsInCommand } from './secrets';
import { responseTimeLimit } from './timing';
import { withMargin, type TimingMargin } from './timing-margin';
import { urcDeadline, type UrcDeadlineOptions } from './urc-deadline';
import { expectUrcByReading, type UrcReadingOutcome } from './urc-by-reading';
import { expectUrc, observeRecvLayout, type UrcContext } from './urc-waits';
import { describeUrc, parseExpectedUrc, type ExpectedUrc, type MsgidCheck, urcMatches } from './urc-match';
import { nonConformance } from './verdict';
import type { WireClock } from './wire-clock';

export interface QmtHostOptions {
  readonly at: AtClient;
  /** The scenario's clock: every deadline is measured on it. */
  readonly clock: Clock;
  /** Secrets found in command lines are added to it before the line is sent. */
  readonly masker: SecretMasker;
  /** A20 reading: whether <retry_times> counts resends after the first send (spec 3.3.1). */
  readonly retriesAfterFirst: boolean;
  /** Records (default mode) or checks (strict mode) the readings the module shows. */
  readonly observer: ReadingObserver;
  /** The margin on every deadline (src/qmt/timing-margin.ts). */
  readonly margin: TimingMargin;
  /** Where the module's own timer starts, from the broker's packets; none = from the command line. */
  readonly wireClock?: WireClock;
  /** Whether a +QMTRECV's <msgid> is the broker's PUBLISH packet identifier (src/qmt/publish-msgid.ts). */
  readonly msgidCheck?: MsgidCheck;
}

/** Where QmtHost.expectNoUrc looks: from now (default) or back to the scenario's start. */
export interface NoUrcOptions {
  readonly sinceScenarioStart?: boolean;
}

export class QmtHost {
  private readonly at: AtClient;
  private readonly clock: Clock;
  private readonly masker: SecretMasker;
  private readonly observer: ReadingObserver;
  readonly margin: TimingMargin;
  private readonly wireClock: WireClock;
  private readonly msgidCheck?: MsgidCheck;
  private readonly log: ExchangeLog;

  constructor(options: QmtHostOptions) {
    this.at = options.at;
    this.clock = options.clock;
    this.masker = options.masker;
    this.observer = options.observer;
    this.margin = options.margin;
    this.wireClock = options.wireClock ?? (() => undefined);
    this.msgidCheck = options.msgidCheck;
    this.log = new ExchangeLog(options.retriesAfterFirst);
  }

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
    const limit = responseTimeLimit(line, this.log.timingFor(clientIndexOf(line)));
    // Wait past the limit, so that a late answer is measured and reported as late, not as missing.
    const response = await this.at.send(raw, {
      timeoutMs: Math.ceil(withMargin(limit.ms, this.margin) * 1.5) + 1_000,
      payload,
    });
    const exchange: Exchange = { line, response, limit, asserted: false };
    this.log.add(exchange);
    // ATE1 / ATE0 (V.25ter): the digester must know whether to expect echoes from now on.
    if (response.final.kind === 'OK' && (line.name === 'E1' || line.name === 'E0')) this.at.setEcho(line.name === 'E1');
    return exchange;
  }

  get last(): Exchange {
    return this.log.last;
  }

  /** Every command sent in this scenario with whether it was answered OK. */
  commands(): { command: string; ok: boolean }[] {
    return this.log.commands();
  }

  unassertedErrors(): Exchange[] {
    return this.log.unassertedErrors();
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
      observeRecvLayout(this.observer, message?.recvLayout, `${response.command} → ${actual.join(' | ')}`);
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
    const chosen = chooseByReading(
      actual,
      id,
      alternatives,
      this.observer,
      `${response.command} answered ${actual.join(' | ')}`,
    );
    this.expectInTime(exchange, response.doneAt, `the answer to ${response.command}`);
    chosen.record(`${response.command} → ${actual.join(' | ')}`);
    return chosen.value;
  }

  /**
   * Waits for the URC of one of the alternatives a reading allows (an alternative without lines =
   * no such URC within `quietMs`). Records or checks the reading like expectAnswerByReading.
   */
  expectUrcByReading(
    id: string,
    alternatives: readonly ReadingAlternative[],
    quietMs: number,
  ): Promise<UrcReadingOutcome> {
    return expectUrcByReading(this.urcContext, id, alternatives, quietMs);
  }

  /**
   * A reading whose answers are either ERROR at once (value `errorValue`) or OK and then one of the
   * URC alternatives (e.g. open-bad-host: ERROR, or +QMTOPEN: 0,4 / 0,1 / 0,-1).
   */
  async expectErrorOrUrcByReading(
    id: string,
    errorValue: string,
    alternatives: readonly ReadingAlternative[],
  ): Promise<UrcReadingOutcome> {
    const exchange = this.last;
    if (exchange.response.final.kind !== 'OK') {
      exchange.asserted = true;
      this.expectInTime(exchange, exchange.response.doneAt, `the final result of ${exchange.response.command}`);
      this.observer.observe(id, errorValue, `${exchange.response.command} → ${formatFinal(exchange.response)}`);
      return { value: errorValue, interleavings: [] };
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
  async expectUrc(expectedText: string, options: UrcDeadlineOptions = {}): Promise<Urc> {
    return expectUrc(this.urcContext, expectedText, options);
  }

  /** What the URC waits of src/qmt/urc-waits.ts and urc-by-reading.ts work with. */
  private get urcContext(): UrcContext {
    return {
      at: this.at,
      clock: this.clock,
      margin: this.margin,
      observer: this.observer,
      log: this.log,
      expectedUrc: (text) => this.expectedUrc(text),
      deadline: (name, options) =>
        urcDeadline(
          { log: this.log, clock: this.clock, margin: this.margin, wireClock: this.wireClock },
          name,
          options,
        ),
    };
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

  private expectInTime(exchange: Exchange, doneAt: number, what: string): void {
    expectInTime(exchange, doneAt, what, this.margin);
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
