/**
 * Test-form listings (`AT+QMTCFG=?`, `AT+QMTUNS=?` …) compared by meaning, not by bytes.
 * Each line is parsed into an entry (`+QMTCFG` + its sub-option) and parameters: ranges
 * and lists become sets of integers, everything else is descriptive text.
 *
 * What the note fixes is compared strictly: a missing entry, a parameter too many or too few, a
 * range or list that differs, a range where the note has text. What is typesetting is a note on a
 * passing result: whitespace (spec 3.3.1 itself prints `"dataformat",(0-5), (0,1), (0,1)`), a
 * different order, entries beyond the note (docs/field-evidence.md#ec600s-test-form-listing: an EC600S lists `"CTWing"`), and other
 * descriptive words for a text parameter (the same EC600S names `"device id"` in "hwauth").
 */

/** One parameter of a listing line. */
export type ListingParameter =
  | { readonly kind: 'values'; readonly text: string; readonly intervals: readonly (readonly [number, number])[] }
  | { readonly kind: 'text'; readonly text: string };

export interface ListingEntry {
  /** `+QMTCFG "timeout"`, or the bare prefix (`+QMTOPEN`) when the line names no sub-option. */
  readonly key: string;
  readonly line: string;
  readonly parameters: readonly ListingParameter[];
}

export interface ListingComparison {
  /** What the note forbids: a missing entry, a differing range / list / parameter count. */
  readonly problems: string[];
  /** Accepted differences, reported on the passing result. */
  readonly notes: string[];
}

/** Splits on commas outside quotes, parentheses and square brackets. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '(' || ch === '[')) depth++;
    else if (!quoted && (ch === ')' || ch === ']')) depth--;
    if (ch === ',' && depth === 0 && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

/** `(0-5)`, `(3,4)`, `(0-3,7)` → merged integer intervals; undefined when not such a set. */
function intervalsOf(field: string): [number, number][] | undefined {
  const inner = /^\(\s*([^()]*)\s*\)$/.exec(field)?.[1];
  if (inner === undefined) return undefined;
  const intervals: [number, number][] = [];
  for (const item of inner.split(',').map((s) => s.trim())) {
    const m = /^(-?\d+)(?:\s*-\s*(-?\d+))?$/.exec(item);
    if (!m) return undefined;
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    intervals.push([Math.min(lo, hi), Math.max(lo, hi)]);
  }
  intervals.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [lo, hi] of intervals) {
    const last = merged.at(-1);
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
  }
  return merged;
}

function parameterOf(raw: string): ListingParameter {
  const text = raw.trim();
  const intervals = intervalsOf(text);
  return intervals ? { kind: 'values', text, intervals } : { kind: 'text', text: text.replace(/\s+/g, ' ') };
}

/** Parses one information line; undefined for a line that is not `+NAME: …`. */
export function parseListingLine(line: string): ListingEntry | undefined {
  const m = /^(\+[A-Z]+):\s*(.*)$/.exec(line.trim());
  if (!m) return undefined;
  const [, prefix, rest] = m as unknown as [string, string, string];
  const fields = splitTopLevel(rest).map((f) => f.trim());
  const first = fields[0] ?? '';
  // A quoted first field names the sub-option ("version", "timeout"): it is the entry, not a parameter.
  if (/^"[^"]*"$/.test(first) && fields.length > 1) {
    return { key: `${prefix} ${first}`, line, parameters: fields.slice(1).map(parameterOf) };
  }
  return { key: prefix, line, parameters: rest.trim() === '' ? [] : fields.map(parameterOf) };
}

export function parseListing(lines: readonly string[]): ListingEntry[] {
  return lines.flatMap((l) => {
    const entry = parseListingLine(l);
    return entry ? [entry] : [];
  });
}

