/**
 * The one AT handshake of the harness: `AT` until OK (bounded), then ATE0. Every rig — the
 * in-process simulator, a serial port, a ser2net or RFC 2217 port — goes through here.
 */
import type { AtClient } from '../at/at-client';

export interface SyncLimits {
  /** How many `AT` probes before the module counts as silent. */
  readonly tries: number;
  /** How long each probe waits for its final result. */
  readonly timeoutMs: number;
}

export const DEFAULT_SYNC: SyncLimits = { tries: 3, timeoutMs: 1_000 };

/** True when the module answered `AT` with OK within the limits. A module still booting or mid-URC gets a few tries. */
export async function answersAt(at: AtClient, limits: SyncLimits = DEFAULT_SYNC): Promise<boolean> {
  for (let attempt = 0; attempt < limits.tries; attempt++) {
    try {
      const reply = await at.send('AT', { timeoutMs: limits.timeoutMs });
      if (reply.final.kind === 'OK') return true;
    } catch {
      // no answer in time: try again
    }
  }
  return false;
}

/** ATE0 and tell the digester; a module refusing it is rig trouble, not a conformance verdict. */
export async function switchEchoOff(at: AtClient): Promise<void> {
  const reply = await at.send('ATE0', { timeoutMs: 1_000 });
  if (reply.final.kind !== 'OK') throw new Error(`rig: the module answered ATE0 with ${reply.final.kind}`);
  at.setEcho(false);
}
