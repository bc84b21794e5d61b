/**
 * Test helper: an in-memory serial link to a simulated module (does not use src/at on purpose;
 * the simulator's tests must not share code with the harness's AT client).
 */
import { Duplex } from 'node:stream';
import { VirtualClock, type Clock } from '../../../src/clock/clock';
import { createSimulatedModule, type SimulatedModule } from '../../../src/sim';
import { findVariant } from '../../../src/variants/catalog';
import type { VariantProfile } from '../../../src/variants/profile';
import type { MqttEnvironment, MqttSide } from '../../../src/sim/types';

/**
 * A profile with the AT habits the application note itself shows: no echo (the host sent ATE0
 * first, as every driver does; docs/field-evidence.md#echo-at-power-up: echo is on at power-up) and the bare `>` prompt of
 * spec 3.3.8. The core tests read answers this way; prompt-framing.test.ts and the echo tests
 * drive the shipped habits (`atHabits: 'profile'`).
 */
export function withNoteAtHabits(profile: VariantProfile = findVariant('EC200N-CN')): VariantProfile {
  return { ...profile, at: { ...(profile.at ?? { cmee: 0, rebootMs: 2000 }), echo: 0, prompt: '>' } };
}

/** Two connected Duplex ends: what one writes, the other reads. */
export function duplexPair(): [Duplex, Duplex] {
  let a: Duplex;
  let b: Duplex;
  const make = (peer: () => Duplex) =>
    new Duplex({
      read() {},
      write(chunk, _enc, done) {
        peer().push(chunk);
        done();
      },
    });
  a = make(() => b);
  b = make(() => a);
  return [a, b];
}

export interface DriverOptions {
  variant?: VariantProfile | string;
  faults?: string[];
  hosts?: Record<string, string>;
  clock?: Clock;
  mqttSide?: (env: MqttEnvironment) => MqttSide;
  /** `note` (default): no echo and the bare `>` (withNoteAtHabits); `profile`: as the profile says. */
  atHabits?: 'note' | 'profile';
}

const FINAL = /(\r\nOK\r\n|\r\nERROR\r\n|\r\n\+CME ERROR: [^\r]*\r\n)$/;

export class ModuleDriver {
  readonly module: SimulatedModule;
  readonly clock: Clock;
  private readonly host: Duplex;
  private buffer = '';
  private waiters: (() => void)[] = [];

  constructor(options: DriverOptions = {}) {
    this.clock = options.clock ?? new VirtualClock();
    const chosen =
      typeof options.variant === 'string'
        ? findVariant(options.variant)
        : (options.variant ?? findVariant('EC200N-CN'));
    const variant = options.atHabits === 'profile' ? chosen : withNoteAtHabits(chosen);
    this.module = createSimulatedModule({
      variant,
      clock: this.clock,
      faults: options.faults,
      hosts: options.hosts,
      mqttSide: options.mqttSide,
    });
    const [host, uart] = duplexPair();
    this.host = host;
    this.module.attach(uart);
    host.on('data', (d: Buffer) => {
      this.buffer += d.toString('latin1');
      for (const w of this.waiters.splice(0)) w();
    });
  }

  send(data: string | Buffer): void {
    this.host.write(typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
  }

  /** Everything received since the last take(), and forgets it. */
  take(): string {
    const text = this.buffer;
    this.buffer = '';
    return text;
  }

  peek(): string {
    return this.buffer;
  }

  /** Waits (real time) until the received text matches. */
  async waitFor(pattern: RegExp, timeoutMs = 1000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.buffer)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${pattern}; got ${JSON.stringify(this.buffer)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return this.buffer;
  }

  /** Sends `line` + <CR> and returns the whole response up to and including the final result. */
  async command(line: string, timeoutMs = 1000): Promise<string> {
    this.take();
    this.send(`${line}\r`);
    await this.waitFor(FINAL, timeoutMs);
    return this.take();
  }

  /** Lines of a response without framing and empty lines. */
  static lines(response: string): string[] {
    return response.split('\r\n').filter((l) => l.length > 0);
  }

  /** Resolves after `ms` real milliseconds with nothing arriving being required. */
  static pause(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  close(): void {
    this.module.close();
    if (this.clock instanceof VirtualClock) this.clock.stop();
  }
}

/** A fake MQTT side: `connected` decides hasConnection; counts reset() calls. */
export function fakeMqttSide(connected: Set<number> = new Set()) {
  const fake = {
    connected,
    resets: 0,
    env: undefined as MqttEnvironment | undefined,
    factory: (env: MqttEnvironment): MqttSide => {
      fake.env = env;
      return {
        hasConnection: (idx) => fake.connected.has(idx),
        hasSentConnect: (idx) => fake.connected.has(idx),
        handlers: {},
        reset: () => {
          fake.resets++;
          fake.connected.clear();
        },
      };
    },
  };
  return fake;
}
