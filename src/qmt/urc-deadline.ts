/**
 * The time a result URC is held to (spec chapter 3), where it is counted from, and how long the
 * host waits for it: the maximum response time of the most recent command of the same name plus
 * the timing margin, counted from the packet that starts the module's timer (spec figure 1), else
 * from the command line.
 */
import type { Clock } from '../clock/clock';
import { TIMER_PACKETS } from '../at/commands/tables';
import type { ExchangeLog } from './exchange-log';
import { withMargin, type TimingMargin } from './timing-margin';
import type { WireClock } from './wire-clock';

export interface UrcDeadlineOptions {
  /** A limit the scenario states ("within N seconds"), instead of the command's. */
  readonly withinMs?: number;
  /** Where that limit comes from, for the failure message. */
  readonly source?: string;
  /** Look for the URC from this time on. */
  readonly since?: number;
}

export interface UrcDeadline {
  readonly since: number;
  /** Undefined: no normative limit, the host only waits. */
  readonly limitMs: number | undefined;
  readonly source: string;
  readonly waitMs: number;
  /** When the module's timer started; read once the URC is in, when the packet is on the wire. */
  readonly start: () => number;
}

export interface DeadlineContext {
  readonly log: ExchangeLog;
  readonly clock: Clock;
  readonly margin: TimingMargin;
  readonly wireClock: WireClock;
}

export function urcDeadline(context: DeadlineContext, name: string, options: UrcDeadlineOptions = {}): UrcDeadline {
  const { log, clock, margin, wireClock } = context;
  const origin = log.lastNamed(name);
  const since = options.since ?? origin?.response.sentAt ?? log.latest()?.response.sentAt ?? 0;
  const normative =
    options.withinMs !== undefined || (origin?.limit.normative !== false && origin?.limit.appliesTo === 'urc');
  const limitMs = options.withinMs ?? (normative ? origin?.limit.ms : undefined);
  const source = options.source ?? origin?.limit.source ?? 'harness limit';
  const packets = TIMER_PACKETS[name] ?? [];
  // Read when the URC is in: the packet that starts the timer is on the wire by then.
  const start = () => packets.map((p) => wireClock(p, since)).find((at) => at !== undefined) ?? since;
  const waitBudget = limitMs ?? origin?.limit.ms;
  const waitMs =
    waitBudget === undefined ? 60_000 : Math.ceil(withMargin(waitBudget, margin) * 1.5) + 1_000 - (clock.now() - since);
  return { since, limitMs, source, waitMs: Math.max(waitMs, 1), start };
}
