/**
 * The margin a deadline gets on a real rig: serial transfer time (a 1500-byte payload takes about
 * 130 ms at 115200 baud), USB / ser2net latency, host scheduling, and the granularity of the
 * module's own timers. Written `<ms>ms+<percent>%`, e.g. `150ms+3%` (the default, see README):
 * a 300 ms QMTCFG limit becomes 459 ms, a 20 s exhaustion 20.75 s, a 120 s QMTOPEN 123.75 s.
 * The virtual-time run uses the same margin, so the simulator cannot pass by being exact, and the
 * simulated timing faults are well beyond it.
 */
export interface TimingMargin {
  readonly fixedMs: number;
  readonly percent: number;
}

export const DEFAULT_TIMING_MARGIN = '150ms+3%';

export function parseTimingMargin(text: string): TimingMargin | undefined {
  const match =
    /^\s*(\d+(?:\.\d+)?)\s*ms\s*(?:\+\s*(\d+(?:\.\d+)?)\s*%)?\s*$/.exec(text) ??
    /^\s*()(\d+(?:\.\d+)?)\s*%\s*$/.exec(text);
  if (!match) return undefined;
  return { fixedMs: Number(match[1] || 0), percent: Number(match[2] ?? 0) };
}

/** The limit a module is held to: the note's limit plus the margin. */
export function withMargin(limitMs: number, margin: TimingMargin): number {
  return limitMs + margin.fixedMs + (limitMs * margin.percent) / 100;
}

export function describeMargin(margin: TimingMargin): string {
  return `${margin.fixedMs} ms + ${margin.percent} %`;
}
