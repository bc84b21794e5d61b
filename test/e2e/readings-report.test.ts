/**
 * Readings and verdict classes end to end: a default-mode run and a strict run of a firmware that takes
 * other readings (the simulator under alternate-readings, declared as EC200N-CN). The strict run's
 * results carry what it declared; its compliance summary shows the deviation as a deviation (not
 * non-conformance) with declared and observed values, and `qmt compare` lists the reading drift.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { buildCompliance } from '../../src/report/compliance';
import { compareRuns } from '../../src/report/compare';
import { runQmt, tempDir } from './helpers';

// "version" reads one unstated default (A8, <vsn>: EC200N-CN 4, alternate-readings 3).
const TAGS = '@sub-option:version';

test('strict run: Readings observed names declared and observed, compare lists the drift', { timeout: 300_000 }, () => {
  const base = tempDir('qmt-readings-');
  const lenient = path.join(base, 'default');
  const strict = path.join(base, 'strict');
  const a = runQmt(['run', '--tags', TAGS, '--results', lenient, '--no-report']);
  assert.equal(a.status, 0, a.output);
  const b = runQmt([
    'run',
    '--tags',
    TAGS,
    '--sim-profile',
    'profiles/alternate-readings.json',
    '--profile',
    'EC200N-CN',
    '--results',
    strict,
    '--no-report',
  ]);
  assert.equal(b.status, 1, b.output);

  const before = buildCompliance([lenient]).readings[0];
  assert.equal(before.mode, 'default');
  assert.deepEqual(before.rows.find((r) => r.id === 'default:vsn')?.observed, [{ value: '4', scenarios: 1 }]);

  const summary = buildCompliance([strict]);
  const [table] = summary.readings;
  assert.equal(table.mode, 'strict');
  assert.equal(table.profile, 'EC200N-CN');
  const vsn = table.rows.find((r) => r.id === 'default:vsn');
  assert.ok(vsn, 'default:vsn observed');
  assert.deepEqual([vsn.declared, vsn.verdict, vsn.observed.map((o) => o.value)], ['4', 'deviates', ['3']]);
  const deviation = summary.failures.find((f) => f.kind === 'profile-deviation');
  assert.ok(deviation, 'the deviation is listed as a deviation');
  assert.match(deviation.observed, /default vsn \(A8\) declared 4, observed 3 \(profile EC200N-CN\)/);
  assert.ok(
    !summary.failures.some((f) => f.kind === 'non-conformance' && /vsn/.test(f.observed)),
    'never as non-conformance',
  );
  assert.equal(summary.runs[0].mode, 'strict');

  // In-process: the same object `qmt compare --json` prints (test/report/report-cli.test.ts), one
  // process start less for a test that must stay inside the runner's per-file minute.
  const json = compareRuns(lenient, strict);
  assert.deepEqual(
    json.readingDrift.find((d) => d.id === 'default:vsn'),
    {
      variant: 'EC200N-CN → alternate-readings',
      id: 'default:vsn',
      words: 'A8: the note states no default for <vsn>: any value of its range is conformant',
      before: ['4'],
      after: ['3'],
    },
  );
  assert.ok(json.changes.some((c) => c.kind === 'regressed' && c.after === 'deviation'));
});
