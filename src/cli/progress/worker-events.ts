/**
 * How a multi-port run's worker hands its progress to the parent, which draws one line per module
 * (src/cli/progress/rigs-progress.ts): one line of JSON on the worker's stdout, behind a prefix no
 * other output starts with.
 */
import type { ProgressSnapshot } from './progress-state';

/** Set by the parent in each worker's environment. */
export const PROGRESS_EVENTS_ENV = 'QMT_PROGRESS_EVENTS';
const PREFIX = '\u001eqmt-progress ';

export type WorkerEvent =
  | { readonly type: 'progress'; readonly snapshot: ProgressSnapshot }
  | { readonly type: 'failure'; readonly line: string }
  | { readonly type: 'summary'; readonly line: string };

export function encodeWorkerEvent(event: WorkerEvent): string {
  return `${PREFIX}${JSON.stringify(event)}\n`;
}

/** The event a worker's output line carries, or undefined for an ordinary line. */
export function decodeWorkerEvent(line: string): WorkerEvent | undefined {
  if (!line.startsWith(PREFIX)) return undefined;
  try {
    return JSON.parse(line.slice(PREFIX.length)) as WorkerEvent;
  } catch {
    return undefined;
  }
}
