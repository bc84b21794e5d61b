/**
 * What lives for the whole run: the configuration and the rig (the module under test). BeforeAll
 * reads the configuration from Cucumber's world parameters (src/cli/cucumber-runner.ts), opens the
 * rig and puts the derived plain data (the validated configuration, the declared profile) back
 * into the parameters, which Cucumber then hands to every World; every scenario opens a fresh
 * session on the rig.
 */
import { parseRunConfig, type RunConfig, type RunParameters } from '../src/cli/run-config';
import { DEFAULT_SIMULATED_VARIANT } from '../src/cli/defaults';
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

/** The world parameters once BeforeAll has run: plain data, copied into each scenario's World. */
export interface StartedRunParameters extends RunParameters {
  /** Strict mode: the profile whose readings the module must show (`--profile`); else default mode. */
  readonly declared?: VariantProfile;
}

/**
 * The rig of this process's run. Cucumber gives each World a structured clone of the world
 * parameters (cucumber-js runtime/test_case_runner.js), so an open connection cannot travel with
 * them: the live rig is the one thing kept here, from BeforeAll to AfterAll.
 */
let openRig: Rig | undefined;

/** BeforeAll: validates the configuration, opens the rig, writes the run's metadata. */
export async function startRun(parameters: Partial<RunParameters>): Promise<StartedRunParameters> {
  const config = parseRunConfig(parameters.config);
  const rig = await openRigFor(config);
  openRig = rig;
  const started = { config, declared: config.profile ? resolveProfile(config.profile) : undefined };
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
      declaredProfile: started.declared,
    });
  }
  return started;
}

async function openRigFor(config: RunConfig): Promise<Rig> {
  return config.port
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
}

export function runRig(): Rig {
  if (!openRig) throw new Error('harness: the run has not started (BeforeAll failed?)');
  return openRig;
}

export async function endRun(): Promise<void> {
  const rig = openRig;
  openRig = undefined;
  await rig?.close();
}
