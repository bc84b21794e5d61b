/**
 * One worker process of `qmt fault-score --workers N`: takes fault ids from its parent over IPC,
 * runs each one's targeted scenarios in this process (the support code loaded once, as in a
 * single-process score) and answers with the scenarios that ran and those that went red.
 */
import { findFault } from '../sim/faults/catalog';
import { runSuite } from './cucumber-runner';
import { faultRunTags } from './fault-tags';
import { RunConfigSchema } from './run-config';
import { harnessVersion } from './version';

export interface FaultJob {
  readonly fault: string;
}

export interface FaultJobResult {
  readonly fault: string;
  readonly ran: string[];
  readonly failed: string[];
}

process.on('message', (job: FaultJob) => {
  void (async () => {
    const fault = findFault(job.fault);
    if (!fault) throw new Error(`fault worker: unknown fault ${job.fault}`);
    const outcome = await runSuite({
      config: RunConfigSchema.parse({ harness: harnessVersion(), faults: [fault.id] }),
      tags: faultRunTags(fault.targets),
      quiet: true,
    });
    const result: FaultJobResult = { fault: fault.id, ran: outcome.ran, failed: outcome.failed };
    process.send?.(result);
  })().catch((error: unknown) => {
    console.error(`qmt fault-score worker: ${(error as Error).stack ?? error}`);
    process.exit(2);
  });
});
