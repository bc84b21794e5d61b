/**
 * The one owner of a real module between scenarios (labgrid's strategy pattern): every
 * transition goes through here, with explicit states, so the handshake, the client clean-up
 * and the restore happen once per scenario change instead of in three places.
 *
 *   unknown ──bringUp──▶ ready ──beginScenario──▶ in-scenario ──endScenario──▶ ready
 *      ▲                                               │ module silent
 *      └──────── (clean-up failed) ◀── recovering ◀────┘  AT+CFUN=1,1, wait RDY (bounded)
 *                                          │ no RDY / still silent
 *                                          ▼
 *                                        lost  (every later scenario fails at once, naming why)
 *
 * A module that stops answering is restarted with AT+CFUN=1,1 and must say RDY within
 * `restartMs`; the power-up URCs that follow (+CFUN, +CPIN, +QUSIM, SMS DONE, APP RDY) are
 * drained in the clean-up session, so they never reach the next scenario.
 */
import type { AtClient } from '../at/at-client';
import type { VariantProfile } from '../variants/profile';
import { answersAt, DEFAULT_SYNC, switchEchoOff, type SyncLimits } from './module-handshake';
import {
  changedSettings,
  needsRestart,
  restoreCommands,
  takeBaseline,
  type SettingsBaseline,
} from './settings-baseline';
import { closeEveryClient } from './close-clients';

export type LifecycleState = 'unknown' | 'ready' | 'in-scenario' | 'recovering' | 'lost';

export interface LifecycleLimits {
  readonly sync: SyncLimits;
  /** From AT+CFUN=1,1 to RDY (our assumption, not in docs/field-evidence.md: 5-15 s on EC200x; the simulator takes 2 s). */
  readonly restartMs: number;
  /** After RDY, how long to wait for APP RDY, the last power-up URC, before going on. */
  readonly settleMs: number;
}

export const DEFAULT_LIMITS: LifecycleLimits = { sync: DEFAULT_SYNC, restartMs: 30_000, settleMs: 5_000 };

/** What the clean-up after a scenario did, for the scenario's report. */
export interface CleanupReport {
  /** True when the module had stopped answering and was restarted. */
  readonly restarted: boolean;
  /** One line per notable thing done or found. */
  readonly notes: readonly string[];
  /**
   * Set when the scenario's verdict cannot stand whatever its steps said: the link went away or
   * the module stopped answering while it ran. The hook then reports it broken.
   */
  readonly broken?: string;
}

export class RigLostError extends Error {
  override readonly name = 'RigLostError';
}

export class ModuleLifecycle {
  private current: LifecycleState = 'unknown';
  private baseline: SettingsBaseline = new Map();
  private cmee: string | undefined;
  private lostBecause: string | undefined;

  constructor(
    private readonly variant: VariantProfile,
    private readonly limits: LifecycleLimits = DEFAULT_LIMITS,
    /** Switches the module off and on (a labgrid place's power resource): the last resort before "lost". */
    private readonly powerCycle?: () => Promise<void>,
  ) {}

  get state(): LifecycleState {
    return this.current;
  }

  /** Run start: the module is synced, echo off, no client open, and its settings remembered. */
  async adopt(at: AtClient): Promise<void> {
    await this.bringUp(at, []);
    await this.remember(at);
    await closeEveryClient(at);
    this.current = 'ready';
  }

  /** Marks the link gone (port unplugged, simulator killed): nothing more can be done on it. */
  linkLost(reason: string): void {
    this.lose(`the link went away: ${reason}`);
  }

  /** Before a scenario. A ready module needs nothing; one whose clean-up failed is brought up again. */
  async beginScenario(at: AtClient): Promise<void> {
    if (this.current === 'lost')
      throw new RigLostError(`rig: module lost (${this.lostBecause}); not running this scenario`);
    if (this.current !== 'ready') {
      await this.bringUp(at, []);
      await closeEveryClient(at);
    }
    at.setEcho(false); // a fresh AT client for this scenario: echo is off since bringUp
    this.current = 'in-scenario';
  }

