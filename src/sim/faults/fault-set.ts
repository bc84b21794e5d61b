/** Builds the FaultSet of one module from fault ids; an unknown id is a configuration error. */
import type { FaultSet } from '../types';
import type { FaultDefinition } from './types';

export function createFaultSet(ids: Iterable<string>, known: readonly FaultDefinition[]): FaultSet {
  const knownIds = new Set(known.map((f) => f.id));
  const active = new Set<string>();
  for (const id of ids) {
    if (!knownIds.has(id)) {
      throw new Error(`unknown fault "${id}" (known faults: ${[...knownIds].sort().join(', ')})`);
    }
    active.add(id);
  }
  return { has: (id: string) => active.has(id) };
}
