import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { allureCategories } from '../../src/report/failure-classes';
import { mergeEnvironment, mergeResultsFolders } from '../../src/report/merge-results';
import { tempDir, twoVariantFolders } from './synthetic-results';

test('environment values of several runs are listed, not overwritten', () => {
  assert.equal(
    mergeEnvironment(['Variant=EC200T\nRig=sim\n', 'Variant=EG912Y\nRig=sim\n']),
    'Variant=EC200T, EG912Y\nRig=sim\n',
  );
});

test('merged folder holds every result once, with variant-distinct history ids', () => {
  const { ec200t, eg912y } = twoVariantFolders();
  const merged = join(tempDir('merge'), 'merged');
  const summary = mergeResultsFolders([ec200t, eg912y, ec200t], merged); // a folder given twice counts once
  assert.equal(summary.results, 7);
  const results = readdirSync(merged)
    .filter((f) => f.endsWith('-result.json'))
    .map((f) => JSON.parse(readFileSync(join(merged, f), 'utf8')));
  const ids = results.filter((r) => r.name === 'keepalive 60 is accepted').map((r) => r.historyId);
  assert.equal(ids.length, 2);
  assert.notEqual(ids[0], ids[1]);
  const categories = JSON.parse(readFileSync(join(merged, 'categories.json'), 'utf8'));
  assert.equal(categories.length, allureCategories().length, 'identical categories of both runs are not duplicated');
  assert.match(JSON.parse(readFileSync(join(merged, 'executor.json'), 'utf8')).buildName, /EC200T.*\+.*EG912Y/);
});

test('a damaged executor.json does not stop the merge', () => {
  const { ec200t, eg912y } = twoVariantFolders();
  writeFileSync(join(eg912y, 'executor.json'), '{"name": "qmt-conf');
  const merged = join(tempDir('merge-bad'), 'merged');
  assert.equal(mergeResultsFolders([ec200t, eg912y], merged).results, 7);
});
