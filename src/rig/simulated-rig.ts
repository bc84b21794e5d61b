/**
 * The built-in simulated module, reached in-process. Every scenario gets a fresh module (a
 * power-cycled one) on its own VirtualClock, shared with the harness's waits: a 120 s keep-alive
 * runs in milliseconds and response-time checks measure virtual time, which CI noise cannot move.
 */
import { SecretMasker } from '../secrets/masker';
import { createSimulatedModule, type LatencySpec } from '../sim';
import type { ProfileRecvLayout, VariantProfile } from '../variants/profile';
import { identifyModule } from './identify';
import { openInProcessSession } from './in-process-session';
import { switchEchoOff } from './module-handshake';
import type { ModuleIdentity, ModuleSession, Rig } from './types';

export interface SimulatedRigOptions {
  variant: VariantProfile;
  faults: readonly string[];
  /** Host names the simulated module resolves (QMTOPEN), e.g. { 'broker.qmt.test': '127.0.0.1' }. */
  hosts?: Record<string, string>;
  /** `--sim-recv-layout`: the simulated firmware prints +QMTRECV this way, whatever its profile says. */
  recvLayout?: ProfileRecvLayout;
  /** The simulated network's latency (src/sim/network-latency.ts); none when absent. */
  latency?: LatencySpec;
}

/** Where bench/run.ts reads the running scenario's clock. */
export { virtualSessions } from './in-process-session';

export class SimulatedRig implements Rig {
  readonly description = 'in-process simulator';
  readonly virtualTime = true;
  private constructor(
    private readonly options: SimulatedRigOptions,
    readonly identity: ModuleIdentity,
  ) {}

  get variant(): VariantProfile {
    return this.options.variant;
  }

  static async create(options: SimulatedRigOptions): Promise<SimulatedRig> {
    const probe = await openSimulatedSession(options, new SecretMasker());
    try {
      await switchEchoOff(probe.at);
      return new SimulatedRig(options, await identifyModule(probe.at));
    } finally {
      await probe.finish();
    }
  }

  async openSession(masker: SecretMasker): Promise<ModuleSession> {
    const session = await openSimulatedSession(this.options, masker);
    // A fresh simulated module starts with echo per its profile; scenarios assume ATE0.
    await switchEchoOff(session.at);
    return session;
  }

  async close(): Promise<void> {}
}

function openSimulatedSession(options: SimulatedRigOptions, masker: SecretMasker): Promise<ModuleSession> {
  // The override changes only the module's firmware; the harness must read any layout unaided.
  const variant = options.recvLayout ? { ...options.variant, recvLayout: options.recvLayout } : options.variant;
  return openInProcessSession('in-process simulator', masker, (uart, clock, dial) => {
    const module = createSimulatedModule({
      variant,
      clock,
      faults: options.faults,
      hosts: options.hosts,
      latency: options.latency,
      dial,
    });
    module.attach(uart);
    return module;
  });
}
