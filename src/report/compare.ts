// Compares two runs (each one or more results folders) spec item by spec item and variant by
// variant: what regressed, what got fixed, what changed applicability, what is new or gone.
import { buildCompliance, type CellState, type ComplianceCell, type ComplianceSummary } from './compliance';
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

export interface RunComparison {
  a: string[];
  b: string[];
  changes: ItemChange[];
  counts: Record<ChangeKind, number>;
}

const ORDER: ChangeKind[] = ['regressed', 'fixed', 'applicability changed', 'new', 'removed', 'changed'];

const sideOf = (cell: ComplianceCell | undefined): Side => (cell && cell.scenarios > 0 ? cell.state : 'absent');

export function classifyChange(before: Side, after: Side): ChangeKind | undefined {
  if (before === after) return undefined;
  if (before === 'absent') return 'new';
  if (after === 'absent') return 'removed';
  if (before === 'pass' && after === 'fail') return 'regressed';
  if (before === 'fail' && after === 'pass') return 'fixed';
  if (before === 'n/a' || after === 'n/a') return 'applicability changed';
  return 'changed';
}

function cellsById(s: ComplianceSummary): Map<string, { text: string; cells: Record<string, ComplianceCell> }> {
  return new Map(s.sections.flatMap((sec) => sec.rows).map((r) => [r.id, { text: r.text, cells: r.cells }]));
}

export function compareSummaries(a: ComplianceSummary, b: ComplianceSummary, dirsA: string[] = [], dirsB: string[] = []): RunComparison {
  const rowsA = cellsById(a);
  const rowsB = cellsById(b);
  const variants = [...new Set([...a.variants, ...b.variants])];
  const changes: ItemChange[] = [];
  for (const id of new Set([...rowsA.keys(), ...rowsB.keys()])) {
    const text = rowsB.get(id)?.text ?? rowsA.get(id)?.text ?? '';
    for (const variant of variants) {
      const before = sideOf(rowsA.get(id)?.cells[variant]);
      const after = sideOf(rowsB.get(id)?.cells[variant]);
      const kind = classifyChange(before, after);
      if (!kind) continue;
      const change: ItemChange = { kind, itemId: id, itemText: text, variant, before, after };
      if (after === 'fail') {
        const f = b.failures.find((x) => x.itemId === id && x.variant === variant);
        if (f) change.observed = f.expected !== undefined ? `expected ${f.expected}; observed ${f.observed}` : f.observed;
      }
      changes.push(change);
    }
  }
  changes.sort((x, y) => ORDER.indexOf(x.kind) - ORDER.indexOf(y.kind));
  const counts = Object.fromEntries(ORDER.map((k) => [k, changes.filter((c) => c.kind === k).length])) as Record<ChangeKind, number>;
  return { a: dirsA, b: dirsB, changes, counts };
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
  lines.push(ORDER.map((k) => `${k}: ${c.counts[k]}`).join(', '));
  for (const kind of ORDER) {
    const group = c.changes.filter((x) => x.kind === kind);
    if (group.length === 0) continue;
    lines.push('', `${kind.toUpperCase()} (${group.length})`);
    for (const x of group) {
      lines.push(`  ${x.itemId}  ${x.variant}  ${x.before} → ${x.after}  — ${x.itemText}`);
      if (x.observed) lines.push(`      ${x.observed.split('\n').join('\n      ')}`);
    }
  }
  if (c.changes.length === 0) lines.push('', 'No differences.');
  return lines.join('\n') + '\n';
}
