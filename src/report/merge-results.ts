// Merges several allure results folders (several runs / variants / rigs) into one folder Allure
// can render as one report. Run-level files that would collide are combined, not overwritten.
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { DECLARED_PROFILE_FILE } from './declared-profile';
import { classifyResult, isFailureClass, normaliseStatus, skipMessage, statusForClass } from './failure-classes';
import { resultFiles, ResultsFolderError } from './read-results';
import { CUCUMBER_VERDICTS_FILE, RUN_SCOPE_FILE } from './run-scope';
import { applyScenarioVerdict } from './scenario-verdict';
import { isCoverageMatrixResult, SPEC_COVERAGE_FILE } from './traceability-result';

const ENVIRONMENT = 'environment.properties';
const EXECUTOR = 'executor.json';
const CATEGORIES = 'categories.json';
// declared-profile.json is read from each run's own folder (compliance summary); Allure has no use for it.
// run-scope.json, cucumber-verdicts.ndjson and spec-coverage.json likewise (the summary's scope and
// traceability, the agreement check).
const RUN_LEVEL = new Set([
  ENVIRONMENT,
  EXECUTOR,
  CATEGORIES,
  DECLARED_PROFILE_FILE,
  RUN_SCOPE_FILE,
  CUCUMBER_VERDICTS_FILE,
  SPEC_COVERAGE_FILE,
]);

/** Throws, naming the folder, when it is missing or holds no scenario results. */
export function checkResultsFolder(dir: string): void {
  if (resultFiles(dir).length === 0) throw new ResultsFolderError(`results folder has no *-result.json files: ${dir}`);
}

function parseProperties(text: string): [string, string][] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !/^\s*[#!]/.test(l))
    .map((l) => {
      const m = /^((?:[^=:\\]|\\.)*)[=:](.*)$/.exec(l);
      return m ? ([m[1].trim(), m[2].trim()] as [string, string]) : ([l.trim(), ''] as [string, string]);
    });
}

// Same key, different values across runs (two variants): list every value, in run order.
export function mergeEnvironment(texts: string[]): string {
  const merged = new Map<string, string[]>();
  for (const text of texts) {
    for (const [k, v] of parseProperties(text)) {
      const values = merged.get(k) ?? [];
      if (!values.includes(v)) values.push(v);
      merged.set(k, values);
    }
  }
  return [...merged.entries()].map(([k, vs]) => `${k}=${vs.join(', ')}`).join('\n') + '\n';
}

function mergeCategories(texts: string[]): string {
  const seen = new Map<string, unknown>();
  for (const text of texts) {
    const list = JSON.parse(text) as unknown[];
    for (const c of Array.isArray(list) ? list : []) seen.set(JSON.stringify(c), c);
  }
  return JSON.stringify([...seen.values()], null, 2) + '\n';
}

// Allure shows one executor; name every run's build in it.
function mergeExecutors(texts: string[]): string {
  const executors = texts.map((t) => JSON.parse(t) as Record<string, unknown>);
  if (executors.length === 1) return JSON.stringify(executors[0], null, 2) + '\n';
  const names = [...new Set(executors.map((x) => String(x.buildName ?? '')).filter(Boolean))];
  const orders = executors.map((x) => (typeof x.buildOrder === 'number' ? x.buildOrder : 0));
  return (
    JSON.stringify(
      { ...executors[executors.length - 1], buildName: names.join(' + '), buildOrder: Math.max(...orders) },
      null,
      2,
    ) + '\n'
  );
}

