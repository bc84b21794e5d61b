/**
 * The built-in simulated module, reached in-process. Every scenario gets a fresh module (a
 * power-cycled one) on its own VirtualClock, shared with the harness's waits: a 120 s keep-alive
 * runs in milliseconds and response-time checks measure virtual time, which CI noise cannot move.
 */
import { VirtualClock } from '../clock/clock';
import { AtClient } from '../at/at-client';
import { createDuplexPair } from '../at/duplex-pair';
import { StreamTransport } from '../at/stream-transport';
import { Transcript } from '../at/transcript';
import { SecretMasker } from '../secrets/masker';
import { createSimulatedModule, type LatencySpec } from '../sim';
import type { InProcessDial } from '../sim/types';
import type { ProfileRecvLayout, VariantProfile } from '../variants/profile';
import { identifyModule } from './identify';
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

/**
 * The clock of the scenario session open now: on a virtual clock only the waits a scenario's
 * settings imply take time, so its reading after the last step is the floor a real-time run of
 * the same scenario is compared with (`npm run bench`, figure c).
 */
export const virtualSessions: { current: VirtualClock | undefined } = { current: undefined };

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

async function openSimulatedSession(options: SimulatedRigOptions, masker: SecretMasker): Promise<ModuleSession> {
  // Every link is in process (the AT link below, the MQTT link through routeNetwork): the clock
  // moves as soon as the process is quiet and never waits on the wall clock.
  const clock = new VirtualClock({ quietMs: 0 });
  let route: InProcessDial | undefined;
  virtualSessions.current = clock;
  const [hostEnd, moduleEnd] = createDuplexPair();
  // The override changes only the module's firmware; the harness must read any layout unaided.
  const variant = options.recvLayout ? { ...options.variant, recvLayout: options.recvLayout } : options.variant;
  const module = createSimulatedModule({
    variant,
    clock,
    faults: options.faults,
    hosts: options.hosts,
    latency: options.latency,
    dial: (address, port) => route?.(address, port),
  });
  module.attach(moduleEnd);
  const transport = new StreamTransport(hostEnd, 'in-process simulator');
  await transport.open();
  const transcript = new Transcript(clock, masker);
  const at = new AtClient(transport, clock, transcript);
  return {
    clock,
    at,
    transcript,
    routeNetwork(dial) {
      route = dial;
    },
    async finish() {
      if (virtualSessions.current === clock) virtualSessions.current = undefined;
      await at.close();
      module.close();
      clock.stop();
      return undefined;
    },
  };
}
