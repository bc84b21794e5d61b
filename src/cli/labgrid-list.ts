/**
 * `qmt list --labgrid [--json]`: the labgrid coordinator's places, one line each: name, tags,
 * who holds it (or free, or reserved), and the exporters (rig hosts) its resources come from.
 */
import { LabgridError } from '../rig/labgrid/client';
import { readPlaces } from '../rig/labgrid/place-resources';
import { labgridClient } from './labgrid-places';
import { UsageError } from './options';

export interface LabgridListOptions {
  json?: boolean;
  coordinator?: string;
  labgridClient?: string;
}

export async function labgridListCommand(
  options: LabgridListOptions,
  out: (line: string) => void = console.log,
): Promise<number> {
  const client = labgridClient(options);
  let places;
  try {
    places = readPlaces(await client.check(undefined, ['-v', 'places']));
  } catch (error) {
    if (error instanceof LabgridError) throw new UsageError(`list --labgrid: ${error.message}`);
    throw error;
  }
  if (options.json) {
    out(JSON.stringify({ places: places.map((p) => ({ ...p, acquired: p.acquired ?? null })) }, null, 2));
    return 0;
  }
  if (places.length === 0) out('qmt list: the labgrid coordinator has no places');
  for (const p of places) {
    const tags = Object.entries(p.tags).map(([k, v]) => `${k}=${v}`);
    out(
      [
        p.name,
        tags.length ? tags.join(',') : '(no tags)',
        p.acquired ? `held by ${p.acquired}` : p.reservation ? `reserved (${p.reservation})` : 'free',
        `exporter ${p.exporters.join(',') || '?'}`,
      ].join('\t'),
    );
  }
  return 0;
}
