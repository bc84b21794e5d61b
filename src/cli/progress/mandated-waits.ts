/**
 * How long a scenario must take on a real-time rig at the least, read from its step text: a
 * pause ("When 2 seconds pass") and a check that something does NOT happen ("no +QMTRECV URC
 * arrives within 5 seconds", "the module never reports … within 1 second", "the broker receives
 * no PUBLISH within 1 second") last their whole time whatever the module does; a keep-alive
 * PINGREQ comes only when the module's timer runs out. A deadline the module may beat ("within 10
 * seconds the module reports +QMTSTAT") is not counted: the time left adds, per scenario, the
 * time this run's scenarios took beyond their mandated waits (src/cli/progress/progress-state.ts).
 */
const DURATION = String.raw`(\d+(?:\.\d+)?) (ms|milliseconds?|s|seconds?)\b`;
const PAUSE = new RegExp(String.raw`^${DURATION} pass(?:es)?\b`);
const NEGATIVE = new RegExp(String.raw`\b(?:no|never|nothing)\b.*\bwithin ${DURATION}`);
const KEEP_ALIVE = new RegExp(String.raw`\breceives a PINGREQ within ${DURATION}`);

/** Seconds a step must wait in real time (0 when it may end as soon as the module answers). */
export function mandatedWaitSeconds(stepText: string): number {
  const match = PAUSE.exec(stepText) ?? NEGATIVE.exec(stepText) ?? KEEP_ALIVE.exec(stepText);
  if (!match) return 0;
  const value = Number(match[1]);
  return (match[2] as string).startsWith('m') ? value / 1000 : value;
}

/** The sum over a scenario's steps. */
export function scenarioMandatedSeconds(stepTexts: readonly string[]): number {
  return stepTexts.reduce((sum, text) => sum + mandatedWaitSeconds(text), 0);
}
