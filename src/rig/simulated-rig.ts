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
import { createSimulatedModule } from '../sim';
import type { VariantProfile } from '../variants/profile';
import { identifyModule } from './identify';
import { switchEchoOff } from './module-handshake';
import type { ModuleIdentity, ModuleSession, Rig } from './types';

export interface SimulatedRigOptions {
  variant: VariantProfile;
  faults: readonly string[];
  /** Host names the simulated module resolves (QMTOPEN), e.g. { 'broker.qmt.test': '127.0.0.1' }. */
  hosts?: Record<string, string>;
}

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
  const clock = new VirtualClock();
  const [hostEnd, moduleEnd] = createDuplexPair();
  const module = createSimulatedModule({ variant: options.variant, clock, faults: options.faults, hosts: options.hosts });
  module.attach(moduleEnd);
  const transport = new StreamTransport(hostEnd, 'in-process simulator');
  await transport.open();
  const transcript = new Transcript(clock, masker);
  const at = new AtClient(transport, clock, transcript);
  return {
    clock,
    at,
    transcript,
    async finish() {
      await at.close();
      module.close();
      clock.stop();
      return undefined;
    },
  };
}
