// "Readings observed": per run (results folder × variant), which answer the module gave at each
// place where the application note allows several (src/variants/readings.ts), in how many
// scenarios, and — in a strict run — whether that is what the profile declared. A reading seen
// with two values in one run is flagged: the note allows either, but one firmware should take
// one (a customer's host code cannot be written for both at once).
import { READINGS, UNSTATED_DEFAULTS, isReadingId, isUnstatedDefault } from '../variants/readings';
import { declaredValue, type RunDeclaration } from './declared-profile';
import type { ScenarioResult } from './read-results';

export type ReadingVerdict = 'as declared' | 'deviates' | 'not declared' | 'declaration unknown';

export interface ReadingValueCount {
  value: string;
  /** Scenarios that showed this value (any outcome: a skipped scenario observed it too). */
  scenarios: number;
}

export interface ReadingRow {
  /** "A10", "stat-malformed", or "default:<name>" for an unstated default (A8). */
  id: string;
  /** Where the note says it (section / figure), from READINGS; "A8" for a default. */
  where: string;
  /** The note's words that leave the choice open. */
  words: string;
  /** Every value the note allows. */
  allowed: string[];
  observed: ReadingValueCount[];
  /** Strict run: the profile's value. */
  declared?: string;
  verdict: ReadingVerdict;
  /** Two or more values in one run. */
  inconsistent: boolean;
  /** False for an id this harness version does not know (results of another version). */
  known: boolean;
}

export interface ReadingsTable {
  resultsDir: string;
  variant: string;
  mode: RunDeclaration['mode'];
  /** Strict run: the declared profile's name. */
  profile?: string;
  rows: ReadingRow[];
  /** Readings and defaults of the note this run never observed. */
  notObserved: string[];
}

const ALL_IDS: string[] = [...Object.keys(READINGS), ...Object.keys(UNSTATED_DEFAULTS).map((d) => `default:${d}`)];

function describe(id: string): Pick<ReadingRow, 'where' | 'words' | 'allowed' | 'known'> {
  if (isReadingId(id)) {
    const r = READINGS[id];
    return { where: r.where, words: r.words, allowed: [...r.values], known: true };
  }
  const name = id.startsWith('default:') ? id.slice('default:'.length) : '';
  if (isUnstatedDefault(name)) {
    const d = UNSTATED_DEFAULTS[name];
    const values = d.values.map(String);
    const range = values.length > 8 ? [`${values[0]}..${values.at(-1)}`] : values;
    return {
      where: 'A8',
      words: `the note states no default for ${d.parameter}: any value of its range is conformant`,
      allowed: range,
      known: true,
    };
  }
  return { where: '?', words: '(not a reading this harness version knows)', allowed: [], known: false };
}

const order = (id: string) => {
  const i = ALL_IDS.indexOf(id);
  return i < 0 ? ALL_IDS.length : i;
};

function rowFor(id: string, scenarios: readonly ScenarioResult[], declaration: RunDeclaration): ReadingRow {
  const counts = new Map<string, number>();
  for (const s of scenarios) {
    // One scenario counts once per value, however many steps saw it.
    for (const value of new Set(s.readings.filter((r) => r.id === id).map((r) => r.value))) {
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  const observed = [...counts.entries()]
    .map(([value, n]) => ({ value, scenarios: n }))
    .sort((a, b) => b.scenarios - a.scenarios || a.value.localeCompare(b.value));
  const declared = declaration.mode === 'strict' ? declaredValue(declaration.profile, id) : undefined;
  let verdict: ReadingVerdict;
  if (declaration.mode === 'default') verdict = 'not declared';
  else if (declaration.mode === 'unknown' || declared === undefined) verdict = 'declaration unknown';
  else verdict = observed.every((o) => o.value === declared) ? 'as declared' : 'deviates';
  return { id, ...describe(id), observed, declared, verdict, inconsistent: observed.length > 1 };
}

/** One table per results folder and variant, in the order the runs were given. */
export function readingsTables(
  scenarios: readonly ScenarioResult[],
  declarationOf: (resultsDir: string) => RunDeclaration,
): ReadingsTable[] {
  const groups = new Map<string, ScenarioResult[]>();
  for (const s of scenarios) {
    const key = `${s.resultsDir}\u0000${s.variant}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()].map((group) => {
    const declaration = declarationOf(group[0].resultsDir);
    const ids = [...new Set(group.flatMap((s) => s.readings.map((r) => r.id)))].sort(
      (a, b) => order(a) - order(b) || a.localeCompare(b),
    );
    return {
      resultsDir: group[0].resultsDir,
      variant: group[0].variant,
      mode: declaration.mode,
      profile: declaration.mode === 'strict' ? declaration.profile.name : undefined,
      rows: ids.map((id) => rowFor(id, group, declaration)),
      notObserved: ALL_IDS.filter((id) => !ids.includes(id)),
    };
  });
}

/** "after-open (12)" / "after-open (11), after-connect (1)". */
export function observedText(row: Pick<ReadingRow, 'observed'>): string {
  return row.observed.map((o) => `${o.value} (${o.scenarios})`).join(', ');
}
