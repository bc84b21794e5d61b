/**
 * A module on a serial port (local tty, a ser2net TCP port, an RFC 2217 port). Also how a
 * standalone simulator (`qmt-sim --pty` / `--tcp`) is reached: exactly like hardware, real time.
 * Between scenarios the module belongs to its ModuleLifecycle (src/rig/lifecycle.ts).
 */
import { RealClock } from '../clock/clock';
import { AtClient } from '../at/at-client';
import { transportFor } from '../at/open-transport';
import { Transcript } from '../at/transcript';
import { SecretMasker } from '../secrets/masker';
import { detectVariant, findVariant } from '../variants/catalog';
import type { VariantProfile } from '../variants/profile';
import { identifyModule } from './identify';
import { ModuleLifecycle, RigLostError } from './lifecycle';
import { answersAt, switchEchoOff } from './module-handshake';
import { SessionTransport, SharedLink, type Reopen } from './session-transport';
import type { ModuleAccess } from './labgrid/place-access';
import type { ModuleIdentity, ModuleSession, Rig } from './types';

export interface HardwareRigOptions {
  port: string;
  baud: number;
  /** Variant name; undefined = detect from ATI. */
  variant?: string;
  /** The labgrid place the module is on: its port is resolved again after a restart, power cycled if hung. */
  place?: ModuleAccess;
}

/** How long a module on a place may take to come back on a (new) port after its link closed. */
const REOPEN_MS = 60_000;

/** Opens the place's port again, as the coordinator now has it, until REOPEN_MS have passed. */
function reopenFromPlace(place: ModuleAccess, baud: number): Reopen {
  return async () => {
    const deadline = Date.now() + REOPEN_MS;
    for (;;) {
      try {
        const transport = transportFor(await place.resolvePort(), baud);
        await transport.open();
        return transport;
      } catch (error) {
        if (Date.now() > deadline)
          throw new Error(
            `labgrid place ${place.place}: no serial port within ${REOPEN_MS} ms (${(error as Error).message})`,
          );
        await new Promise((r) => setTimeout(r, 1_000));
      }
    }
  };
}

export class HardwareRig implements Rig {
  readonly virtualTime = false;
  private readonly clock = new RealClock();

  private constructor(
    private readonly link: SharedLink,
    readonly variant: VariantProfile,
    readonly identity: ModuleIdentity,
    private readonly lifecycle: ModuleLifecycle,
    readonly place?: ModuleAccess,
  ) {
    link.onLost((error) => lifecycle.linkLost(error.message));
    link.onMoved((from, to) =>
      process.stderr.write(`qmt: labgrid place ${place?.place}: the module came back on ${to} (was ${from})\n`),
    );
  }

  /** The port; on a labgrid place also the place and its exporter (the compliance summary's rig column). */
  get description(): string {
    const port = this.link.transport.description;
    if (!this.place) return port;
    return `labgrid place ${this.place.place}${this.place.exporter ? ` on exporter ${this.place.exporter}` : ''} (${port})`;
  }

  static async create(options: HardwareRigOptions): Promise<HardwareRig> {
    const transport = transportFor(options.port, options.baud);
    await transport.open();
    const link = new SharedLink(transport, options.place && reopenFromPlace(options.place, options.baud));
    const clock = new RealClock();
    const at = new AtClient(new SessionTransport(link), clock, new Transcript(clock, new SecretMasker()));
    try {
      if (!(await answersAt(at))) throw new Error('rig: the module does not answer AT');
      await switchEchoOff(at);
      const identity = await identifyModule(at);
      const detected = detectVariant(`${identity.model} ${identity.revision}`);
      const variant = options.variant ? findVariant(options.variant) : detected;
      if (!variant) {
        throw new Error(
          `cannot detect the variant from ATI (model "${identity.model}", revision "${identity.revision}"); give --variant`,
        );
      }
      const lifecycle = new ModuleLifecycle(variant, undefined, options.place?.powerCycle);
      await lifecycle.adopt(at);
      return new HardwareRig(link, variant, identity, lifecycle, options.place);
    } catch (error) {
      await link.close().catch(() => {});
      throw error;
    } finally {
      await at.close();
    }
  }

  async openSession(masker: SecretMasker): Promise<ModuleSession> {
    if (this.link.lost) throw new RigLostError(`rig: ${this.description} is gone (${this.link.lost.message})`);
    const transport = new SessionTransport(this.link);
    const transcript = new Transcript(this.clock, masker);
    const at = new AtClient(transport, this.clock, transcript);
    try {
      await this.lifecycle.beginScenario(at);
    } catch (error) {
      await at.close();
      throw error;
    }
    return {
      clock: this.clock,
      at,
      transcript,
      linkLost: () => this.link.lost,
      finish: async (commands = []) => {
        try {
          return await this.lifecycle.endScenario(at, commands);
        } finally {
          await at.close();
        }
      },
    };
  }

  async close(): Promise<void> {
    await this.link.close();
  }
}
