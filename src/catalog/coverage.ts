/**
 * Traceability: every item of the spec catalog against the scenarios that check it. An item with
 * no scenario, or a tag naming an item the catalog does not have, is a defect of the catalog.
 */
import { spec, type SpecItem } from '../spec/catalog';
import type { ScannedScenario } from './feature-scan';

export interface CoverageRow {
  readonly item: SpecItem;
  readonly scenarios: readonly string[];
}

export interface Coverage {
  readonly rows: readonly CoverageRow[];
  readonly uncovered: readonly SpecItem[];
  /** Tags `@spec:<id>` whose id is not in the catalog, with where they stand. */
  readonly unknownTags: readonly string[];
}

export function computeCoverage(
  scenarios: readonly ScannedScenario[],
  items: readonly SpecItem[] = spec.items,
): Coverage {
  const known = new Set(items.map((i) => i.id));
  const rows = items.map((item) => ({
    item,
    scenarios: scenarios.filter((s) => s.specItems.includes(item.id)).map((s) => `${s.file}:${s.line} ${s.name}`),
  }));
  const unknownTags = scenarios.flatMap((s) =>
    s.specItems.filter((id) => !known.has(id)).map((id) => `@spec:${id} (${s.file}:${s.line})`),
  );
  return { rows, uncovered: rows.filter((r) => r.scenarios.length === 0).map((r) => r.item), unknownTags };
}

export function coverageMarkdown(coverage: Coverage): string {
  const lines = [
    '# Spec coverage matrix',
    '',
    `${coverage.rows.length - coverage.uncovered.length} of ${coverage.rows.length} spec items have scenarios.`,
    '',
    '| spec item | what it states | scenarios |',
    '|---|---|---|',
  ];
  for (const row of coverage.rows) {
    lines.push(
      `| ${row.item.id} | ${row.item.text.replace(/\|/g, '\\|')} | ${row.scenarios.length ? row.scenarios.map((s) => s.replace(/\|/g, '\\|')).join('<br>') : '**none**'} |`,
    );
  }
  return lines.join('\n') + '\n';
}
