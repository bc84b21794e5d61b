/**
 * A recorded run replayed in process, on the virtual clock (`qmt run --sim-replay <allure-results>`):
 * one ReplayModule (src/sim/replay) follows the whole recording across the run, plugged into each
 * scenario session's in-process AT link, clock and broker fixture as the built-in simulator is. A
 * recording made on the built-in simulator replays in about the time it took to record.
 *
 * Like a module on a port, the replay says who it is (ATI from the recording) and the variant is
 * detected from that unless --variant names it. Every scenario session starts with ATE0, which
 * starts a recorded scenario's session in the replay: no clean-up runs between scenarios (the
 * recording was made on a fresh module per scenario, and the replay starts afresh at each ATE0).
 */
import { VirtualClock } from '../clock/clock';
import { loadRecording } from '../sim/replay/recording';
import { ReplayModule, type ReplayEvent } from '../sim/replay/replay-module';
import { SecretMasker } from '../secrets/masker';
import { detectVariant, findVariant } from '../variants/catalog';
import type { VariantProfile } from '../variants/profile';
import { identifyModule } from './identify';
import { openInProcessSession } from './in-process-session';
import { switchEchoOff } from './module-handshake';
import type { ModuleIdentity, ModuleSession, Rig } from './types';

export interface ReplayRigOptions {
  /** The recorded Allure results folder (or one transcript). */
  readonly recording: string;
  /** Variant name; undefined = detected from the recording's ATI. */
  readonly variant?: string;
  /** Host names the recording dialled, and where they are now. */
  readonly hosts?: Readonly<Record<string, string>>;
  /** Every divergence from the recording, as one line. */
  readonly log: (event: ReplayEvent) => void;
}

export class ReplayRig implements Rig {
  readonly virtualTime = true;

  private constructor(
    private readonly module: ReplayModule,
    readonly description: string,
    readonly variant: VariantProfile,
    readonly identity: ModuleIdentity,
  ) {}

  static async create(options: ReplayRigOptions): Promise<ReplayRig> {
    const recording = loadRecording(options.recording);
    const module = new ReplayModule({
      recording,
      // Each session brings its own clock (attach); this one only stands until the first.
      clock: new VirtualClock({ quietMs: 0 }),
      hosts: options.hosts,
      log: options.log,
    });
    const description = `replay of ${recording.source}`;
    const probe = await openReplaySession(module, description, new SecretMasker());
    try {
      await switchEchoOff(probe.at);
      const identity = await identifyModule(probe.at);
      const variant = options.variant
        ? findVariant(options.variant)
        : detectVariant(`${identity.model} ${identity.revision}`);
      if (!variant)
        throw new Error(
          `--sim-replay: cannot detect the variant from the recording's ATI (model "${identity.model}", revision "${identity.revision}"); give --variant`,
        );
      return new ReplayRig(module, description, variant, identity);
    } catch (error) {
      module.close();
      throw error;
    } finally {
      await probe.finish();
    }
  }

  async openSession(masker: SecretMasker): Promise<ModuleSession> {
    const session = await openReplaySession(this.module, this.description, masker);
    // ATE0 starts a recorded scenario's session in the replay (a fresh module, as recorded).
    await switchEchoOff(session.at);
    return session;
  }

  async close(): Promise<void> {
    this.module.close();
  }
}

function openReplaySession(module: ReplayModule, description: string, masker: SecretMasker): Promise<ModuleSession> {
  return openInProcessSession(description, masker, (uart, clock, dial) => {
    module.attach(uart, { clock, dial });
    return { close: () => module.unplug() };
  });
}
