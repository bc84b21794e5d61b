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
   * its next timer once the process is quiet (no activity for a whole event-loop turn); a real
   * clock ignores this.
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
  /**
   * Real milliseconds without activity before the clock jumps to its next timer, for links that go
   * through the kernel (sockets, pseudo-terminals), whose bytes in flight this process cannot see.
   * 0 = every link is in process (the built-in simulator's run): the clock jumps as soon as one
   * whole turn of the event loop brought no activity and left no work pending. Default 20.
   */
  quietMs?: number;
  /** Virtual start time (ms). */
  start?: number;
}

/**
 * Work that is still under way in this process, as node lists it (process.getActiveResourcesInfo):
 * queued setImmediate callbacks, file system requests, writes, connects, lookups, crypto jobs.
 * Long-lived handles (servers, sockets, pipes, timers) are not work under way.
 */
const WORK_IN_FLIGHT =
  /^(FSReq\w*|FileHandleCloseReq|\w*ConnectWrap|WriteWrap|ShutdownWrap|SendWrap|GetAddrInfoReqWrap|GetNameInfoReqWrap|QueryWrap|\w+Job|\w+Request)$/;

/** The clocks' own turn callbacks waiting in node's immediate queue (not work of anyone else). */
let ownTurnsQueued = 0;

function workInFlight(): 'immediate' | 'io' | undefined {
  let immediates = 0;
  let io = false;
  for (const resource of process.getActiveResourcesInfo()) {
    if (resource === 'Immediate') immediates++;
    else if (WORK_IN_FLIGHT.test(resource)) io = true;
  }
  if (immediates > ownTurnsQueued) return 'immediate';
  return io ? 'io' : undefined;
}

function nextTurn(callback: () => void): void {
  ownTurnsQueued++;
  setImmediate(() => {
    ownTurnsQueued--;
    callback();
  });
}

/**
 * Discrete-event clock: virtual time stands still while anything moves, and jumps straight to the
 * next due timer once the process is quiet. Quiet means: no hold, nothing reported as activity for
 * one whole turn of the event loop (timers, I/O poll, immediates: the work that bytes in flight,
 * promise jobs and stream callbacks create), no setImmediate callback or I/O request of anyone
 * else still queued, and with `quietMs` > 0 also that much real time without activity. With every
 * link in process (`quietMs: 0`) no step of this depends on the wall clock, so a loaded machine
 * only makes a run slower, never different. Timers due at the same instant fire in the order they
 * were set, so runs are deterministic.
 */
export class VirtualClock implements Clock {
  readonly kind = 'virtual' as const;
  private current: number;
  private nextId = 1;
  private seq = 0;
  private readonly timers = new Map<number, VirtualTimer>();
  private readonly quietMs: number;
  private lastActivity = Date.now();
  /** Counts every activity() call: a turn that saw it change was not quiet. */
  private activityCount = 0;
  private holds = 0;
  /** A turn is queued (or a real-time wait for quietMs runs). */
  private pumping = false;
  private stopped = false;
  private readonly quietWaiters: (() => void)[] = [];

  constructor(options: VirtualClockOptions = {}) {
    this.quietMs = options.quietMs ?? 20;
    this.current = options.start ?? 0;
  }

  /** True when every link is in process (quietMs 0): no real-time grace is ever needed for bytes in flight. */
  get seesEveryLink(): boolean {
    return this.quietMs === 0;
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
    this.activityCount++;
    if (this.quietMs > 0) this.lastActivity = Date.now();
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

  /**
   * Resolves the next time the process is quiet (see the class comment), before virtual time
   * moves on: what is in flight now (a publish routed through the broker, a close) has landed.
   */
  quiet(): Promise<void> {
    return new Promise((resolve) => {
      this.quietWaiters.push(resolve);
      this.schedulePump();
    });
  }

  /** Stops the pump; pending timers never fire. */
  stop(): void {
    this.stopped = true;
    this.timers.clear();
    for (const resolve of this.quietWaiters.splice(0)) resolve();
  }

  /** Number of timers waiting (for tests and diagnostics). */
  pending(): number {
    return this.timers.size;
  }

  private schedulePump(): void {
    if (this.pumping || this.stopped || (this.timers.size === 0 && this.quietWaiters.length === 0)) return;
    this.pumping = true;
    nextTurn(() => this.turn(undefined));
  }

  /** One turn of the pump; `seen` is the activity count when the previous turn found the process quiet. */
  private turn(seen: number | undefined): void {
    if (this.stopped || this.holds > 0) {
      this.pumping = false; // a released hold pumps again
      return;
    }
    if (this.quietMs > 0) {
      const wait = this.lastActivity + this.quietMs - Date.now();
      if (wait > 0) {
        setTimeout(() => this.turn(undefined), wait);
        return;
      }
    }
    const busy = workInFlight();
    if (busy === 'io') {
      // A file or socket request completes in the poll phase; do not spin the loop meanwhile.
      setTimeout(() => this.turn(undefined), 1);
      return;
    }
    if (busy || seen !== this.activityCount) {
      const count = this.activityCount;
      nextTurn(() => this.turn(busy ? undefined : count));
      return;
    }
    this.pumping = false;
    const waiters = this.quietWaiters.splice(0);
    if (waiters.length) {
      // Whoever waited for quiet goes first: it may set timers or move bytes before time moves on.
      for (const resolve of waiters) resolve();
      this.schedulePump();
      return;
    }
    this.fireDue();
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
    this.activity();
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
