/**
 * A switchable firmware fault: one realistic deviation from the application note that the
 * simulated module can be told to show. The suite must go red on each one (sensitivity proof).
 */
export interface FaultDefinition<Id extends string = string> {
  /** Stable id, kebab-case, e.g. "keepalive-accepts-3601". */
  readonly id: Id;
  /** What the faulty firmware does, in one sentence a QA engineer understands. */
  readonly description: string;
  /** Spec item ids (spec/quectel-mqtt-at.json `items`) whose scenarios must catch it. */
  readonly targets: readonly string[];
}
