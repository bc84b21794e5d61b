/**
 * The commands a scenario sent, each with its answer and time limit, and the timing each MQTT
 * client was configured with (AT+QMTCFG="timeout", spec 3.3.1), so later limits use it.
 */
import type { AtResponse } from '../at/types';
import type { CommandLine } from './command-line';
import { DEFAULT_TIMING, type ClientTiming, type ResponseTimeLimit } from './timing';

export interface Exchange {
  readonly line: CommandLine;
  readonly response: AtResponse;
  readonly limit: ResponseTimeLimit;
  /** Set once a step has checked the final result. */
  asserted: boolean;
}

export class ExchangeLog {
  private readonly exchanges: Exchange[] = [];
  private readonly timing = new Map<number, ClientTiming>();

  /** A20 reading: whether <retry_times> counts resends after the first send. */
  constructor(private readonly retriesAfterFirst: boolean) {}

  add(exchange: Exchange): void {
    this.exchanges.push(exchange);
    this.follow(exchange);
  }

  get last(): Exchange {
    const last = this.exchanges.at(-1);
    if (!last) throw new Error('harness: no command has been sent in this scenario');
    return last;
  }

  /** The last exchange, or undefined before the first command. */
  latest(): Exchange | undefined {
    return this.exchanges.at(-1);
  }

  /** The most recent command of this name (`+QMTCONN` …). */
  lastNamed(name: string): Exchange | undefined {
    return [...this.exchanges].reverse().find((e) => e.line.name === name);
  }

  /** Names of the commands answered OK so far: their result URCs may still come. */
  answeredOk(): Set<string> {
    return new Set(this.exchanges.filter((e) => e.response.final.kind === 'OK').map((e) => e.line.name));
  }

  /** Every command sent in this scenario with whether it was answered OK. */
  commands(): { command: string; ok: boolean }[] {
    return this.exchanges.map((e) => ({ command: e.response.command, ok: e.response.final.kind === 'OK' }));
  }

  unassertedErrors(): Exchange[] {
    return this.exchanges.filter((e) => !e.asserted && e.response.final.kind !== 'OK');
  }

  timingFor(clientIdx: number | undefined): ClientTiming {
    return (
      (clientIdx !== undefined && this.timing.get(clientIdx)) || {
        ...DEFAULT_TIMING,
        retriesAfterFirst: this.retriesAfterFirst,
      }
    );
  }

  /** Follows AT+QMTCFG="timeout" so the limits of later commands use the configured values. */
  private follow({ line, response }: Exchange): void {
    if (response.final.kind !== 'OK') return;
    if (line.name === '+CFUN') this.timing.clear();
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

/** The MQTT client a command line is about: <client_idx> (AT+QMTCFG has it second). */
export function clientIndexOf(line: CommandLine): number | undefined {
  const arg = line.name === '+QMTCFG' ? line.args[1] : line.args[0];
  const idx = Number(arg);
  return Number.isInteger(idx) ? idx : undefined;
}
