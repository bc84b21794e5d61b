/**
 * The host side of the AT conversation, as a QA engineer describes it: send a command, check the
 * answer and its time, wait for the URC that completes it within the spec's maximum response time.
 */
import type { AtClient } from '../at/at-client';
import type { AtResponse, Urc } from '../at/types';
import type { Clock } from '../clock/clock';
import type { SecretMasker } from '../secrets/masker';
import { parseCommandLine, type CommandLine } from './command-line';
import { secretsInCommand } from './secrets';
import { DEFAULT_TIMING, exhaustionTimeMs, responseTimeLimit, type ClientTiming, type ResponseTimeLimit } from './timing';
import { describeUrc, parseExpectedUrc, urcConflicts, urcMatches } from './urc-match';
import { nonConformance } from './verdict';

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

  constructor(
    private readonly at: AtClient,
    private readonly clock: Clock,
    private readonly masker: SecretMasker,
    private readonly retriesAfterFirst: boolean,
  ) {}

  /** Sends one command line (already free of placeholders); ERROR is an answer, not an exception. */
  async send(raw: string, payload?: Buffer): Promise<Exchange> {
    for (const secret of secretsInCommand(raw)) this.masker.add(secret);
    const line = parseCommandLine(raw);
    const limit = responseTimeLimit(line, this.timingFor(clientIndexOf(line)));
    // Wait past the limit, so that a late answer is measured and reported as late, not as missing.
    const response = await this.at.send(raw, { timeoutMs: Math.ceil(limit.ms * 1.5) + 1_000, payload });
    const exchange: Exchange = { line, response, limit, asserted: false };
    this.exchanges.push(exchange);
    this.track(exchange);
    return exchange;
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
      throw nonConformance(
        `${response.command} answered ${formatFinal(response)} where the spec expects ${kind}` +
          (response.lines.length ? ` (lines: ${response.lines.join(' | ')})` : ''),
      );
    }
    this.expectInTime(exchange, response.doneAt, `the final result of ${response.command}`);
  }

  /** Information lines of the last command, then OK. */
  expectLines(expected: readonly string[]): void {
    const exchange = this.last;
    exchange.asserted = true;
    const { response } = exchange;
    const actual = [...response.lines, formatFinal(response)];
    const wanted = expected.filter((l) => l.trim() !== '');
    if (actual.length !== wanted.length || actual.some((l, i) => l !== wanted[i] && !sameMessage(response, i, wanted[i]))) {
      throw nonConformance(`${response.command} answered\n  ${actual.join('\n  ')}\nexpected\n  ${wanted.join('\n  ')}`);
    }
    this.expectInTime(exchange, response.doneAt, `the answer to ${response.command}`);
  }

  /**
   * Waits for a URC matching `expectedText`. The time allowed is the maximum response time of the
   * most recent command of the same name (spec chapter 3), counted from when it was sent; `withinMs`
   * overrides it (e.g. retransmission notices, exhaustion per A20).
   */
  async expectUrc(expectedText: string, options: { withinMs?: number; source?: string; since?: number } = {}): Promise<Urc> {
    const expected = parseExpectedUrc(expectedText);
    const origin = [...this.exchanges].reverse().find((e) => e.line.name === expected.name);
    const since = options.since ?? origin?.response.sentAt ?? this.exchanges.at(-1)?.response.sentAt ?? 0;
    const limitMs = options.withinMs ?? origin?.limit.ms;
    const source = options.source ?? origin?.limit.source ?? 'harness limit';
    const waitMs = limitMs === undefined ? 60_000 : Math.ceil(limitMs * 1.5) + 1_000 - (this.clock.now() - since);
    let urc: Urc;
    try {
      urc = await this.at.waitForUrc((u) => urcMatches(u, expected) || urcConflicts(u, expected), Math.max(waitMs, 1), since, describeUrc(expected));
    } catch (error) {
      throw nonConformance(`expected ${describeUrc(expected)}${limitMs !== undefined ? ` within ${seconds(limitMs)} (${source})` : ''}; ${(error as Error).message}`);
    }
    if (!urcMatches(urc, expected)) {
      throw nonConformance(`${urc.text} arrived where ${describeUrc(expected)} was expected`);
    }
    if (limitMs !== undefined && origin?.limit.normative !== false && urc.at - since > limitMs) {
      throw nonConformance(`${describeUrc(expected)} arrived after ${seconds(urc.at - since)}, over the limit of ${seconds(limitMs)} (${source})`);
    }
    return urc;
  }

  /** No URC with this name (optionally matching fields) arrives within `ms` from now. */
  async expectNoUrc(expectedText: string, ms: number): Promise<void> {
    const expected = parseExpectedUrc(expectedText);
    const matches = (u: Urc) => (expected.fields.length ? urcMatches(u, expected) : u.name === expected.name);
    const since = this.clock.now();
    const seen = await this.at.waitForUrc(matches, ms, since).catch(() => undefined);
    if (seen) throw nonConformance(`${seen.text} arrived, where no ${describeUrc(expected)} was expected`);
  }

  timingFor(clientIdx: number | undefined): ClientTiming {
    return (clientIdx !== undefined && this.timing.get(clientIdx)) || { ...DEFAULT_TIMING, retriesAfterFirst: this.retriesAfterFirst };
  }

  exhaustionMs(clientIdx: number): number {
    return exhaustionTimeMs(this.timingFor(clientIdx));
  }

  private expectInTime(exchange: Exchange, doneAt: number, what: string): void {
    const elapsed = doneAt - exchange.response.sentAt;
    if (exchange.limit.normative && elapsed > exchange.limit.ms) {
      throw nonConformance(`${what} took ${seconds(elapsed)}; ${exchange.limit.source}`);
    }
  }

  /** Follows AT+QMTCFG="timeout" so the limits of later commands use the configured values. */
  private track(exchange: Exchange): void {
    const { line, response } = exchange;
    if (response.final.kind !== 'OK') return;
    if (line.name === '+CFUN') this.timing.clear();
    // ATE1 / ATE0 (V.25ter): the digester must know whether to expect echoes from now on.
    if (line.name === 'E1' || line.name === 'E0') this.at.setEcho(line.name === 'E1');
    if (line.name === '+QMTCFG' && line.form === 'set' && line.args[0]?.toLowerCase() === 'timeout' && line.args.length >= 4) {
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
 * its text: quoted, bare or split is the firmware's layout (A33, FIELD-NOTES), not a verdict.
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
