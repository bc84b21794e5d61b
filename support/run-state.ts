/**
 * What lives for the whole run: the configuration and the rig (the module under test). Created
 * once in BeforeAll; every scenario opens a fresh session on it.
 */
import { readRunConfig, type RunConfig } from '../src/cli/run-config';
import { exportBrokerCa } from '../src/rig/broker-access';
import { HardwareRig } from '../src/rig/hardware-rig';
import { ReplayRig } from '../src/rig/replay-rig';
import { placeAccessFromEnv } from '../src/rig/labgrid/place-access';
import { SimulatedRig } from '../src/rig/simulated-rig';
import { parseLatency } from '../src/sim/network-latency';
import { writeRunMetadata } from '../src/report/run-metadata';
import type { Rig } from '../src/rig/types';
import { findVariant, resolveProfile } from '../src/variants/catalog';
import type { VariantProfile } from '../src/variants/profile';

/** The simulator needs a model to be; detection from ATI then finds the same one. */
export const DEFAULT_SIMULATED_VARIANT = 'EC200N-CN';

export interface RunState {
  readonly config: RunConfig;
  readonly rig: Rig;
  /** Strict mode: the profile whose readings the module must show (`--profile`); else default mode. */
  readonly declared?: VariantProfile;
  /** Secrets made up for this run, used by scenarios through placeholders ({password} …). */
  readonly runSecrets: Readonly<Record<string, string>>;
}

let state: RunState | undefined;

export async function startRun(): Promise<RunState> {
  const config = readRunConfig();
  const rig = config.port
    ? await HardwareRig.create({
        port: config.port,
        baud: config.baud,
        variant: config.variant,
        place: await placeAccessFromEnv(),
      })
    : config.simReplay
      ? await ReplayRig.create({
          recording: config.simReplay,
          variant: config.variant,
          hosts: { 'broker.qmt.test': '127.0.0.1' },
          log: (event) => process.stderr.write(`qmt: replay ${event.message}\n`),
        })
      : await SimulatedRig.create({
          variant: config.simProfile
            ? resolveProfile(config.simProfile)
            : findVariant(config.variant ?? DEFAULT_SIMULATED_VARIANT),
          faults: config.faults,
          hosts: { 'broker.qmt.test': '127.0.0.1' },
          recvLayout: config.simRecvLayout,
          latency: parseLatency(config.latency),
        });
  state = {
    config,
    rig,
    runSecrets: config.runSecrets,
    declared: config.profile ? resolveProfile(config.profile) : undefined,
  };
  if (config.brokerCaOut) await exportBrokerCa(config.brokerCaOut);
  // With Cucumber's parallel workers each worker starts the run; the run-level files are written once.
  const firstWorker = (process.env.CUCUMBER_WORKER_ID ?? '0') === '0';
  if (config.resultsDir && firstWorker) {
    writeRunMetadata(config.resultsDir, {
      variant: rig.variant.name,
      firmware: rig.identity.revision,
      model: rig.identity.model,
      rig: rig.description,
      harness: config.harness,
      startedAt: new Date(),
      brokerHost: config.brokerHost,
      tags: config.tags,
      faults: config.faults,
      declaredProfile: state.declared,
    });
  }
  return state;
}

export function runState(): RunState {
  if (!state) throw new Error('harness: the run has not started (BeforeAll failed?)');
  return state;
}

export async function endRun(): Promise<void> {
  await state?.rig.close();
}
