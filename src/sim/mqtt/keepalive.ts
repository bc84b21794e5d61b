/**
 * Timer T2 of spec figure 1: with no packet sent for <keep_alive_time> seconds the client sends
 * PINGREQ (MQTT 3.1.1 §3.1.2.10 counts what the client sends). A PINGRESP must follow within the
 * wait this simulator takes from <qmtping_interval> (reading of A31, see README).
 */
import type { Clock, TimerHandle } from '../../clock/clock';

export interface KeepAliveHooks {
  sendPing(): void;
  pingFailed(): void;
}

export class KeepAlive {
  private idle: TimerHandle | undefined;
  private awaiting: TimerHandle | undefined;
  private stopped = true;

  constructor(
    private readonly clock: Clock,
    private readonly hooks: KeepAliveHooks,
  ) {}

  /** keepAliveS 0 disables the timer (spec 3.3.1: 0 = the client is not disconnected). */
  start(keepAliveS: number, pingWaitS: number): void {
    this.stop();
    if (keepAliveS <= 0) return;
    this.stopped = false;
    this.keepAliveMs = keepAliveS * 1000;
    this.pingWaitMs = pingWaitS * 1000;
    this.packetSent();
  }

  /** Every packet the client sends restarts T2. */
  packetSent(): void {
    if (this.stopped) return;
    this.clock.clearTimeout(this.idle);
    this.idle = this.clock.setTimeout(() => this.fire(), this.keepAliveMs);
  }

  pingResponse(): void {
    this.clock.clearTimeout(this.awaiting);
    this.awaiting = undefined;
  }

  stop(): void {
    this.stopped = true;
    this.clock.clearTimeout(this.idle);
    this.clock.clearTimeout(this.awaiting);
    this.idle = undefined;
    this.awaiting = undefined;
  }

  private keepAliveMs = 0;
  private pingWaitMs = 0;

  private fire(): void {
    if (this.stopped) return;
    if (!this.awaiting) {
      this.awaiting = this.clock.setTimeout(() => {
        this.awaiting = undefined;
        if (!this.stopped) this.hooks.pingFailed();
      }, this.pingWaitMs);
    }
    this.hooks.sendPing(); // goes through packetSent(), which re-arms T2
  }
}
