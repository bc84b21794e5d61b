/**
 * Maximum response times of the application note, as data from spec/quectel-mqtt-at.json:
 * QMTCFG 300 ms; QMTOPEN 120 s; QMTCONN <pkt_timeout>; QMTSUB/QMTUNS/QMTPUBEX
 * <pkt_timeout> x <retry_times>; QMTCLOSE/QMTDISC 30 s. Each command's rule is in its descriptor
 * (src/at/commands), with the harness's own limit where the note gives none.
 */
import { timeLimitRule } from '../at/commands/tables';
import type { CommandLine } from './command-line';

export interface ClientTiming {
  pktTimeoutS: number;
  retryTimes: number;
  /** A20 reading: does <retry_times> count retransmissions after the first send? */
  retriesAfterFirst: boolean;
}

export const DEFAULT_TIMING: ClientTiming = { pktTimeoutS: 5, retryTimes: 3, retriesAfterFirst: true };

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
  const { rule, resultUrc } = timeLimitRule(line.name);
  if (rule.by === 'harness')
    return {
      ms: rule.ms,
      appliesTo: 'final',
      source: `harness limit ${rule.ms} ms (the application note gives none)`,
      normative: false,
    };
  const appliesTo = resultUrc ? 'urc' : 'final';
  if ('ms' in rule) return { ms: rule.ms, appliesTo, source: `spec ${rule.section}: ${rule.text}`, normative: true };
  if (rule.expression === '<pkt_timeout>') {
    return {
      ms: timing.pktTimeoutS * 1000,
      appliesTo,
      source: `spec ${rule.section}: <pkt_timeout> = ${timing.pktTimeoutS} s`,
      normative: true,
    };
  }
  // The result comes when every send has timed out: pkt_timeout x retry_times as the note
  // writes it, or pkt_timeout x (retry_times + 1) when the first send is not a retry (A20).
  // Never 0: with retry_times 0 the single send still has its pkt_timeout.
  const sends = timing.retriesAfterFirst ? timing.retryTimes + 1 : Math.max(1, timing.retryTimes);
  return {
    ms: timing.pktTimeoutS * sends * 1000,
    appliesTo,
    source:
      `spec ${rule.section}: <pkt_timeout> x <retry_times> = ${timing.pktTimeoutS} s x ${timing.retryTimes}` +
      (sends !== timing.retryTimes ? `, counted as ${sends} send(s) of ${timing.pktTimeoutS} s (A20)` : ''),
    normative: true,
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
