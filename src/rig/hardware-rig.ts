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
import { SessionTransport, SharedLink } from './session-transport';
import type { ModuleIdentity, ModuleSession, Rig } from './types';

export interface HardwareRigOptions {
  port: string;
  baud: number;
  /** Variant name; undefined = detect from ATI. */
  variant?: string;
}

export class HardwareRig implements Rig {
  readonly virtualTime = false;
  private readonly clock = new RealClock();

  private constructor(
    private readonly link: SharedLink,
    readonly variant: VariantProfile,
    readonly identity: ModuleIdentity,
    private readonly lifecycle: ModuleLifecycle,
  ) {
    link.onLost((error) => lifecycle.linkLost(error.message));
  }

  get description(): string {
    return this.link.transport.description;
  }

  static async create(options: HardwareRigOptions): Promise<HardwareRig> {
    const transport = transportFor(options.port, options.baud);
    await transport.open();
    const link = new SharedLink(transport);
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
      const lifecycle = new ModuleLifecycle(variant);
      await lifecycle.adopt(at);
      return new HardwareRig(link, variant, identity, lifecycle);
    } catch (error) {
      await transport.close().catch(() => {});
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
    await this.link.transport.close();
  }
}
