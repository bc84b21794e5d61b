/** One answer a reading allows: the reading's value and what the module prints under it. */
export interface ReadingAlternative {
  readonly value: string;
  /** Expected lines (the final result last); for URC alternatives one URC text, or undefined = none. */
  readonly lines: readonly string[];
  /** URC alternatives: "… within N seconds", the limit on that URC from the command line. */
  readonly withinMs?: number;
}