// The same feature run for EC200T and EG912Y has the same historyId unless the hook adds a
// variant parameter; Allure would then show one as a retry of the other. Salting with the
// variant label is deterministic, so history trends still line up run after run. Allure groups
// retries by historyId and testCaseId, so both are salted.
// A skip marked not applicable only by labels (applicability, or a reading other than the
// scenario's @reading tag) gets the message categories.json matches on.
// Results written before the reporter took Cucumber's verdict (passed, with skipped steps) are
// given it here. Such older folders also held the coverage matrix as a result: it is dropped.
function prepareResult(resultJson: string): string | undefined {
  const result = JSON.parse(resultJson) as {
    fullName?: string;
    historyId?: string;
    testCaseId?: string;
    status?: string;
    statusDetails?: { message?: string };
    labels?: { name: string; value: string }[];
    steps?: { status?: string }[];
  };
  if (isCoverageMatrixResult(result)) return undefined;
  applyScenarioVerdict(result);
  const label = (name: string) => result.labels?.find((l) => l.name === name)?.value;
  const variant = label('variant');
  if (variant) {
    const salt = (id: string) => createHash('md5').update(`${id}|${variant}`).digest('hex');
    if (result.historyId) result.historyId = salt(result.historyId);
    if (result.testCaseId) result.testCaseId = salt(result.testCaseId);
  }
  const labelsNamed = (name: string) => (result.labels ?? []).filter((l) => l.name === name).map((l) => l.value);
  const message = skipMessage(result.status, result.statusDetails?.message, {
    applicability: label('applicability'),
    tags: labelsNamed('tag'),
    readings: labelsNamed('reading'),
  });
  if (message !== undefined) result.statusDetails = { ...result.statusDetails, message };
  // Allure colours by status: a precondition or rig failure is broken (not judged), whatever
  // error type carried it; a non-conformance thrown as a plain Error is failed.
  const cls = classifyResult(normaliseStatus(result.status), message);
  if (isFailureClass(cls)) result.status = statusForClass(cls);
  return JSON.stringify(result);
}

// A damaged run-level JSON file (crashed run) must not cost the whole report: keep the last one.
function writeMerged(
  mergedDir: string,
  name: string,
  texts: string[] | undefined,
  merge: (t: string[]) => string,
): void {
  if (!texts) return;
  let merged: string;
  try {
    merged = merge(texts);
  } catch {
    merged = texts[texts.length - 1];
  }
  writeFileSync(join(mergedDir, name), merged);
}

export interface MergeSummary {
  mergedDir: string;
  results: number;
  files: number;
}

export function mergeResultsFolders(resultsDirs: readonly string[], mergedDir: string): MergeSummary {
  if (resultsDirs.length === 0) throw new ResultsFolderError('no results folder given');
  const dirs = [...new Set(resultsDirs.map((d) => resolve(d)))];
  dirs.forEach(checkResultsFolder);
  rmSync(mergedDir, { recursive: true, force: true });
  mkdirSync(mergedDir, { recursive: true });
  const runLevel = new Map<string, string[]>();
  let results = 0;
  let files = 0;
  for (const dir of dirs) {
    for (const name of readdirSync(dir)) {
      const source = join(dir, name);
      if (!statSync(source).isFile()) continue; // e.g. a stale history/ folder: the report's own history wins
      if (RUN_LEVEL.has(name)) {
        runLevel.set(name, [...(runLevel.get(name) ?? []), readFileSync(source, 'utf8')]);
        continue;
      }
      const target = join(mergedDir, name);
      if (existsSync(target)) continue; // same uuid twice = the same file given twice
      files++;
      if (name.endsWith('-result.json')) {
        results++;
        try {
          const prepared = prepareResult(readFileSync(source, 'utf8'));
          if (prepared === undefined) {
            results--;
            files--;
          } else writeFileSync(target, prepared);
          continue;
        } catch {
          // unreadable JSON: copy as is, Allure will report it
        }
      }
      copyFileSync(source, target);
    }
  }
  const env = runLevel.get(ENVIRONMENT);
  if (env) writeFileSync(join(mergedDir, ENVIRONMENT), mergeEnvironment(env));
  writeMerged(mergedDir, EXECUTOR, runLevel.get(EXECUTOR), mergeExecutors);
  writeMerged(mergedDir, CATEGORIES, runLevel.get(CATEGORIES), mergeCategories);
  return { mergedDir, results, files };
}
