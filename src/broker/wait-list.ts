/**
 * An append-only list that can be waited on: `waitFor` resolves with the first item matching a
 * predicate, already present or still to come, and rejects after a timeout on the Clock — so a
 * virtual clock jumps straight to the deadline and a real clock waits real time.
 */
import type { Clock } from '../clock/clock';

interface Waiter<T> {
  predicate: (item: T) => boolean;
  resolve: (item: T) => void;
}

export class WaitList<T> {
  private readonly items: T[] = [];
  private readonly waiters = new Set<Waiter<T>>();

  constructor(private readonly clock: Clock) {}

  push(item: T): void {
    this.items.push(item);
    for (const waiter of [...this.waiters]) {
      if (waiter.predicate(item)) {
        this.waiters.delete(waiter);
        waiter.resolve(item);
      }
    }
  }

  all(): readonly T[] {
    return this.items;
  }

  /** `describeFailure` builds the rejection message (what was awaited, what was seen). */
  waitFor(predicate: (item: T) => boolean, timeoutMs: number, describeFailure: () => string): Promise<T> {
    const present = this.items.find(predicate);
    if (present !== undefined) return Promise.resolve(present);
    return new Promise((resolve, reject) => {
      const waiter: Waiter<T> = {
        predicate,
        resolve: (item) => {
          this.clock.clearTimeout(timer);
          resolve(item);
        },
      };
      const timer = this.clock.setTimeout(() => {
        if (this.waiters.delete(waiter)) reject(new Error(describeFailure()));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }
}

/** A short text for a predicate, for "timed out waiting for …" messages. */
export function summarisePredicate(predicate: (item: never) => boolean): string {
  const text = predicate.toString().replace(/\s+/g, ' ');
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}
