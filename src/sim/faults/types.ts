/**
 * How a fault acts. Each mechanism has one home: `flow` is a decision in the simulator's code
 * that asks `faults.at(<hook>)`; every other mechanism is a row of its table in this folder.
 */
export type FaultMechanism =
  /** A decision of the module's code: `faults.at('<file>.<decision>')` in the file the hook names. */
  | 'flow'
  /** A parameter range accepted one value wider: a row of ./range-faults.ts. */
  | 'range'
  /** A power-up value: a row of ./power-up-faults.ts. */
  | 'power-up'
  /** A whole answer delayed, replaced or rewritten around its handler: a row of ./handler-faults.ts. */
  | 'answer'
  /** An outgoing MQTT packet changed or held back: a row of ./packet-faults.ts. */
  | 'packet'
  /** A URC line rewritten, dropped or delayed: a row of ./urc-faults.ts. */
  | 'urc';

/**
 * Where a fault acts: its mechanism and its one named hook point. A flow hook is named
 * `<file>.<decision>` after the file that asks for it (its folder for an index.ts); a table
 * hook is named `<mechanism>.<what>` and is the key of its table row. The fault's id appears
 * nowhere else in src/ (test/sim/fault-hooks.test.ts).
 */
export interface FaultAct<Hook extends string = string> {
  readonly kind: FaultMechanism;
  readonly at: Hook;
}

/**
 * A switchable firmware fault: one realistic deviation from the application note that the
 * simulated module can be told to show. The suite must go red on each one (sensitivity proof).
 */
export interface FaultDefinition<Id extends string = string, Hook extends string = string> {
  /** Stable id, kebab-case, saying what the firmware does wrong (reports, profiles and the fault score name it). */
  readonly id: Id;
  /** What the faulty firmware does, in one sentence a QA engineer understands. */
  readonly description: string;
  /** Spec item ids (spec/quectel-mqtt-at.json `items`) whose scenarios must catch it. */
  readonly targets: readonly string[];
  /** Its mechanism and the hook point that implements it. */
  readonly acts: FaultAct<Hook>;
}
