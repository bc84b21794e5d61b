/**
 * Output folders (`--results`, `--out`, `qmt report --out`): the harness deletes nothing it
 * did not write: a user's notes in a mistyped folder must survive. A folder the harness creates gets a marker file; a folder is
 * emptied or written into only when it is absent, empty, marked, or holds nothing but what the
 * harness writes there by name. Everything else is refused before any work starts, one line,
 * exit code 2. The user's working, home and project folders are refused outright.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { UsageError } from './options';

export const OUTPUT_MARKER = '.qmt-output';

/** What may be emptied: a results folder is emptied whole; a report folder only has named parts replaced. */
export type OutputKind = 'results' | 'report';

// An Allure results folder as allure-js and the harness write it (a folder of an older harness has
// no marker yet): per-scenario files named by UUID, the run-level files, and per-port sub-folders.
const RESULTS_FILE =
  /^([0-9a-f-]{36}-(result|container|globals)\.json|[0-9a-f-]{36}-attachment(\.\w+)?|environment\.properties|executor\.json|categories\.json|declared-profile\.json|run-scope\.json|cucumber-verdicts\.ndjson|spec-coverage\.json)$/i;
// What the report step writes into its folder (src/report/generate.ts, compliance-report.ts), the
// spec coverage matrix (src/report/traceability-result.ts, test/catalog/traceability.test.ts), and
// results folders a run keeps beside its report (reports/allure-results…).
const REPORT_ENTRY =
  /^(allure-report|allure-report-single|allure-results-merged|allure-results[\w.-]*|compliance\.(html|json|pdf)|fault-coverage\.md|spec-coverage\.(md|json)|coverage-matrix\.(md|json))$/;

/** Refuses, before any work, an output folder whose contents the harness did not write. */
export function checkOutputFolder(option: string, dir: string, kind: OutputKind, projectRoot: string): string {
  const resolved = path.resolve(dir);
  const forbidden = forbiddenReason(resolved, projectRoot);
  if (forbidden) throw new UsageError(`${option} ${dir}: ${forbidden}; name a folder of its own, e.g. reports/run-1`);
  let stats;
  try {
    stats = statSync(resolved);
  } catch {
    return resolved; // created by the run, with the marker
  }
  if (!stats.isDirectory())
    throw new UsageError(`${option} ${dir}: is a file, not a folder (the folder is emptied at each run)`);
  const foreign = foreignEntry(resolved, kind);
  if (foreign !== undefined)
    throw new UsageError(
      `${option} ${dir}: holds ${JSON.stringify(foreign)}, which qmt did not write (no ${OUTPUT_MARKER} marker); ` +
        `name an empty or new folder${kind === 'results' ? ' (this one would be emptied)' : ''}`,
    );
  return resolved;
}

/** Empties a results folder checked by checkOutputFolder and marks it as the harness's. */
export function claimResultsFolder(dir: string, writer: string): void {
  rmSync(dir, { recursive: true, force: true });
  markFolder(dir, writer);
}

/** Creates the folder (and marks it) if needed; marks an empty one. Never deletes. */
export function markFolder(dir: string, writer: string): void {
  mkdirSync(dir, { recursive: true });
  const marker = path.join(dir, OUTPUT_MARKER);
  if (!existsSync(marker))
    writeFileSync(
      marker,
      `Written by ${writer} on ${new Date().toISOString()}. qmt empties or replaces what is in this folder at its next run.\n`,
    );
}

function forbiddenReason(dir: string, projectRoot: string): string | undefined {
  const cwd = process.cwd();
  if (dir === path.parse(dir).root) return 'is the root of the file system';
  if (dir === path.resolve(homedir())) return 'is your home folder';
  if (dir === cwd) return 'is the current folder';
  if (dir === path.resolve(projectRoot)) return "is the harness's project folder";
  if (isAncestor(dir, cwd)) return 'holds the current folder';
  if (isAncestor(dir, projectRoot)) return "holds the harness's project folder";
  return undefined;
}

function isAncestor(dir: string, of: string): boolean {
  const rel = path.relative(dir, path.resolve(of));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** The first entry the harness did not write, or undefined when the folder is the harness's. */
function foreignEntry(dir: string, kind: OutputKind): string | undefined {
  const entries = readdirSync(dir);
  if (entries.includes(OUTPUT_MARKER)) return undefined;
  for (const entry of entries) {
    const full = path.join(dir, entry);
    const isDir = statSync(full).isDirectory();
    if (kind === 'report') {
      if (!REPORT_ENTRY.test(entry)) return entry;
    } else if (isDir) {
      // A multi-port run's per-port folder, or Allure's history.
      const inner = entry === 'history' ? undefined : foreignEntry(full, 'results');
      if (inner !== undefined) return path.join(entry, inner);
    } else if (!RESULTS_FILE.test(entry)) return entry;
  }
  return undefined;
}
