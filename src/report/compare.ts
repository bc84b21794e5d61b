// Compares two runs (each one or more results folders) spec item by spec item and variant by
// variant: what regressed, what got fixed, what changed applicability, what is new or gone —
// and, next to those verdicts, the reading drift: where the note allows several answers, which
// answer the module gave in A and which in B (regression mode). A drift is no
// verdict by itself (both answers are conformant) but breaks host code written for the first.
import { buildCompliance, type CellState, type ComplianceCell, type ComplianceSummary } from './compliance';
import type { ReadingsTable } from './readings-observed';
import { loadSpecCatalog, type SpecCatalog } from './spec-catalog';

export type ChangeKind = 'regressed' | 'fixed' | 'applicability changed' | 'new' | 'removed' | 'changed';
export type Side = CellState | 'absent';

export interface ItemChange {
  kind: ChangeKind;
  itemId: string;
  itemText: string;
  variant: string;
  before: Side;
  after: Side;
  /** For a regression: what run B observed. */
  observed?: string;
}

/** A reading (or unstated default) whose observed value(s) differ between run A and run B. */
export interface ReadingDrift {
  variant: string;
  id: string;
  /** Where the note leaves it open, and its words (src/variants/readings.ts). */
  words: string;
  /** Values observed in A / B; empty = not observed in that run. */
  before: string[];
  after: string[];
}

export interface RunComparison {
  a: string[];
  b: string[];
  changes: ItemChange[];
  counts: Record<ChangeKind, number>;
  readingDrift: ReadingDrift[];
}

const ORDER: ChangeKind[] = ['regressed', 'fixed', 'applicability changed', 'new', 'removed', 'changed'];

const sideOf = (cell: ComplianceCell | undefined): Side => (cell && cell.scenarios > 0 ? cell.state : 'absent');

export function classifyChange(before: Side, after: Side): ChangeKind | undefined {
  if (before === after) return undefined;
  if (before === 'absent') return 'new';
  if (after === 'absent') return 'removed';
  // A deviation from the declared profile fails a strict run: it regresses like a failure.
  // "not judged" on either side says nothing about the module: only 'changed'.
  const bad = (s: Side) => s === 'fail' || s === 'deviation';
  if (before === 'pass' && bad(after)) return 'regressed';
  if (bad(before) && after === 'pass') return 'fixed';
  if (before === 'deviation' && after === 'fail') return 'regressed';
  if (before === 'n/a' || after === 'n/a') return 'applicability changed';
  return 'changed';
}

function cellsById(s: ComplianceSummary): Map<string, { text: string; cells: Record<string, ComplianceCell> }> {
  return new Map(s.sections.flatMap((sec) => sec.rows).map((r) => [r.id, { text: r.text, cells: r.cells }]));
}

interface VariantPair {
  a: string;
  b: string;
  /** How changes name it: the variant, or "A → B" when two differently named runs are paired. */
  label: string;
}

// Variants are compared by name. One run against one run of another name (a firmware twin
// profile, a renamed variant: "EC200N-CN" against "alternate-readings") is compared as a pair
// instead of reporting every item as removed and new.
function pairVariants(a: readonly string[], b: readonly string[]): VariantPair[] {
  if (a.length === 1 && b.length === 1 && a[0] !== b[0]) return [{ a: a[0], b: b[0], label: `${a[0]} → ${b[0]}` }];
  return [...new Set([...a, ...b])].map((v) => ({ a: v, b: v, label: v }));
}

/** Per variant: reading id → the set of values the run observed (over all its folders). */
function readingValues(tables: readonly ReadingsTable[], variant: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const t of tables.filter((x) => x.variant === variant)) {
    for (const row of t.rows) {
      const values = out.get(row.id) ?? new Set<string>();
      row.observed.forEach((o) => values.add(o.value));
      out.set(row.id, values);
    }
  }
  return out;
}

function wordsOf(tables: readonly ReadingsTable[], id: string): string {
  const row = tables.flatMap((t) => t.rows).find((r) => r.id === id);
  return row ? `${row.where}: ${row.words}` : '';
}

