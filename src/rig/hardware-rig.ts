/**
 * A module on a serial port (local tty, or a rig port exposed over TCP by ser2net). Also how a
 * standalone simulator (`qmt-sim --pty` / `--tcp`) is reached: exactly like hardware, real time.
 */
import { RealClock } from '../clock/clock';
import { AtClient } from '../at/at-client';
import { transportFor } from '../at/open-transport';
import { Transcript } from '../at/transcript';
import { SecretMasker } from '../secrets/masker';
import { detectVariant, findVariant } from '../variants/catalog';
import type { VariantProfile } from '../variants/profile';
import { identifyModule } from './identify';
import { recoverModule } from './recover';
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
  ) {}

  get description(): string {
    return this.link.transport.description;
  }

  static async create(options: HardwareRigOptions): Promise<HardwareRig> {
    const transport = transportFor(options.port, options.baud);
    await transport.open();
    const link = new SharedLink(transport);
    const probeTransport = new SessionTransport(link);
    const clock = new RealClock();
    const at = new AtClient(probeTransport, clock, new Transcript(clock, new SecretMasker()));
    try {
      await syncAndEchoOff(at);
      const identity = await identifyModule(at);
      const detected = detectVariant(`${identity.model} ${identity.revision}`);
      const variant = options.variant ? findVariant(options.variant) : detected;
      if (!variant) {
        throw new Error(
          `cannot detect the variant from ATI (model "${identity.model}", revision "${identity.revision}"); give --variant`,
        );
      }
      return new HardwareRig(link, variant, identity);
    } catch (error) {
      await transport.close().catch(() => {});
      throw error;
    } finally {
      await at.close();
    }
  }

  async openSession(masker: SecretMasker): Promise<ModuleSession> {
    if (this.link.lost) throw new Error(`rig: ${this.description} is gone (${this.link.lost.message})`);
    const transport = new SessionTransport(this.link);
    const transcript = new Transcript(this.clock, masker);
    const at = new AtClient(transport, this.clock, transcript);
    await syncAndEchoOff(at);
    await recoverModule(at);
    return {
      clock: this.clock,
      at,
      transcript,
      finish: async () => {
        await recoverModule(at).catch(() => {});
        await at.close();
      },
    };
  }

  async close(): Promise<void> {
    await this.link.transport.close();
  }
}

async function syncAndEchoOff(at: AtClient): Promise<void> {
  // A module may still be booting or mid-URC: a few AT probes until one answers OK.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const reply = await at.send('AT', { timeoutMs: 1_000 });
      if (reply.final.kind === 'OK') break;
    } catch (error) {
      lastError = error;
      if (attempt === 2) throw new Error(`rig: the module does not answer AT (${String(lastError)})`);
    }
  }
  await at.send('ATE0', { timeoutMs: 1_000 });
  at.setEcho(false);
}
