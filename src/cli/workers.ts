/**
 * `--workers <n>`: how many scenarios of a built-in simulator run go at once. Each worker is a
 * Cucumber parallel worker process that loads the support code itself, so it has its own simulator,
 * broker fixtures and virtual clocks; a scenario's verdict cannot depend on which worker ran it.
 * The default is one process: on the 2-core machine of docs/benchmarks.md the whole catalog took
 * 7.8 s in one process and 15.5 s on two workers (each worker's start-up, and every message and
 * attachment crossing to the coordinator). A real module takes one scenario at a time (several
 * modules: one worker each, src/cli/rigs-run.ts).
 */
import { checkInteger, UsageError } from './options';

/** `brokerPort`: a fixed --broker-port can be listened on by one scenario at a time. */
export function checkWorkers(value: string | undefined, port: string | undefined, brokerPort = 0): number {
  if (value === undefined) return 1;
  const workers = checkInteger('--workers', value, 1, 64);
  if (port && workers > 1)
    throw new UsageError(
      '--workers runs scenarios of the built-in simulator in parallel; a module on --port takes one scenario at a time',
    );
  if (brokerPort && workers > 1)
    throw new UsageError(
      `--workers ${workers} with --broker-port ${brokerPort}: parallel scenarios need a broker port each (leave --broker-port at 0)`,
    );
  return workers;
}

/** `--shard <i/n>` (Cucumber's sharding: the i-th of every n selected scenarios); undefined = all. */
/** How many of `selected` scenarios the share `i/n` takes (Cucumber keeps the k-th when k % n = i - 1). */
export function shareOf(selected: number, shard: string | undefined): number {
  if (shard === undefined) return selected;
  const [index, total] = shard.split('/').map(Number) as [number, number];
  return index > selected ? 0 : Math.floor((selected - index) / total) + 1;
}

export function checkShard(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const [index, total] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || total < 1 || index < 1 || index > total)
    throw new UsageError(`--shard ${value}: expected <i>/<n> with 1 <= i <= n, e.g. 2/4`);
  return value;
}
