/**
 * Every switchable firmware fault of the simulated module, and the hook point each one acts at.
 * A fault's id appears only in its catalog entry; the code that makes it happen names its hook.
 */
import { CORE_FAULTS } from './core-faults';
import { MQTT_CONNECTION_FAULTS } from './mqtt-connection-faults';
import { MQTT_MESSAGE_FAULTS } from './mqtt-message-faults';
import type { FaultDefinition, FaultMechanism } from './types';

type Entry =
  (typeof CORE_FAULTS)[number] | (typeof MQTT_CONNECTION_FAULTS)[number] | (typeof MQTT_MESSAGE_FAULTS)[number];

/** The id of a fault in the catalog (a typo is a compile error). */
export type FaultId = Entry['id'];

/** The name of a hook point some fault acts at (./types.ts FaultAct). */
export type FaultHook = Entry['acts']['at'];

/** The hooks of one mechanism: a table of that mechanism is keyed by exactly these. */
export type HookOf<K extends FaultMechanism> = Extract<Entry, { acts: { kind: K } }>['acts']['at'];

export const FAULTS: readonly FaultDefinition<FaultId, FaultHook>[] = [
  ...CORE_FAULTS,
  ...MQTT_CONNECTION_FAULTS,
  ...MQTT_MESSAGE_FAULTS,
];

const FAULT_IDS: ReadonlySet<string> = new Set(FAULTS.map((f) => f.id));

/** Run-time check for ids that come from outside the code (the CLI's --fault, a run config). */
export function isFaultId(id: string): id is FaultId {
  return FAULT_IDS.has(id);
}

export function findFault(id: string): FaultDefinition<FaultId, FaultHook> | undefined {
  return FAULTS.find((f) => f.id === id);
}
