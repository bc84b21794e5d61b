/**
 * Maximum response times of the application note, as data from spec/quectel-mqtt-at.json:
 * QMTCFG 300 ms; QMTOPEN 120 s; QMTCONN <pkt_timeout>; QMTSUB/QMTUNS/QMTPUBEX
 * <pkt_timeout> x <retry_times>; QMTCLOSE/QMTDISC 30 s.
 */
import { spec } from '../spec/catalog';
import type { CommandLine } from './command-line';

export interface ClientTiming {
  pktTimeoutS: number;
  retryTimes: number;
  /** A20 reading: does <retry_times> count retransmissions after the first send? */
  retriesAfterFirst: boolean;
}

export const DEFAULT_TIMING: ClientTiming = { pktTimeoutS: 5, retryTimes: 3, retriesAfterFirst: true };

/** Harness limits for commands the application note gives no time for (not conformance checks). */
const HARNESS_LIMITS_MS: Record<string, number> = {
  '+CFUN': 15_000,
  '+QFUPL': 10_000,
  '+QMTRECV': 5_000,
};
const HARNESS_DEFAULT_MS = 1_000;

export interface ResponseTimeLimit {
  /** Limit in ms on the scenario clock (before the timing margin). */
  ms: number;
  /**
   * What the limit bounds: the final result (AT+QMTCFG), or the result URC that reports the outcome
   * (QMTOPEN … QMTPUBEX). The OK such a command answers first is bounded by the harness only.
   */
  appliesTo: 'final' | 'urc';
  /** Where it comes from, for failure messages: "spec 3.3.1: 300 ms". */
  source: string;
  /** True when the limit is the application note's (a conformance check), false for harness limits. */
  normative: boolean;
}

export function responseTimeLimit(line: CommandLine, timing: ClientTiming = DEFAULT_TIMING): ResponseTimeLimit {
  const command = spec.commands.find((c) => c.name === `AT${line.name}`);
  const rule = command?.maxResponseTime;
  if (command && rule) {
    const appliesTo = line.name === '+QMTCFG' ? 'final' : 'urc';
    if (typeof rule.value === 'number') {
      const ms = rule.unit === 'ms' ? rule.value : rule.value * 1000;
      return { ms, appliesTo, source: `spec ${command.section}: ${rule.text}`, normative: true };
    }
    if (rule.expression === '<pkt_timeout>') {
      return {
        ms: timing.pktTimeoutS * 1000,
        appliesTo,
        source: `spec ${command.section}: <pkt_timeout> = ${timing.pktTimeoutS} s`,
        normative: true,
      };
    }
    if (rule.expression?.includes('<retry_times>')) {
      // The result comes when every send has timed out: pkt_timeout x retry_times as the note
      // writes it, or pkt_timeout x (retry_times + 1) when the first send is not a retry (A20).
      // Never 0: with retry_times 0 the single send still has its pkt_timeout.
      const sends = timing.retriesAfterFirst ? timing.retryTimes + 1 : Math.max(1, timing.retryTimes);
      return {
        ms: timing.pktTimeoutS * sends * 1000,
        appliesTo,
        source:
          `spec ${command.section}: <pkt_timeout> x <retry_times> = ${timing.pktTimeoutS} s x ${timing.retryTimes}` +
          (sends !== timing.retryTimes ? `, counted as ${sends} send(s) of ${timing.pktTimeoutS} s (A20)` : ''),
        normative: true,
      };
    }
  }
  const ms = HARNESS_LIMITS_MS[line.name] ?? HARNESS_DEFAULT_MS;
  return {
    ms,
    appliesTo: 'final',
    source: `harness limit ${ms} ms (the application note gives none)`,
    normative: false,
  };
}

/**
 * When a request is never acknowledged, the failure (<result> 2) comes after every send has timed
 * out. With the A20 reading "after-first" that is pkt_timeout x (retry_times + 1), which is later
 * than the spec's pkt_timeout x retry_times; the variant profile's reading decides.
 */
export function exhaustionTimeMs(timing: ClientTiming): number {
  const sends = timing.retriesAfterFirst ? timing.retryTimes + 1 : Math.max(1, timing.retryTimes);
  return sends * timing.pktTimeoutS * 1000;
}
