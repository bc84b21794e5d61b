import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildCompliance } from '../../src/report/compliance';
import { DECLARED_PROFILE_FILE } from '../../src/report/declared-profile';
import { observedText } from '../../src/report/readings-observed';
import { READINGS } from '../../src/variants/readings';
import { readingsFolders, tempDir, writeSyntheticResults } from './synthetic-results';

test('default mode: each reading, its values, how many scenarios showed each; two values in one run are flagged', () => {
  const { lenient } = readingsFolders();
  const [table] = buildCompliance([lenient]).readings;
  assert.equal(table.mode, 'default');
  assert.equal(table.variant, 'EC200N-CN');
  const a10 = table.rows.find((r) => r.id === 'A10');
  assert.ok(a10);
  assert.deepEqual(a10.observed, [
    { value: 'after-open', scenarios: 2 },
    { value: 'after-connect', scenarios: 1 },
  ]);
  assert.equal(a10.inconsistent, true);
  assert.equal(a10.verdict, 'not declared');
  assert.equal(a10.declared, undefined);
  assert.equal(a10.words, READINGS.A10.words, "the note's words come from src/variants/readings.ts");
  assert.deepEqual(a10.allowed, ['after-open', 'after-connect']);
  assert.equal(observedText(a10), 'after-open (2), after-connect (1)');
  const ret = table.rows.find((r) => r.id === 'conn-ret-code');
  assert.ok(ret);
  assert.equal(ret.inconsistent, false);
  assert.equal(ret.observed[0].scenarios, 2, 'a failed scenario observed the reading too');
  const len = table.rows.find((r) => r.id === 'default:msgLenEnable');
  assert.ok(len);
  assert.equal(len.where, 'A8');
  assert.match(len.words, /<msg_len_enable>/);
  assert.deepEqual(
    table.rows.map((r) => r.id),
    ['A10', 'conn-ret-code', 'default:msgLenEnable'],
    'in the order of readings.ts',
  );
  assert.ok(table.notObserved.includes('A3') && !table.notObserved.includes('A10'));
});

test('strict run: the declared value beside the observed one; a deviation is marked', () => {
  const { strict } = readingsFolders();
  const [table] = buildCompliance([strict]).readings;
  assert.equal(table.mode, 'strict');
  assert.equal(table.profile, 'EC200N-CN');
  const byId = Object.fromEntries(table.rows.map((r) => [r.id, r]));
  assert.equal(byId.A10.declared, 'after-open');
  assert.equal(byId.A10.verdict, 'as declared');
  assert.equal(byId['close-stat'].declared, '8');
  assert.equal(byId['close-stat'].verdict, 'deviates');
  assert.equal(byId['default:msgLenEnable'].declared, '1', 'a numeric default compares as text');
  assert.equal(byId['default:msgLenEnable'].verdict, 'as declared');
});

test('results without a declaration say so instead of guessing a mode', () => {
  const { strict } = readingsFolders();
  rmSync(join(strict, DECLARED_PROFILE_FILE));
  const [table] = buildCompliance([strict]).readings;
  assert.equal(table.mode, 'unknown');
  assert.ok(table.rows.every((r) => r.verdict === 'declaration unknown'));
});

test('one table per results folder, a reading id unknown to this version is kept and marked', () => {
  const { lenient, strict } = readingsFolders();
  const s = buildCompliance([lenient, strict]);
  assert.deepEqual(
    s.readings.map((t) => [t.resultsDir, t.mode]),
    [
      [lenient, 'default'],
      [strict, 'strict'],
    ],
  );
  assert.deepEqual(
    s.runs.map((r) => [r.mode, r.profile]),
    [
      ['default', undefined],
      ['strict', 'EC200N-CN'],
    ],
  );
  const other = writeSyntheticResults(tempDir('newer'), [
    {
      name: 'from a newer harness',
      variant: 'EC200N-CN',
      status: 'passed',
      specIds: ['3.3.2:set'],
      readings: ['open-layout=v2'],
    },
  ]);
  const [row] = buildCompliance([other]).readings[0].rows;
  assert.equal(row.id, 'open-layout');
  assert.equal(row.known, false);
  assert.deepEqual(row.observed, [{ value: 'v2', scenarios: 1 }]);
});
