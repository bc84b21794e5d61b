/**
 * The agreement check: for one run's results folder, Cucumber's verdicts (as its messages gave
 * them, cucumber-verdicts.ndjson), the Allure results (as Allure will show them: the merged
 * folder the report is built from) and the compliance summary must count the same scenarios as
 * passed, failed, broken (not judged), skipped (not applicable) and not run. Any difference is a
 * report that says something Cucumber did not: the check names it and fails.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildCompliance, type ComplianceRun } from './compliance';
import { classifyResult, isNotJudged } from './failure-classes';
import { mergeResultsFolders } from './merge-results';
import { readCucumberVerdicts, readRunScope } from './run-scope';

export interface VerdictCounts {
  passed: number;
  /** Judged against the module: non-conformance, profile deviation, interoperability. */
  failed: number;
  /** Not judged: precondition or harness/rig trouble (Allure "broken"). */
  broken: number;
  /** Skipped scenarios: not applicable, or skipped without a reason. */
  skipped: number;
  /** Scenarios of the catalog with no verdict: outside the selection, or not reached. */
  notRun: number;
}

export interface Agreement {
  resultsDir: string;
  cucumber: VerdictCounts;
  allure: VerdictCounts;
  compliance: VerdictCounts;
  /** One line per difference; empty when the three agree. */
  differences: string[];
}

const KEYS: (keyof VerdictCounts)[] = ['passed', 'failed', 'broken', 'skipped', 'notRun'];

/** Cucumber's scenario status as the reports name it; a failure is split by what its message says. */
function cucumberBucket(status: string | undefined, message: string | undefined): keyof VerdictCounts {
  if (status === 'PASSED') return 'passed';
  if (status === 'SKIPPED') return 'skipped';
  return isNotJudged(classifyResult('failed', message)) ? 'broken' : 'failed';
}

export function cucumberCounts(resultsDir: string): VerdictCounts {
  const scope = readRunScope(resultsDir);
  const lines = readCucumberVerdicts(resultsDir);
  const counts: VerdictCounts = { passed: 0, failed: 0, broken: 0, skipped: 0, notRun: 0 };
  const open = new Map<string, number>();
  for (const line of lines) {
    if (line.event === 'started') open.set(line.fullName, (open.get(line.fullName) ?? 0) + 1);
    else {
      open.set(line.fullName, (open.get(line.fullName) ?? 0) - 1);
      counts[cucumberBucket(line.status, line.message)]++;
    }
  }
  // A scenario Cucumber started and never finished: the run was cut in it (the guard writes it broken).
  const cut = [...open.values()].reduce((n, v) => n + Math.max(0, v), 0);
  counts.broken += cut;
  const started = lines.filter((l) => l.event === 'started').length;
  counts.notRun = (scope?.catalog?.length ?? started) - started;
  return counts;
}

export function allureCounts(resultsDir: string, catalogScenarios: number): VerdictCounts {
  const merged = mkdtempSync(path.join(tmpdir(), 'qmt-agreement-'));
  try {
    mergeResultsFolders([resultsDir], merged);
    const counts: VerdictCounts = { passed: 0, failed: 0, broken: 0, skipped: 0, notRun: 0 };
    let results = 0;
    for (const file of readdirSync(merged).filter((f) => f.endsWith('-result.json'))) {
      const status = (JSON.parse(readFileSync(path.join(merged, file), 'utf8')) as { status?: string }).status;
      results++;
      if (status === 'passed' || status === 'failed' || status === 'broken' || status === 'skipped') counts[status]++;
      else counts.notRun++; // "unknown": Allure shows no verdict
    }
    counts.notRun += catalogScenarios - results;
    return counts;
  } finally {
    rmSync(merged, { recursive: true, force: true });
  }
}

/**
 * The results as the run wrote them, before `qmt report` merges them: what `allure generate` on
 * the folder itself shows. Only merging decides broken against failed by the message's class
 * (failure-classes.ts), so the two are counted together here.
 */
export function writtenCounts(resultsDir: string): { passed: number; failedOrBroken: number; skipped: number } {
  const counts = { passed: 0, failedOrBroken: 0, skipped: 0 };
  for (const file of readdirSync(resultsDir).filter((f) => f.endsWith('-result.json'))) {
    const status = (JSON.parse(readFileSync(path.join(resultsDir, file), 'utf8')) as { status?: string }).status;
    if (status === 'passed' || status === 'skipped') counts[status]++;
    else counts.failedOrBroken++;
  }
  return counts;
}

export function complianceCounts(run: ComplianceRun): VerdictCounts {
  const skippedWithoutReason = run.notRun - run.outsideSelection - run.notReached;
  return {
    passed: run.passed,
    failed: run.failed + run.deviations + run.interoperability,
    broken: run.notJudged,
    skipped: run.notApplicable + skippedWithoutReason,
    notRun: run.outsideSelection + run.notReached,
  };
}

/** `complianceRuns`: the runs of a compliance.json written for this folder; else built here. */
export function checkAgreement(resultsDir: string, complianceRuns?: readonly ComplianceRun[]): Agreement {
  const dir = path.resolve(resultsDir);
  const differences: string[] = [];
  const scope = readRunScope(dir);
  if (!scope?.catalog)
    differences.push(`${dir}: no run-scope.json (not written by \`qmt run\`?): nothing to compare with`);
  const cucumber = cucumberCounts(dir);
  const catalog = scope?.catalog?.length ?? 0;
  const allure = allureCounts(dir, catalog);
  const runs = (complianceRuns ?? buildCompliance([dir]).runs).filter((r) => path.resolve(r.resultsDir) === dir);
  if (runs.length !== 1)
    differences.push(`${dir}: the compliance summary has ${runs.length} runs for this folder, not 1`);
  const compliance = runs[0]
    ? complianceCounts(runs[0])
    : { passed: 0, failed: 0, broken: 0, skipped: 0, notRun: catalog };
  for (const key of KEYS) {
    if (cucumber[key] !== allure[key] || cucumber[key] !== compliance[key])
      differences.push(
        `${key}: Cucumber ${cucumber[key]}, Allure ${allure[key]}, compliance summary ${compliance[key]}`,
      );
  }
  const written = writtenCounts(dir);
  const checks: [string, number, number][] = [
    ['passed', cucumber.passed, written.passed],
    ['failed or broken', cucumber.failed + cucumber.broken, written.failedOrBroken],
    ['skipped', cucumber.skipped, written.skipped],
  ];
  for (const [what, expected, found] of checks)
    if (expected !== found)
      differences.push(`${what}: Cucumber ${expected}, the Allure results as written ${found} (before any merge)`);
  return { resultsDir: dir, cucumber, allure, compliance, differences };
}

export function formatCounts(c: VerdictCounts): string {
  return `${c.passed} passed, ${c.failed} failed, ${c.broken} broken, ${c.skipped} skipped (not applicable), ${c.notRun} not run`;
}
