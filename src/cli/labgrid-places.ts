/**
 * The CLI side of labgrid places (src/rig/labgrid/): `--place`, `--reserve`, `--wait`,
 * `--coordinator`, `--labgrid-client` checked before any work, turned into module ports and one
 * release handle. A worker of a multi-module run gets `--labgrid-place NAME` beside its `--port`:
 * the port belongs to that place (held by the parent), so a restart re-resolves it there.
 */
import { CLIENT_ENV, LabgridClient, LabgridError } from '../rig/labgrid/client';
import { holdPlaces, parseReservation, type HeldPlace } from '../rig/labgrid/place-hold';
import { PLACE_ENV, placeNote } from '../rig/labgrid/place-access';
import { UsageError } from './options';

export interface LabgridRunOptions {
  place?: string[];
  reserve?: string[];
  wait?: boolean;
  coordinator?: string;
  labgridClient?: string;
  /** Worker only: the --port is the serial port of this place (placeNote), held by the parent run. */
  labgridPlace?: string;
}

export interface RunPlaces {
  /** The places' serial ports, in the order the places were named. */
  readonly ports: string[];
  /** Which place a port belongs to (workers get --labgrid-place for it). */
  placeOf(port: string): HeldPlace | undefined;
  release(): Promise<void>;
}

export const NO_PLACES: RunPlaces = { ports: [], placeOf: () => undefined, release: async () => {} };

/** Makes the client settings reach labgrid-client here and in every worker (they inherit the environment). */
function exportClientSettings(options: LabgridRunOptions): void {
  if (options.labgridClient) process.env[CLIENT_ENV] = options.labgridClient;
  if (options.coordinator) process.env.LG_COORDINATOR = options.coordinator;
}

export function labgridClient(options: Pick<LabgridRunOptions, 'coordinator' | 'labgridClient'>): LabgridClient {
  exportClientSettings(options);
  return new LabgridClient();
}

/** `qmt run`'s labgrid options → ports and a release; no labgrid option = nothing to hold. */
export async function placesForRun(options: LabgridRunOptions): Promise<RunPlaces> {
  const places = options.place ?? [];
  const reserve = options.reserve ?? [];
  if (options.labgridPlace) {
    exportClientSettings(options);
    process.env[PLACE_ENV] = options.labgridPlace;
  }
  if (places.length === 0 && reserve.length === 0) {
    if (options.wait) throw new UsageError('--wait waits for a --place held by someone else; no --place given');
    return NO_PLACES;
  }
  const twice = places.find((p, i) => places.indexOf(p) !== i);
  if (twice) throw new UsageError(`--place ${twice}: named twice; no two workers may share a module`);
  for (const filter of reserve) {
    try {
      parseReservation(filter);
    } catch (error) {
      throw new UsageError(`--reserve ${filter}: ${(error as Error).message}`);
    }
  }
  const client = labgridClient(options);
  let hold;
  try {
    hold = await holdPlaces(client, { places, reserve, wait: Boolean(options.wait) }, (l) => console.log(`qmt: ${l}`));
  } catch (error) {
    if (error instanceof LabgridError) throw new UsageError(error.message);
    throw error;
  }
  const byPort = new Map(hold.places.map((p) => [p.port, p]));
  return { ports: hold.places.map((p) => p.port), placeOf: (port) => byPort.get(port), release: hold.release };
}

/** One module run in this process: its rig resolves the port again from the place after a restart. */
export function adoptSinglePlace(places: RunPlaces, port: string | undefined): void {
  const place = port ? places.placeOf(port) : undefined;
  if (place) process.env[PLACE_ENV] = placeNote(place);
}

/** The worker options that say a port is a place's (see the file comment). */
export function placeWorkerArgs(places: RunPlaces, port: string): string[] {
  const place = places.placeOf(port);
  return place ? ['--labgrid-place', placeNote(place)] : [];
}
