/**
 * `qmt run --sim-replay <recorded allure-results>`: the scenarios run against a recorded run
 * replayed in process on the virtual clock (src/rig/replay-rig.ts) instead of the built-in
 * simulator. Checked like every input before any work: the recording must load, and it must not
 * be the --results folder the run empties first.
 */
import path from 'node:path';
import { loadRecording } from '../sim/replay/recording';
import { UsageError } from './options';

export interface SimReplayContext {
  /** The real module's port or place, when one was given. */
  readonly port: string | undefined;
  /** The simulator's own options the user gave (`--fault`, `--sim-profile` …). */
  readonly simulatorOptions: readonly string[];
  /** The --results folder, resolved. */
  readonly resultsDir: string;
}

/** The recording, resolved; undefined when --sim-replay is not given. */
export function checkSimReplay(where: string | undefined, context: SimReplayContext): string | undefined {
  if (where === undefined) return undefined;
  if (context.port !== undefined)
    throw new UsageError(
      '--sim-replay replays a recording in place of the built-in simulator; it cannot be used with a real module (--port, --place or --reserve)',
    );
  if (context.simulatorOptions.length)
    throw new UsageError(
      `--sim-replay answers as the recording did; ${context.simulatorOptions.join(', ')} cannot be used with it`,
    );
  const resolved = path.resolve(where);
  const inside = (a: string, b: string) => a === b || a.startsWith(`${b}${path.sep}`);
  if (inside(resolved, context.resultsDir) || inside(context.resultsDir, resolved))
    throw new UsageError(
      `--sim-replay ${where}: the --results folder ${context.resultsDir} is emptied by the run; give the replayed run another --results folder`,
    );
  try {
    loadRecording(resolved, '--sim-replay');
  } catch (error) {
    throw new UsageError((error as Error).message.replace(resolved, where));
  }
  return resolved;
}
