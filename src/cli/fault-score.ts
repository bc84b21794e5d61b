/**
 * The suite's proof of sensitivity: each simulated firmware fault is switched on in turn and the
 * scenarios tagged with the spec items it breaks must go red. A fault nobody catches is a hole
 * in the catalog. Prints the score; exit code 1 unless every fault is caught.
 */
import { FAULTS, isFaultId } from '../sim/faults/catalog';
import type { FaultDefinition } from '../sim/faults/types';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, runSuite } from './cucumber-runner';
import { runFaultPool } from './fault-pool';
import { faultRunTags } from './fault-tags';
import type { FaultJobResult } from './fault-worker';
import { UsageError } from './options';
import { RunConfigSchema } from './run-config';
import { harnessVersion } from './version';
import { checkWorkers } from './workers';

export interface FaultScoreOptions {
  fault: string[];
  /** Worker processes sharing the fault runs (default 1: this process; ./fault-pool.ts). */
  workers?: string;
}

export interface FaultVerdict {
  fault: FaultDefinition;
  caught: boolean;
  scenarios: number;
  /** The targeted scenarios that went red with the fault on. */
  red: string[];
}

export async function faultScoreCommand(options: FaultScoreOptions): Promise<number> {
  const unknown = options.fault.filter((id) => !isFaultId(id));
  if (unknown.length)
    throw new UsageError(`--fault ${unknown.join(', ')}: unknown (known: ${FAULTS.map((f) => f.id).join(', ')})`);
  const selected = options.fault.length ? FAULTS.filter((f) => options.fault.includes(f.id)) : FAULTS;
  // --workers N shares the fault runs over N processes; the baseline runs in this process either
  // way (Cucumber's parallel workers cost more than they save here, src/cli/workers.ts). Default 1:
  // on the shared 2-core machine the score took 42 s in one process and 52 s on two.
  const poolSize = checkWorkers(options.workers, undefined);
  const base = { harness: harnessVersion() };

  // Without faults every scenario must pass, or "caught" would mean nothing.
  const baseline = await runSuite({
    config: RunConfigSchema.parse({ ...base, faults: [] }),
    tags: 'not @slow',
    quiet: true,
  });
  if (!baseline.success) {
    console.error(
      `qmt fault-score: scenarios fail WITHOUT any fault (${baseline.failed.join('; ')}); fix the suite first`,
    );
    return 1;
  }

  const verdicts: FaultVerdict[] = [];
  const seenFailing = new Set<string>();
  const report = (fault: FaultDefinition, outcome: FaultJobResult) => {
    const scenarios = outcome.ran.length;
    outcome.failed.forEach((name) => seenFailing.add(name));
    const verdict = { fault, caught: outcome.failed.length > 0, scenarios, red: outcome.failed };
    verdicts.push(verdict);
    console.log(
      `${verdict.caught ? 'caught   ' : 'MISSED   '} ${fault.id.padEnd(44)} ${scenarios > 0 ? `${outcome.failed.length}/${scenarios} targeted scenarios red  ` : '(no scenario targets it) '}${fault.description}`,
    );
  };
  // Results are printed in catalog order, each as soon as it and the ones before it are known.
  const known = new Map<string, FaultJobResult>();
  let printed = 0;
  const record = (result: FaultJobResult) => {
    known.set(result.fault, result);
    for (; printed < selected.length && known.has(selected[printed].id); printed++)
      report(selected[printed], known.get(selected[printed].id) as FaultJobResult);
  };
  if (poolSize > 1) await runFaultPool(selected, poolSize, record);
  else
    for (const fault of selected) {
      const outcome = await runSuite({
        config: RunConfigSchema.parse({ ...base, faults: [fault.id] }),
        tags: faultRunTags(fault.targets),
        quiet: true,
      });
      record({ fault: fault.id, ran: outcome.ran, failed: outcome.failed });
    }
  const caught = verdicts.filter((v) => v.caught).length;
  const percent = verdicts.length ? Math.round((caught / verdicts.length) * 1000) / 10 : 100;
  const never = baseline.ran.filter((name) => !seenFailing.has(name));
  const file = writeFaultCoverage(verdicts, baseline.ran, never);
  console.log(
    `scenarios seen failing under some fault: ${baseline.ran.length - never.length} of ${baseline.ran.length} (the others are listed in ${path.relative(process.cwd(), file)})`,
  );
  console.log(`fault score: ${caught}/${verdicts.length} faults caught (${percent} %)`);
  return caught === verdicts.length ? 0 : 1;
}

/** reports/fault-coverage.md: which scenarios each fault turned red, and which none did. */
function writeFaultCoverage(verdicts: FaultVerdict[], all: string[], never: string[]): string {
  const dir = path.join(PROJECT_ROOT, 'reports');
  mkdirSync(dir, { recursive: true });
  const lines = [
    '# Fault coverage',
    '',
    `${verdicts.filter((v) => v.caught).length} of ${verdicts.length} simulated firmware faults caught; ${all.length - never.length} of ${all.length} scenarios seen failing under at least one fault.`,
    '',
    '| fault | caught | red scenarios | what the faulty firmware does |',
    '|---|---|---|---|',
    ...verdicts.map(
      (v) =>
        `| ${v.fault.id} | ${v.caught ? 'yes' : '**no**'} | ${v.red.length}/${v.scenarios} | ${v.fault.description} |`,
    ),
    '',
    '## Scenarios no fault has turned red',
    '',
    'These pass against every simulated fault: either no fault targets what they check, or they check',
    'behaviour a fault elsewhere already proves the harness can see (a shared step or fixture control).',
    '',
    ...never.map((name) => `- ${name}`),
  ];
  const file = path.join(dir, 'fault-coverage.md');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}
