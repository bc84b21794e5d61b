/**
 * A scenario session with a module reached in process (the built-in simulator, a replayed
 * recording): the AT link is an in-memory duplex and the module's AT+QMTOPEN reaches the broker
 * fixture through `routeNetwork`, both on one fresh VirtualClock shared with the harness's waits,
 * so a 120 s keep-alive runs in milliseconds and response-time checks measure virtual time.
 */
import type { Duplex } from 'node:stream';
import { VirtualClock } from '../clock/clock';
import { AtClient } from '../at/at-client';
import { createDuplexPair } from '../at/duplex-pair';
import { StreamTransport } from '../at/stream-transport';
import { Transcript } from '../at/transcript';
import type { SecretMasker } from '../secrets/masker';
import type { InProcessDial } from '../sim/types';
import type { ModuleSession } from './types';

/** The module's end of one session: plugged into the host's link, unplugged when the session ends. */
export interface PluggedModule {
  close(): void;
}

/** Connects a module to the session's serial end, on its clock, dialling through `dial`. */
export type PlugModule = (uart: Duplex, clock: VirtualClock, dial: InProcessDial) => PluggedModule;

/**
 * The clock of the scenario session open now: on a virtual clock only the waits a scenario's
 * settings imply take time, so its reading after the last step is the floor a real-time run of
 * the same scenario is compared with (`npm run bench`, figure c).
 */
export const virtualSessions: { current: VirtualClock | undefined } = { current: undefined };

export async function openInProcessSession(
  description: string,
  masker: SecretMasker,
  plug: PlugModule,
): Promise<ModuleSession> {
  // Every link is in process (the AT link below, the MQTT link through routeNetwork): the clock
  // moves as soon as the process is quiet and never waits on the wall clock.
  const clock = new VirtualClock({ quietMs: 0 });
  let route: InProcessDial | undefined;
  virtualSessions.current = clock;
  const [hostEnd, moduleEnd] = createDuplexPair();
  const module = plug(moduleEnd, clock, (address, port) => route?.(address, port));
  const transport = new StreamTransport(hostEnd, description);
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
