/**
 * `--workers <n>`: how many scenarios of a built-in simulator run go at once. Each worker is a
 * Cucumber parallel worker process that loads the support code itself, so it has its own simulator,
 * broker fixtures and virtual clocks; a scenario's verdict cannot depend on which worker ran it.
 * A real module takes one scenario at a time (several modules: one worker each, src/cli/rigs-run.ts).
 */
import { availableParallelism } from 'node:os';
import { checkInteger, UsageError } from './options';

/** The default for a simulator run: one worker per core. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

export function checkWorkers(value: string | undefined, port: string | undefined): number {
  if (value === undefined) return port ? 1 : defaultWorkers();
  const workers = checkInteger('--workers', value, 1, 64);
  if (port && workers > 1)
    throw new UsageError(
      '--workers runs scenarios of the built-in simulator in parallel; a module on --port takes one scenario at a time',
    );
  return workers;
}
