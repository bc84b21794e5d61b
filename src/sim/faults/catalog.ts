/** Every switchable firmware fault of the simulated module: core faults plus MQTT-side faults. */
import { CORE_FAULTS } from './core-faults';
import { MQTT_FAULTS } from './mqtt-faults';
import type { FaultDefinition } from './types';

export const FAULTS: FaultDefinition[] = [...CORE_FAULTS, ...MQTT_FAULTS];

export function findFault(id: string): FaultDefinition | undefined {
  return FAULTS.find((f) => f.id === id);
}
