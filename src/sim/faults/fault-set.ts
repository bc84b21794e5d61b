/** Builds the FaultSet of one module from fault ids; an unknown id is a configuration error. */
import type { FaultSet } from '../types';
import { FAULTS, findFault, type FaultHook } from './catalog';

export function createFaultSet(ids: Iterable<string>): FaultSet {
  const hooks = new Set<FaultHook>();
  for (const id of ids) {
    const fault = findFault(id);
    if (!fault) {
      const known = FAULTS.map((f) => f.id).sort();
      throw new Error(`unknown fault "${id}" (known faults: ${known.join(', ')})`);
    }
    hooks.add(fault.acts.at);
  }
  return { at: (hook) => hooks.has(hook) };
}
