/**
 * The run's configuration, handed from the `run` command to the Cucumber support code as
 * Cucumber's world parameters (src/cli/cucumber-runner.ts; Cucumber's parallel workers get them
 * too), validated on both ends.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DEFAULT_TIMING_MARGIN, parseTimingMargin, type TimingMargin } from '../qmt/timing-margin';
import { RECV_LAYOUTS } from '../variants/profile';
import { DEFAULT_LATENCY } from '../sim/network-latency';
import { DEFAULT_BAUD, DEFAULT_BROKER_ADDRESS } from './defaults';

/** Fresh per run, so no real credential is ever needed or written in a feature. */
export function makeRunSecrets(): Record<string, string> {
  const secret = () => `S${randomBytes(9).toString('base64url')}`;
  return { password: secret(), 'device-secret': secret(), 'access-key': secret(), 'product-secret': secret() };
}

export const RunConfigSchema = z.object({
  /** undefined = the built-in simulator; a device path or tcp://host:port = a real module. */
  port: z.string().min(1).optional(),
  baud: z.number().int().positive().default(DEFAULT_BAUD),
  /** Variant name; undefined = detect from ATI (the simulator then simulates EC200N-CN). */
  variant: z.string().min(1).optional(),
  /** Address the module dials to reach the broker fixture. */
  brokerHost: z.string().min(1).default(DEFAULT_BROKER_ADDRESS),
  /** Address the fixture listens on (loopback unless the user asks otherwise). */
  brokerListen: z.string().min(1).default(DEFAULT_BROKER_ADDRESS),
  /** Besides loopback and the brokerHost's subnet, the addresses / CIDR blocks that may connect to the fixture. */
  brokerAllow: z.array(z.string().min(1)).default([]),
  /** Where to write the CA of the fixture's TLS certificates (for AT+QFUPL on a real module). */
  brokerCaOut: z.string().min(1).optional(),
  /** 0 = an ephemeral port per scenario. */
  brokerPort: z.number().int().min(0).max(65535).default(0),
  /**
   * Strict mode: the profile (bundled name or file) whose readings and defaults the module must
   * show. undefined = default mode: every reading the note allows passes and is recorded.
   */
  profile: z.string().min(1).optional(),
  /** The built-in simulator simulates this profile (bundled name or file) instead of --variant's. */
  simProfile: z.string().min(1).optional(),
  /**
   * Network latency of the built-in simulator (src/sim/network-latency.ts): `off`, `<ms>` or
   * `<min>-<max>` ms. On the virtual clock it costs no wall time. Ignored for a real module.
   */
  latency: z.string().min(1).default(DEFAULT_LATENCY),
  /** Margin on every deadline, `<ms>ms+<percent>%` (src/qmt/timing-margin.ts). */
  timingMargin: z
    .string()
    .refine((text) => parseTimingMargin(text) !== undefined, 'expected <ms>ms+<percent>%, e.g. 150ms+3%')
    .default(DEFAULT_TIMING_MARGIN),
  /** Built-in simulator only: the +QMTRECV layout its firmware prints (overrides the profile). */
  simRecvLayout: z.enum(RECV_LAYOUTS).optional(),
  /** A recorded Allure results folder replayed in process, in place of the built-in simulator (src/rig/replay-rig.ts). */
  simReplay: z.string().min(1).optional(),
  /** Simulator faults to switch on (sensitivity runs). */
  faults: z.array(z.string().min(1)).default([]),
  /** Extra secrets from configuration to mask everywhere (passwords, device secrets, keys). */
  secrets: z.array(z.string()).default([]),
  /** Secrets made up for this run, used by scenarios through placeholders ({password} …). */
  runSecrets: z.record(z.string(), z.string()).default(() => makeRunSecrets()),
  /** Allure results folder of this run (environment, executor and categories are written there). */
  resultsDir: z.string().min(1).optional(),
  /** Run @slow scenarios on real-time rigs too. */
  includeSlow: z.boolean().default(false),
  /** Cucumber tag expression of this run, for the report's environment. */
  tags: z.string().optional(),
  /** Harness version, for reports. */
  harness: z.string().default('0.0.0'),
});

export type RunConfig = z.infer<typeof RunConfigSchema>;

/** The world parameters a run hands to Cucumber (src/cli/cucumber-runner.ts). */
export interface RunParameters {
  readonly config: RunConfig;
}

/**
 * The configuration as the support code receives it (`this.parameters.config` in BeforeAll);
 * none = every default, as when Cucumber is started without the `run` command.
 */
export function parseRunConfig(input: unknown = {}): RunConfig {
  const parsed = RunConfigSchema.safeParse(input);
  if (!parsed.success) {
    throw new Error(
      `bad run configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

/** The configuration's timing margin as numbers (the schema has checked its syntax). */
export function timingMarginOf(config: RunConfig): TimingMargin {
  const margin = parseTimingMargin(config.timingMargin);
  if (!margin) throw new Error(`bad run configuration: timingMargin: ${config.timingMargin}`);
  return margin;
}
