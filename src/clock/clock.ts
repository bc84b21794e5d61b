/**
 * One clock abstraction for every timer of the module (simulated) and every wait of the harness.
 *
 * Against the built-in simulator both sides share one VirtualClock, so a 120 s keep-alive or a
 * 5 s x 3 retransmission runs in milliseconds of wall time and response-time checks cannot be
 * failed by CI noise. Against a real module the harness uses the RealClock and waits real seconds.
 */
export interface TimerHandle {
  readonly id: number;
}

export interface Clock {
  /** Milliseconds on this clock's time line (virtual or real). */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
  /** Resolves after `ms` on this clock's time line. */
  sleep(ms: number): Promise<void>;
  /**
   * Reports I/O activity (bytes on the AT link, MQTT packets). A virtual clock only jumps to
   * its next timer after a quiet period with no activity; a real clock ignores this.
   */
  activity(): void;
  /** Keeps a virtual clock from jumping while an operation that takes no virtual time runs. */
  hold(reason: string): () => void;
  readonly kind: 'real' | 'virtual';
}

export class RealClock implements Clock {
  readonly kind = 'real' as const;
  private nextId = 1;
  private readonly timers = new Map<number, NodeJS.Timeout>();

  now(): number {
    return Date.now();
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    const timer = setTimeout(
      () => {
        this.timers.delete(id);
        callback();
      },
      Math.max(0, ms),
    );
    this.timers.set(id, timer);
    return { id };
  }

  clearTimeout(handle: TimerHandle | undefined): void {
    if (!handle) return;
    const timer = this.timers.get(handle.id);
    if (timer) clearTimeout(timer);
    this.timers.delete(handle.id);
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.setTimeout(resolve, ms));
  }

  activity(): void {}

  hold(): () => void {
    return () => {};
  }
}

interface VirtualTimer {
  id: number;
  due: number;
  seq: number;
  callback: () => void;
}

export interface VirtualClockOptions {
  /** Real milliseconds without activity before the clock jumps to its next timer. */
  quietMs?: number;
  /** Virtual start time (ms). */
  start?: number;
}

/**
 * Discrete-event clock: virtual time stands still while bytes move, and jumps straight to the
 * next due timer once the system has been quiet for `quietMs` of real time. Timers due at the
 * same instant fire in the order they were set, so runs are deterministic.
 */
export class VirtualClock implements Clock {
  readonly kind = 'virtual' as const;
  private current: number;
  private nextId = 1;
  private seq = 0;
  private readonly timers = new Map<number, VirtualTimer>();
  private readonly quietMs: number;
  private lastActivity = Date.now();
  private holds = 0;
  private pump: NodeJS.Timeout | undefined;
  private stopped = false;
  /** A jump is pending until the I/O already waiting has run (see tick). */
  private confirming = false;

  constructor(options: VirtualClockOptions = {}) {
    this.quietMs = options.quietMs ?? 20;
    this.current = options.start ?? 0;
  }

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.timers.set(id, { id, due: this.current + Math.max(0, ms), seq: this.seq++, callback });
    this.schedulePump();
    return { id };
  }

  clearTimeout(handle: TimerHandle | undefined): void {
    if (handle) this.timers.delete(handle.id);
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.setTimeout(resolve, ms));
  }

  activity(): void {
    this.lastActivity = Date.now();
  }

  hold(_reason: string): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      this.activity();
      this.schedulePump();
    };
  }

  /** Stops the pump; pending timers never fire. */
  stop(): void {
    this.stopped = true;
    if (this.pump) clearTimeout(this.pump);
    this.pump = undefined;
    this.timers.clear();
  }

  /** Number of timers waiting (for tests and diagnostics). */
  pending(): number {
    return this.timers.size;
  }

  private schedulePump(): void {
    if (this.pump || this.confirming || this.stopped) return;
    this.pump = setTimeout(() => {
      this.pump = undefined;
      this.tick();
    }, this.quietMs);
  }

  private tick(): void {
    if (this.stopped || this.timers.size === 0) return;
    const quietFor = Date.now() - this.lastActivity;
    if (this.holds > 0 || quietFor < this.quietMs) {
      this.schedulePump();
      return;
    }
    // A process that was not scheduled for a while runs its timers before the socket data that
    // arrived meanwhile (event-loop order: timers, then poll). Let that I/O run first, and jump
    // only if it brought no activity: on a loaded host the pump no longer outruns the broker.
    const seen = this.lastActivity;
    this.confirming = true;
    setImmediate(() => {
      this.confirming = false;
      if (this.stopped) return;
      if (this.holds > 0 || this.lastActivity !== seen) {
        this.schedulePump();
        return;
      }
      this.fireDue();
    });
  }

  private fireDue(): void {
    if (this.stopped || this.timers.size === 0) return;
    const next = this.earliest();
    if (!next) return;
    this.current = Math.max(this.current, next.due);
    // Fire every timer due now, in order; callbacks may add new timers.
    for (;;) {
      const due = this.earliest();
      if (!due || due.due > this.current) break;
      this.timers.delete(due.id);
      try {
        due.callback();
      } catch (error) {
        // A throwing timer callback must not stop the clock for everyone else.
        process.nextTick(() => {
          throw error;
        });
      }
    }
    this.lastActivity = Date.now();
    this.schedulePump();
  }

  private earliest(): VirtualTimer | undefined {
    let best: VirtualTimer | undefined;
    for (const timer of this.timers.values()) {
      if (!best || timer.due < best.due || (timer.due === best.due && timer.seq < best.seq)) best = timer;
    }
    return best;
  }
}