export function readingDrift(
  a: ComplianceSummary,
  b: ComplianceSummary,
  pairs = pairVariants(a.variants, b.variants),
): ReadingDrift[] {
  const drift: ReadingDrift[] = [];
  for (const pair of pairs) {
    const before = readingValues(a.readings ?? [], pair.a);
    const after = readingValues(b.readings ?? [], pair.b);
    for (const id of new Set([...before.keys(), ...after.keys()])) {
      const va = [...(before.get(id) ?? [])].sort();
      const vb = [...(after.get(id) ?? [])].sort();
      if (va.join('\u0000') === vb.join('\u0000')) continue;
      drift.push({
        variant: pair.label,
        id,
        words: wordsOf([...(b.readings ?? []), ...(a.readings ?? [])], id),
        before: va,
        after: vb,
      });
    }
  }
  // Value changes first (the module answers differently), then readings only one run observed.
  const seenBoth = (d: ReadingDrift) => (d.before.length > 0 && d.after.length > 0 ? 0 : 1);
  return drift.sort(
    (x, y) => seenBoth(x) - seenBoth(y) || x.variant.localeCompare(y.variant) || x.id.localeCompare(y.id),
  );
}

export function compareSummaries(
  a: ComplianceSummary,
  b: ComplianceSummary,
  dirsA: string[] = [],
  dirsB: string[] = [],
): RunComparison {
  const rowsA = cellsById(a);
  const rowsB = cellsById(b);
  const pairs = pairVariants(a.variants, b.variants);
  const changes: ItemChange[] = [];
  for (const id of new Set([...rowsA.keys(), ...rowsB.keys()])) {
    const text = rowsB.get(id)?.text ?? rowsA.get(id)?.text ?? '';
    for (const pair of pairs) {
      const variant = pair.label;
      const before = sideOf(rowsA.get(id)?.cells[pair.a]);
      const after = sideOf(rowsB.get(id)?.cells[pair.b]);
      const kind = classifyChange(before, after);
      if (!kind) continue;
      const change: ItemChange = { kind, itemId: id, itemText: text, variant, before, after };
      if (after === 'fail' || after === 'deviation') {
        const f = b.failures.find((x) => x.itemId === id && x.variant === pair.b);
        if (f)
          change.observed = f.expected !== undefined ? `expected ${f.expected}; observed ${f.observed}` : f.observed;
      }
      changes.push(change);
    }
  }
  changes.sort((x, y) => ORDER.indexOf(x.kind) - ORDER.indexOf(y.kind));
  const counts = Object.fromEntries(ORDER.map((k) => [k, changes.filter((c) => c.kind === k).length])) as Record<
    ChangeKind,
    number
  >;
  return { a: dirsA, b: dirsB, changes, counts, readingDrift: readingDrift(a, b, pairs) };
}

export function compareRuns(
  resultsA: string | string[],
  resultsB: string | string[],
  options: { catalog?: SpecCatalog } = {},
): RunComparison {
  const dirsA = Array.isArray(resultsA) ? resultsA : [resultsA];
  const dirsB = Array.isArray(resultsB) ? resultsB : [resultsB];
  const catalog = options.catalog ?? loadSpecCatalog();
  return compareSummaries(buildCompliance(dirsA, { catalog }), buildCompliance(dirsB, { catalog }), dirsA, dirsB);
}

/** Printable text, regressions first. */
export function formatComparison(c: RunComparison): string {
  const lines = [`Comparing ${c.a.join(', ') || 'A'} → ${c.b.join(', ') || 'B'}`];
  lines.push([...ORDER.map((k) => `${k}: ${c.counts[k]}`), `reading drift: ${c.readingDrift.length}`].join(', '));
  for (const kind of ORDER) {
    const group = c.changes.filter((x) => x.kind === kind);
    if (group.length === 0) continue;
    lines.push('', `${kind.toUpperCase()} (${group.length})`);
    for (const x of group) {
      lines.push(`  ${x.itemId}  ${x.variant}  ${x.before} → ${x.after}  — ${x.itemText}`);
      if (x.observed) lines.push(`      ${x.observed.split('\n').join('\n      ')}`);
    }
  }
  if (c.readingDrift.length > 0) {
    lines.push(
      '',
      `READING DRIFT (${c.readingDrift.length}) — the note allows both answers; host code written for A's may break`,
    );
    const shown = (values: string[]) => (values.length > 0 ? values.join(' + ') : '(not observed)');
    for (const d of c.readingDrift) {
      lines.push(`  ${d.id}: ${shown(d.before)} → ${shown(d.after)}  ${d.variant}`);
      if (d.words) lines.push(`      ${d.words}`);
    }
  }
  if (c.changes.length === 0 && c.readingDrift.length === 0) lines.push('', 'No differences.');
  return lines.join('\n') + '\n';
}
