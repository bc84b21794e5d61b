import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { computeCoverage, coverageMarkdown } from '../../src/catalog/coverage';
import { scanFeatures } from '../../src/catalog/feature-scan';

const root = path.resolve(__dirname, '..', '..');
/**
 * Items knowingly without a scenario yet. A ratchet, not an excuse: the list may only shrink —
 * an item covered while still listed fails too, so the list always tells the truth.
 */
const pendingFile = path.join(root, 'spec', 'uncovered-items.json');

test('every spec item has a scenario (or is listed as pending), and every @spec tag names a real item', () => {
  const coverage = computeCoverage(scanFeatures(path.join(root, 'features')));
  mkdirSync(path.join(root, 'reports'), { recursive: true });
  writeFileSync(path.join(root, 'reports', 'coverage-matrix.md'), coverageMarkdown(coverage));
  writeFileSync(path.join(root, 'reports', 'coverage-matrix.json'), JSON.stringify(coverage, null, 2));
  const pending = new Set<string>(JSON.parse(readFileSync(pendingFile, 'utf8')) as string[]);
  const uncovered = coverage.uncovered.map((i) => i.id);
  console.log(
    `traceability: ${coverage.rows.length - uncovered.length} of ${coverage.rows.length} spec items covered; ${uncovered.length} uncovered`,
  );
  assert.deepEqual(coverage.unknownTags, [], 'tags naming items the spec catalog does not have');
  assert.deepEqual(
    uncovered.filter((id) => !pending.has(id)),
    [],
    'spec items with no scenario (matrix in reports/coverage-matrix.md)',
  );
  assert.deepEqual(
    [...pending].filter((id) => !uncovered.includes(id)),
    [],
    'items now covered: remove them from spec/uncovered-items.json',
  );
});

test('the traceability check itself notices an uncovered item and an unknown tag', () => {
  const coverage = computeCoverage(
    [{ file: 'x.feature', feature: 'X', name: 's', line: 3, tags: ['@spec:a', '@spec:zz'], specItems: ['a', 'zz'] }],
    [
      { id: 'a', text: 'A' },
      { id: 'b', text: 'B' },
    ],
  );
  assert.deepEqual(
    coverage.uncovered.map((i) => i.id),
    ['b'],
  );
  assert.equal(coverage.unknownTags.length, 1);
});
