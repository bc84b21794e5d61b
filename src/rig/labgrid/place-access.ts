/**
 * What a run's rig may ask of the labgrid place its module sits on (the run holds the place):
 * the serial port again after the module restarted (a USB module re-enumerates on AT+CFUN=1,1
 * and the exporter starts ser2net on a new port), and a power cycle through the place's power
 * resource before a hung module is given up. The run names the place in QMT_LABGRID_PLACE
 * (src/cli/labgrid-places.ts); the client command and coordinator come from the environment too.
 */
import { LabgridClient, LabgridError, failureReason } from './client';
import { describeHeld, type HeldPlace } from './place-hold';

export const PLACE_ENV = 'QMT_LABGRID_PLACE';

export interface ModuleAccess {
  readonly place: string;
  readonly exporter?: string;
  /** The place's serial port now (may differ from the one the run started with). */
  resolvePort(): Promise<string>;
  /** `labgrid-client power cycle`; undefined when the place has no power resource. */
  readonly powerCycle?: () => Promise<void>;
}

/** What the run tells its rig about the place (QMT_LABGRID_PLACE): known already, so no labgrid call at start. */
export interface PlaceNote {
  readonly name: string;
  readonly exporter?: string;
  readonly power: boolean;
}

export function placeNote(place: PlaceNote): string {
  return JSON.stringify({ name: place.name, exporter: place.exporter, power: place.power });
}

/** The place the run's module is on, if the run holds one (a bare name is asked of the coordinator). */
export async function placeAccessFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<ModuleAccess | undefined> {
  const text = env[PLACE_ENV]?.trim();
  if (!text) return undefined;
  const client = new LabgridClient({ env });
  let note: PlaceNote;
  try {
    note = JSON.parse(text) as PlaceNote;
  } catch {
    const held: HeldPlace = await describeHeld(client, text);
    note = { name: text, exporter: held.exporter, power: held.power };
  }
  const place = note.name;
  return {
    place,
    exporter: note.exporter,
    resolvePort: async () => (await describeHeld(client, place)).port,
    powerCycle: note.power
      ? async () => {
          const result = await client.run(place, ['power', 'cycle']);
          if (result.code !== 0) throw new LabgridError(`labgrid power cycle of ${place}: ${failureReason(result)}`);
        }
      : undefined,
  };
}
