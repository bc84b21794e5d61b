/**
 * allure-cucumberjs files a failing After hook as a failed teardown fixture (the container's
 * `afters`) and leaves the scenario's own result "passed", although Cucumber failed the scenario.
 * Our After hooks hold conformance checks (an echo after ATE0 switched it off, an ERROR nobody
 * asserted), so Allure, the compliance summary and `qmt compare` would show a non-conformant
 * module as passing. This writes the hook's status and message into each such result, so every
 * report agrees with Cucumber's verdict. Results that already failed keep their own failure.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface StatusDetails {
  message?: string;
  trace?: string;
}

interface Fixture {
  name?: string;
  status?: string;
  statusDetails?: StatusDetails;
}

interface Container {
  children?: string[];
  afters?: Fixture[];
}

interface Result {
  status?: string;
  statusDetails?: StatusDetails;
}

const FAILING = new Set(['failed', 'broken']);

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined; // a half-written file of an interrupted run: nothing to fold
  }
}

/** Folds failed After hooks into their scenarios' results; returns how many results changed. */
export function foldTeardownFailures(resultsDir: string): number {
  let changed = 0;
  for (const file of readdirSync(resultsDir).filter((f) => f.endsWith('-container.json'))) {
    const container = readJson<Container>(path.join(resultsDir, file));
    const failure = container?.afters?.find((a) => a.status !== undefined && FAILING.has(a.status));
    if (!container || !failure) continue;
    for (const child of container.children ?? []) {
      const resultFile = path.join(resultsDir, `${child}-result.json`);
      const result = readJson<Result>(resultFile);
      // Cucumber fails a skipped (not applicable) scenario whose After hook failed, too.
      if (!result || (result.status !== 'passed' && result.status !== 'skipped')) continue;
      result.status = failure.status;
      result.statusDetails = failure.statusDetails;
      writeFileSync(resultFile, JSON.stringify(result));
      changed++;
    }
  }
  return changed;
}
