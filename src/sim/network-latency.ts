/**
 * The simulated network's latency: how long the server's packets (acknowledgements, incoming
 * PUBLISH, the server closing the link) and the TCP handshake of AT+QMTOPEN take to reach the
 * module. Result URCs and +QMTRECV therefore come later than the OK, as on live networks:
 * docs/field-evidence.md#result-urc-latency: Result URCs come 0.3–1.8 s after OK on live networks (+QMTOPEN,
 * +QMTCONN). A simulator answering in 3 ms hides host bugs that read only up to OK.
 *
 * Model (our choice where the notes give only the end-to-end range): every packet from the server
 * is delayed by one sample, uniform in [min, max] ms; AT+QMTOPEN costs two samples (the module's
 * socket set-up / name lookup, then the TCP handshake). The module's own packets reach the
 * broker at once, so the harness's deadlines, which start at the packet the broker sees, measure
 * the module's timers plus this latency. Packets keep their order (a later one never overtakes).
 *
 * `field` = `150-900` (FIELD_LATENCY): AT+QMTOPEN then takes 0.3–1.8 s, the field range; one
 * packet's round trip stays below the smallest <pkt_timeout> the catalog uses (1 s), because with
 * a round trip longer than <pkt_timeout> a real module retransmits too and those scenarios would
 * test the network instead of the module.
 *
 * DEFAULT_LATENCY is `field`: the default run (`npm start`, `qmt-sim`) answers with the field
 * notes' delays, so host code that reads only up to OK fails here as it would on a live network.
 * The harness starts every result deadline at the packet that starts the module's timer (the
 * first PUBREL for a QoS 2 publish past PUBREC), so the latency never counts against the module.
 *
 * Samples come from a seeded generator: the same module answers with the same delays every run,
 * so a run (and its transcript) is reproducible. On a virtual clock the delays cost no wall time.
 */
import type { Clock, TimerHandle } from '../clock/clock';

/** The distribution of the field evidence (see above). */
export const FIELD_LATENCY = '150-900';
/** What `qmt run` (built-in simulator) and `qmt-sim` use without `--latency`. */
export const DEFAULT_LATENCY = FIELD_LATENCY;

export interface LatencySpec {
  readonly minMs: number;
  readonly maxMs: number;
  /** Seed of the sample generator (same seed, same delays). */
  readonly seed: number;
}

export const NO_LATENCY: LatencySpec = { minMs: 0, maxMs: 0, seed: 1 };

const LATENCY_SYNTAX = /^(\d{1,6})(?:ms)?(?:-(\d{1,6})(?:ms)?)?(?:@(\d{1,9}))?$/;

/** `off` | `field` | `<ms>` | `<min>-<max>` (ms, uniform), optionally `@<seed>`; undefined when malformed. */
export function parseLatency(text: string): LatencySpec | undefined {
  let trimmed = text.trim().toLowerCase();
  if (trimmed === 'field' || trimmed.startsWith('field@')) trimmed = FIELD_LATENCY + trimmed.slice('field'.length);
  if (trimmed === 'off' || trimmed === 'none') return NO_LATENCY;
  const match = LATENCY_SYNTAX.exec(trimmed);
  if (!match) return undefined;
  const minMs = Number(match[1]);
  const maxMs = match[2] === undefined ? minMs : Number(match[2]);
  if (maxMs < minMs) return undefined;
  return { minMs, maxMs, seed: match[3] === undefined ? 1 : Number(match[3]) };
}

export function describeLatency(spec: LatencySpec): string {
  if (spec.maxMs === 0) return 'off';
  return spec.minMs === spec.maxMs ? `${spec.minMs} ms` : `uniform ${spec.minMs}-${spec.maxMs} ms`;
}

/** One module's network: draws delays from its own seeded sequence. */
export class NetworkLatency {
  private state: number;

  constructor(readonly spec: LatencySpec = NO_LATENCY) {
    this.state = spec.seed >>> 0 || 1;
  }

  get enabled(): boolean {
    return this.spec.maxMs > 0;
  }

  /** One delay in ms. */
  sample(): number {
    if (!this.enabled) return 0;
    return Math.round(this.spec.minMs + this.next() * (this.spec.maxMs - this.spec.minMs));
  }

  /** mulberry32: small, fast, good enough for jitter, and the same on every platform. */
  private next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

/**
 * The way back from the server over one link: delivers events after a latency sample each, in
 * the order they arrived. With no latency an event is delivered at once (synchronously).
 */
export class DelayLine {
  private lastDue = 0;
  private readonly pending = new Set<TimerHandle>();

  constructor(
    private readonly clock: Clock,
    private readonly latency: NetworkLatency,
  ) {}

  deliver(event: () => void): void {
    if (!this.latency.enabled) return event();
    const now = this.clock.now();
    const due = Math.max(now + this.latency.sample(), this.lastDue);
    this.lastDue = due;
    const handle = this.clock.setTimeout(() => {
      this.pending.delete(handle);
      event();
    }, due - now);
    this.pending.add(handle);
  }

  /** Drops whatever is still on its way (the module closed the link). */
  cancel(): void {
    for (const handle of this.pending) this.clock.clearTimeout(handle);
    this.pending.clear();
  }
}

/** Resolves after one latency sample on the clock (at once without latency). */
export function networkDelay(clock: Clock, latency: NetworkLatency, samples = 1): Promise<void> {
  let ms = 0;
  for (let i = 0; i < samples; i++) ms += latency.sample();
  return ms === 0 ? Promise.resolve() : clock.sleep(ms);
}
