// Reads allure-cucumberjs v3 results folders (`<uuid>-result.json`) into the few facts the
// compliance summary and run comparison need. Tolerant: a half-written file from a crashed run
// is reported, not fatal.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { classifyResult, normaliseStatus, skipMessage, type ResultClass, type ResultStatus } from './failure-classes';
import { specIdsFromTags } from './labels';
import { applyScenarioVerdict } from './scenario-verdict';
import { isCoverageMatrixResult } from './traceability-result';

export interface ScenarioResult {
  resultsDir: string;
  file: string;
  name: string;
  historyId: string;
  status: ResultStatus;
  outcome: ResultClass;
  message?: string;
  expected?: string;
  actual?: string;
  variant: string;
  model?: string;
  firmware?: string;
  harness?: string;
  rig?: string;
  /** The rig host (Allure's "host" label, QMT_RIG_NAME on a CI rig; src/rig/rig-host.ts). */
  host?: string;
  specIds: string[];
  /** Gherkin tags as allure-cucumberjs labels them ("@interoperability", "@spec:…"). */
  tags: string[];
  /** Readings of the note this scenario saw the module take (`reading` labels, "A10=after-open"). */
  readings: ObservedReading[];
  start?: number;
  stop?: number;
}

export interface ObservedReading {
  /** Reading id of src/variants/readings.ts, or "default:<name>" for an unstated default (A8). */
  id: string;
  value: string;
}

export interface ResultsFolder {
  dir: string;
  scenarios: ScenarioResult[];
  unreadable: string[];
}

interface RawLabel {
  name?: unknown;
  value?: unknown;
}

export class ResultsFolderError extends Error {}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

// "A10=after-open", "default:editTime=30": the id never contains "=", the value may.
export function parseReadingLabel(label: string): ObservedReading | undefined {
  const at = label.indexOf('=');
  if (at <= 0) return undefined;
  return { id: label.slice(0, at).trim(), value: label.slice(at + 1).trim() };
}

function labelValues(labels: RawLabel[], name: string): string[] {
  return labels
    .filter((l) => l.name === name)
    .map((l) => str(l.value))
    .filter((v): v is string => v !== undefined);
}

export function toScenarioResult(raw: Record<string, unknown>, resultsDir: string, file: string): ScenarioResult {
  const labels = Array.isArray(raw.labels) ? (raw.labels as RawLabel[]) : [];
  const first = (name: string) => labelValues(labels, name)[0];
  const details = (raw.statusDetails ?? {}) as Record<string, unknown>;
  const status = normaliseStatus(raw.status);
  const tags = labelValues(labels, 'tag');
  const message = skipMessage(raw.status, str(details.message), {
    applicability: first('applicability'),
    tags,
    readings: labelValues(labels, 'reading'),
  });
  // spec labels come from the hook; @spec: tags are the fallback if a hook did not run.
  const specIds = [...new Set([...labelValues(labels, 'spec'), ...specIdsFromTags(tags)])];
  const readings = labelValues(labels, 'reading')
    .map(parseReadingLabel)
    .filter((r): r is ObservedReading => r !== undefined);
  const name = str(raw.name) ?? '(unnamed scenario)';
  return {
    resultsDir,
    file,
    name,
    historyId: str(raw.historyId) ?? str(raw.testCaseId) ?? str(raw.fullName) ?? name,
    status,
    outcome: classifyResult(status, message),
    message,
    expected: str(details.expected),
    actual: str(details.actual),
    variant: first('variant') ?? first('parentSuite') ?? '(unknown variant)',
    model: first('model'),
    firmware: first('firmware'),
    harness: first('harness'),
    rig: first('rig'),
    host: first('host'),
    specIds,
    tags,
    readings,
    start: typeof raw.start === 'number' ? raw.start : undefined,
    stop: typeof raw.stop === 'number' ? raw.stop : undefined,
  };
}

// Allure keeps retries as several results with one historyId; the latest one counts.
function latestPerTest(results: ScenarioResult[]): ScenarioResult[] {
  const byKey = new Map<string, ScenarioResult>();
  for (const r of results) {
    const key = `${r.variant}\u0000${r.historyId}`;
    const seen = byKey.get(key);
    if (!seen || (r.stop ?? r.start ?? 0) >= (seen.stop ?? seen.start ?? 0)) byKey.set(key, r);
  }
  return [...byKey.values()];
}

export function resultFiles(dir: string): string[] {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new ResultsFolderError(`results folder not found: ${dir}`);
  }
  return readdirSync(dir)
    .filter((f) => f.endsWith('-result.json'))
    .sort();
}

export function readResultsFolder(dir: string): ResultsFolder {
  const files = resultFiles(dir);
  if (files.length === 0) throw new ResultsFolderError(`results folder has no *-result.json files: ${dir}`);
  const scenarios: ScenarioResult[] = [];
  const unreadable: string[] = [];
  for (const f of files) {
    const file = join(dir, f);
    try {
      const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      if (isCoverageMatrixResult(raw)) continue; // not a scenario (older results held it as one)
      applyScenarioVerdict(raw); // older results: passed with skipped steps
      scenarios.push(toScenarioResult(raw, dir, file));
    } catch {
      unreadable.push(file);
    }
  }
  return { dir, scenarios: latestPerTest(scenarios), unreadable };
}
