/**
 * Two runs against two simulated variants make one report grouped by variant
 * with a compliance summary; `compare` between a clean run and a run with one firmware fault names
 * exactly the spec items that fault breaks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runQmt, tempDir } from './helpers';

const TAGS = '@sub-option:keepalive and not @reboot';

test('two variants in one report, and compare names exactly what a fault breaks', { timeout: 300_000 }, () => {
  const base = tempDir('qmt-variants-');
  const ec200n = path.join(base, 'ec200n');
  const eg912y = path.join(base, 'eg912y');
  const faulty = path.join(base, 'ec200n-faulty');
  assert.equal(runQmt(['run', '--variant', 'EC200N-CN', '--tags', TAGS, '--results', ec200n, '--no-report']).status, 0);
  assert.equal(runQmt(['run', '--variant', 'EG912Y', '--tags', TAGS, '--results', eg912y, '--no-report']).status, 0);

  const out = path.join(base, 'report');
  const report = runQmt(['report', ec200n, eg912y, '--out', out, '--no-pdf']);
  assert.equal(report.status, 0, report.output);
  assert.ok(existsSync(path.join(out, 'allure-report', 'index.html')));
  const compliance = JSON.parse(readFileSync(path.join(out, 'compliance.json'), 'utf8')) as { variants: string[] };
  assert.deepEqual([...compliance.variants].sort(), ['EC200N-CN', 'EG912Y']);

  const bad = runQmt([
    'run',
    '--variant',
    'EC200N-CN',
    '--tags',
    TAGS,
    '--results',
    faulty,
    '--no-report',
    '--fault',
    'keepalive-accepts-3601',
  ]);
  assert.equal(bad.status, 1, bad.output);
  const compare = runQmt(['compare', ec200n, faulty, '--json']);
  assert.equal(compare.status, 0, compare.output);
  const changes = (
    JSON.parse(compare.output.slice(compare.output.indexOf('{'))) as { changes: { itemId: string; kind: string }[] }
  ).changes;
  assert.deepEqual(
    changes.map((c) => `${c.kind} ${c.itemId}`),
    ['regressed 3.3.1:keepalive:keep_alive_time:range'],
  );
});