function describeIntervals(intervals: readonly (readonly [number, number])[]): string {
  return `(${intervals.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`)).join(',')})`;
}

function sameIntervals(a: readonly (readonly [number, number])[], b: readonly (readonly [number, number])[]): boolean {
  return a.length === b.length && a.every(([lo, hi], i) => b[i]?.[0] === lo && b[i]?.[1] === hi);
}

function compareEntry(expected: ListingEntry, actual: ListingEntry, result: ListingComparison): void {
  if (expected.parameters.length !== actual.parameters.length) {
    result.problems.push(
      `${actual.key} lists ${actual.parameters.length} parameters where the note lists ${expected.parameters.length} (${actual.line.trim()})`,
    );
    return;
  }
  expected.parameters.forEach((want, i) => {
    const got = actual.parameters[i] as ListingParameter;
    const where = `${actual.key} parameter ${i + 1}`;
    if (want.kind === 'values') {
      if (got.kind !== 'values') result.problems.push(`${where}: ${got.text} where the note lists ${want.text}`);
      else if (!sameIntervals(want.intervals, got.intervals)) {
        result.problems.push(
          `${where}: ${describeIntervals(got.intervals)} where the note lists ${describeIntervals(want.intervals)}`,
        );
      } else if (got.text.replace(/\s+/g, '') !== want.text.replace(/\s+/g, '')) {
        result.notes.push(`${where}: written ${got.text} for the note's ${want.text} (the same values)`);
      }
    } else if (got.kind === 'values') {
      result.problems.push(`${where}: ${got.text} where the note has the text ${want.text}`);
    } else if (got.text.toLowerCase() !== want.text.toLowerCase()) {
      result.notes.push(`${where}: named ${got.text} where the note writes ${want.text}`);
    }
  });
}

/**
 * Compares the module's listing with the note's. `expected` / `actual` are information lines
 * (a final OK / empty lines are ignored).
 */
export function compareListing(expected: readonly string[], actual: readonly string[]): ListingComparison {
  const result: ListingComparison = { problems: [], notes: [] };
  const want = parseListing(expected);
  const got = parseListing(actual);
  const unparsed = actual.filter((l) => l.trim() !== '' && l.trim() !== 'OK' && !parseListingLine(l));
  for (const line of unparsed) result.problems.push(`a line that is not a listing entry: ${JSON.stringify(line)}`);
  for (const entry of want) {
    const matches = got.filter((g) => g.key === entry.key);
    if (matches.length === 0)
      result.problems.push(`missing ${describeKey(entry.key)} (the note lists ${entry.line.trim()})`);
    else if (matches.length > 1) result.problems.push(`${describeKey(entry.key)} is listed ${matches.length} times`);
    else compareEntry(entry, matches[0] as ListingEntry, result);
  }
  for (const entry of got.filter((g) => !want.some((w) => w.key === g.key))) {
    result.notes.push(`observed extra ${describeKey(entry.key)} beyond the note: ${entry.line.trim()}`);
  }
  const order = (entries: ListingEntry[], keys: Set<string>) => entries.map((e) => e.key).filter((k) => keys.has(k));
  const common = new Set(want.map((w) => w.key).filter((k) => got.some((g) => g.key === k)));
  if (order(want, common).join('\n') !== order(got, common).join('\n'))
    result.notes.push('the entries come in another order than in the note');
  const squeeze = (l: string) => l.replace(/\s+/g, '');
  const respaced = want.filter((w) =>
    got.some((g) => g.key === w.key && g.line.trim() !== w.line.trim() && squeeze(g.line) === squeeze(w.line)),
  );
  if (respaced.length)
    result.notes.push(
      `whitespace differs from the note's typesetting in ${respaced.map((w) => describeKey(w.key)).join(', ')}`,
    );
  return result;
}

function describeKey(key: string): string {
  const sub = / (".*")$/.exec(key)?.[1];
  return sub ? `sub-option ${sub}` : `entry ${key}`;
}

/** True when the module printed the note's lines byte for byte (only the final OK / blank lines aside). */
export function printedAsInNote(expected: readonly string[], actual: readonly string[]): boolean {
  const clean = (lines: readonly string[]) => lines.filter((l) => l.trim() !== '' && l.trim() !== 'OK');
  const a = clean(actual);
  const e = clean(expected);
  return a.length === e.length && a.every((l, i) => l === e[i]);
}
