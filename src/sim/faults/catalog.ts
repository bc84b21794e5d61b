/** Every switchable firmware fault of the simulated module: core faults plus MQTT-side faults. */
import { CORE_FAULTS } from './core-faults';
import { MQTT_FAULTS } from './mqtt-faults';
import type { FaultDefinition } from './types';

/** The id of a fault in the catalog: `faults.has()` takes nothing else (a typo is a compile error). */
export type FaultId = (typeof CORE_FAULTS)[number]['id'] | (typeof MQTT_FAULTS)[number]['id'];

export const FAULTS: readonly FaultDefinition<FaultId>[] = [...CORE_FAULTS, ...MQTT_FAULTS];

const FAULT_IDS: ReadonlySet<string> = new Set(FAULTS.map((f) => f.id));

/** Run-time check for ids that come from outside the code (the CLI's --fault, a run config). */
export function isFaultId(id: string): id is FaultId {
  return FAULT_IDS.has(id);
}

export function findFault(id: string): FaultDefinition<FaultId> | undefined {
  return FAULTS.find((f) => f.id === id);
}
