/**
 * The fault runs of `qmt fault-score --workers N` shared out over N worker processes
 * (./fault-worker.ts), each with its own simulator and fixtures: a worker that finishes a fault
 * takes the next one. Each run selects only the few scenarios its fault targets, so one process
 * per worker that keeps its support code loaded costs far less than Cucumber's parallel workers
 * started afresh for each of the 80-odd runs.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { FaultDefinition } from '../sim/faults/types';
import { PROJECT_ROOT } from './cucumber-runner';
import type { FaultJobResult } from './fault-worker';

/** Runs every fault; `onResult` sees each result as soon as it is known. */
export function runFaultPool(
  faults: readonly FaultDefinition[],
  workers: number,
  onResult: (result: FaultJobResult) => void,
): Promise<void> {
  const queue = faults.map((f) => f.id);
  const children: ChildProcess[] = [];
  const worker = require.resolve('./fault-worker');
  // Under the TypeScript loader the worker needs it too; compiled JavaScript does not.
  const execArgv = worker.endsWith('.ts') ? ['--require', path.join(PROJECT_ROOT, 'scripts', 'register-ts.js')] : [];
  return new Promise<void>((resolve, reject) => {
    let pending = queue.length;
    if (pending === 0) return resolve();
    const give = (child: ChildProcess) => {
      const next = queue.shift();
      if (next) child.send({ fault: next });
      else child.disconnect();
    };
    for (let i = 0; i < Math.min(workers, queue.length); i++) {
      const child = fork(worker, [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      children.push(child);
      child.on('message', (result: FaultJobResult) => {
        onResult(result);
        if (--pending === 0) resolve();
        give(child);
      });
      child.on('exit', (code) => {
        if (code !== 0 && pending > 0) {
          for (const other of children) other.kill();
          reject(new Error(`a fault-score worker exited with code ${code}`));
        }
      });
      give(child);
    }
  });
}
