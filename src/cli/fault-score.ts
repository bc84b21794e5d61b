/**
 * The suite's proof of sensitivity: each simulated firmware fault is switched on in turn and the
 * scenarios tagged with the spec items it breaks must go red. A fault nobody catches is a hole
 * in the catalog. Prints the score; exit code 1 unless every fault is caught.
 */
import { FAULTS } from '../sim/faults/catalog';
import type { FaultDefinition } from '../sim/faults/types';
import { runSuite } from './cucumber-runner';
import { UsageError } from './options';
import { RunConfigSchema } from './run-config';
import { harnessVersion } from './version';

export interface FaultScoreOptions {
  fault: string[];
}

export interface FaultVerdict {
  fault: FaultDefinition;
  caught: boolean;
  scenarios: number;
}

export async function faultScoreCommand(options: FaultScoreOptions): Promise<number> {
  const unknown = options.fault.filter((id) => !FAULTS.some((f) => f.id === id));
  if (unknown.length) throw new UsageError(`--fault ${unknown.join(', ')}: unknown (known: ${FAULTS.map((f) => f.id).join(', ')})`);
  const selected = options.fault.length ? FAULTS.filter((f) => options.fault.includes(f.id)) : FAULTS;
  const base = { harness: harnessVersion() };

  // Without faults the targeted scenarios must pass, or "caught" would mean nothing.
  const allTargets = [...new Set(selected.flatMap((f) => f.targets))];
  const baseline = await runSuite({ config: RunConfigSchema.parse({ ...base, faults: [] }), tags: tagsFor(allTargets), quiet: true });
  if (!baseline.success) {
    console.error('qmt fault-score: the targeted scenarios fail WITHOUT any fault; fix the suite first');
    return 1;
  }

  const verdicts: FaultVerdict[] = [];
  for (const fault of selected) {
    const outcome = await runSuite({
      config: RunConfigSchema.parse({ ...base, faults: [fault.id] }),
      tags: tagsFor(fault.targets),
      quiet: true,
      failFast: true,
    });
    const scenarios = outcome.counts.finished ?? 0;
    const verdict = { fault, caught: scenarios > 0 && !outcome.success, scenarios };
    verdicts.push(verdict);
    console.log(`${verdict.caught ? 'caught   ' : 'MISSED   '} ${fault.id.padEnd(44)} ${scenarios > 0 ? '' : '(no scenario targets it) '}${fault.description}`);
  }
  const caught = verdicts.filter((v) => v.caught).length;
  const percent = verdicts.length ? Math.round((caught / verdicts.length) * 1000) / 10 : 100;
  console.log(`fault score: ${caught}/${verdicts.length} faults caught (${percent} %)`);
  return caught === verdicts.length ? 0 : 1;
}

function tagsFor(targets: readonly string[]): string {
  return targets.length ? `(${targets.map((t) => `@spec:${t}`).join(' or ')}) and not @slow` : '@no-such-tag';
}