  /** After a scenario: restart a silent module, close every client, put back what the scenario changed. */
  async endScenario(at: AtClient, commands: readonly { command: string; ok: boolean }[]): Promise<CleanupReport> {
    if (this.current === 'lost')
      return {
        restarted: false,
        notes: [`module lost: ${this.lostBecause}`],
        broken: `module lost during this scenario: ${this.lostBecause}`,
      };
    const notes: string[] = [];
    let restarted = false;
    let broken: string | undefined;
    try {
      if (!(await answersAt(at, this.limits.sync))) {
        broken = 'the module stopped answering during this scenario';
        notes.push(
          `the module stopped answering AT (${this.limits.sync.tries} tries of ${this.limits.sync.timeoutMs} ms)`,
        );
        await this.bringUp(at, notes, true);
        restarted = true;
      }
      const changed = changedSettings(commands);
      if (!restarted && needsRestart(changed)) {
        // Cloud credentials cannot be cleared by a set (spec 3.3.1); only a restart forgets them.
        notes.push('the scenario configured cloud credentials: restarting to clear them');
        await this.bringUp(at, notes, true);
        restarted = true;
      }
      if (restarted) {
        await this.remember(at);
      } else {
        await closeEveryClient(at);
        await this.restore(at, changed, notes);
        // Echo is a setting too (V.25ter): a scenario that failed between its ATE1 and its ATE0
        // would leave every later scenario reading echoed lines as the module's fault.
        if (commands.some((c) => c.ok && /^ATE1$/i.test(c.command))) {
          await switchEchoOff(at);
          notes.push('the scenario switched echo on: ATE0 sent');
        }
      }
      this.current = 'ready';
    } catch (error) {
      if (this.state !== 'lost') this.current = 'unknown';
      notes.push(`clean-up failed: ${(error as Error).message}`);
      if (this.state === 'lost') broken = `module lost during this scenario: ${this.lostBecause}`;
    }
    return { restarted, notes, ...(broken ? { broken } : {}) };
  }

  /** Sync, restarting once if the module is silent (or `restartFirst`), then echo off and CMEE. */
  private async bringUp(at: AtClient, notes: string[], restartFirst = false): Promise<void> {
    if (restartFirst || !(await answersAt(at, this.limits.sync))) {
      this.current = 'recovering';
      await this.restart(at, notes);
      if (!(await answersAt(at, this.limits.sync))) {
        this.lose('it does not answer AT even after AT+CFUN=1,1');
        throw new RigLostError(`rig: module lost (${this.lostBecause})`);
      }
    }
    await switchEchoOff(at);
    if (this.cmee !== undefined) await at.send(`AT+CMEE=${this.cmee}`, { timeoutMs: 1_000 });
  }

  private async restart(at: AtClient, notes: string[]): Promise<void> {
    const started = Date.now();
    const since = { index: at.mark() };
    // A wedged module may not even answer OK; RDY is what counts.
    await at.send('AT+CFUN=1,1', { timeoutMs: 15_000 }).catch(() => undefined);
    try {
      await at.waitForUrc((u) => u.name === 'RDY', this.limits.restartMs, since, 'RDY after AT+CFUN=1,1');
      notes.push(`restarted with AT+CFUN=1,1: RDY after ${Date.now() - started} ms`);
    } catch {
      if (!this.powerCycle) {
        this.lose(`no RDY within ${this.limits.restartMs} ms of AT+CFUN=1,1`);
        throw new RigLostError(`rig: module lost (${this.lostBecause})`);
      }
      await this.cycleThePower(at, notes);
    }
    // The rest of the power-up URCs land here, not in the next scenario.
    await at
      .waitForUrc((u) => u.text.trim() === 'APP RDY', this.limits.settleMs, since, 'APP RDY')
      .catch(() => undefined);
    for (const urc of at.unconsumedUrcs()) urc.consumed = true;
  }

  /** No RDY after AT+CFUN=1,1: power off and on through the rig (labgrid), then RDY must come. */
  private async cycleThePower(at: AtClient, notes: string[]): Promise<void> {
    notes.push(`no RDY within ${this.limits.restartMs} ms of AT+CFUN=1,1: power-cycling the module through labgrid`);
    const started = Date.now();
    const since = { index: at.mark() };
    try {
      await this.powerCycle!();
      await at.waitForUrc((u) => u.name === 'RDY', this.limits.restartMs, since, 'RDY after a power cycle');
    } catch (error) {
      this.lose(`no RDY after AT+CFUN=1,1 nor after a labgrid power cycle (${(error as Error).message})`);
      throw new RigLostError(`rig: module lost (${this.lostBecause})`);
    }
    notes.push(`power-cycled through labgrid: RDY after ${Date.now() - started} ms`);
  }

  private async remember(at: AtClient): Promise<void> {
    const cmee = await at.send('AT+CMEE?', { timeoutMs: 1_000 }).catch(() => undefined);
    this.cmee = cmee?.final.kind === 'OK' ? /^\+CMEE:\s*(\d)/.exec(cmee.lines.join('\n'))?.[1] : undefined;
    this.baseline = await takeBaseline(at, this.variant);
  }

  private async restore(at: AtClient, changed: ReturnType<typeof changedSettings>, notes: string[]): Promise<void> {
    const { commands, unknown } = restoreCommands(changed, this.baseline);
    for (const command of commands) {
      const reply = await at.send(command, { timeoutMs: 1_000 });
      if (reply.final.kind !== 'OK') notes.push(`restoring ${command} answered ${reply.final.kind}`);
    }
    if (unknown.length)
      notes.push(`not restorable (the module did not report them at the start): ${unknown.join(', ')}`);
  }

  private lose(reason: string): void {
    this.current = 'lost';
    this.lostBecause ??= reason;
  }
}
