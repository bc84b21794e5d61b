/**
 * Timer T1 of spec figure 1: every request that waits for an acknowledgement (SUBSCRIBE,
 * UNSUBSCRIBE, PUBLISH QoS 1/2, PUBREL) is resent after <pkt_timeout> until it is acknowledged
 * or <retry_times> retransmissions are used up (Excep2). Counting per reading A20.
 */
import type { Packet } from 'mqtt-packet';
import type { Clock, TimerHandle } from '../../clock/clock';

export type RequestKind = 'subscribe' | 'unsubscribe' | 'publish' | 'pubrel';

export interface RequestHooks {
  /** Puts the (re)transmission on the wire; `retransmission` is 0 for the first send. */
  send(packet: Packet, retransmission: number): void;
  /** After each retransmission (spec 3.3.6–3.3.8 <result> 1, <value> = count). */
  retransmitted(count: number): void;
  /** No acknowledgement after the last retransmission (spec <result> 2). */
  exhausted(): void;
}

export interface RetryPolicy {
  /** <pkt_timeout> in ms. */
  timeoutMs: number;
  /** How many retransmissions follow the first send. */
  retransmissions: number;
}

interface Pending {
  kind: RequestKind;
  msgid: number;
  packet: Packet;
  count: number;
  timer: TimerHandle | undefined;
  policy: RetryPolicy;
  hooks: RequestHooks;
}

export class RequestTracker {
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly clock: Clock) {}

  /** Sends the request and arms T1. msgid is the packet identifier; one request per id. */
  start(kind: RequestKind, msgid: number, packet: Packet, policy: RetryPolicy, hooks: RequestHooks): void {
    const entry: Pending = { kind, msgid, packet, count: 0, timer: undefined, policy, hooks };
    this.pending.set(msgid, entry);
    hooks.send(packet, 0);
    this.arm(entry);
  }

  /** Stops T1 for an acknowledged request; returns it, or undefined when nothing of that kind waits. */
  acknowledge(kind: RequestKind, msgid: number): Pending | undefined {
    const entry = this.pending.get(msgid);
    if (!entry || entry.kind !== kind) return undefined;
    this.clock.clearTimeout(entry.timer);
    this.pending.delete(msgid);
    return entry;
  }

  has(msgid: number): boolean {
    return this.pending.has(msgid);
  }

  /** spec 3.3.8 note 1: publishes in transmission (a QoS 2 message until PUBCOMP). */
  publishesInFlight(): number {
    let count = 0;
    for (const entry of this.pending.values()) if (entry.kind === 'publish' || entry.kind === 'pubrel') count++;
    return count;
  }

  /** Stops T1 for every request and returns them, for a report of their end (AT+QMTDISC / AT+QMTCLOSE). */
  abandon(): { kind: RequestKind; msgid: number }[] {
    const entries = [...this.pending.values()].map(({ kind, msgid }) => ({ kind, msgid }));
    this.clear();
    return entries;
  }

  /** Drops every request silently (the link is gone). */
  clear(): void {
    for (const entry of this.pending.values()) this.clock.clearTimeout(entry.timer);
    this.pending.clear();
  }

  private arm(entry: Pending): void {
    entry.timer = this.clock.setTimeout(() => this.expire(entry), entry.policy.timeoutMs);
  }

  private expire(entry: Pending): void {
    if (this.pending.get(entry.msgid) !== entry) return;
    if (entry.count >= entry.policy.retransmissions) {
      this.pending.delete(entry.msgid);
      entry.hooks.exhausted();
      return;
    }
    entry.count++;
    entry.hooks.send(entry.packet, entry.count);
    entry.hooks.retransmitted(entry.count);
    this.arm(entry);
  }
}
