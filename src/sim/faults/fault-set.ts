/** Builds the FaultSet of one module from fault ids; an unknown id is a configuration error. */
import type { FaultSet } from '../types';
import { FAULTS, isFaultId, type FaultId } from './catalog';

export function createFaultSet(ids: Iterable<string>): FaultSet {
  const active = new Set<FaultId>();
  for (const id of ids) {
    if (!isFaultId(id)) {
      const known = FAULTS.map((f) => f.id).sort();
      throw new Error(`unknown fault "${id}" (known faults: ${known.join(', ')})`);
    }
    active.add(id);
  }
  return { has: (id) => active.has(id) };
}
