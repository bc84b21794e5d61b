/**
 * The example pipeline's merge step (examples/ci/merge-rig-results.sh) run on the
 * results of two simulated rigs, laid out as the pipeline downloads them (one artifact per
 * rig; the second rig ran one worker per module, so its results sit one folder deeper). The
 * merged report holds both rigs (label "host", and a rig host per run in the compliance summary)
 * and both variants (grouped by variant); the Allure history travels to the next night's report.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, tempDir } from './helpers';

function qmtRun(rig: string, variant: string, results: string): void {
  const run = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'bin', 'qmt.js'),
      'run',
      '--variant',
      variant,
      '--tags',
      '@spec:5.1',
      '--results',
      results,
      '--no-report',
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, QMT_RIG_NAME: rig },
    },
  );
  assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
}

test(
  'the pipeline merge step makes one report from two rigs, labelled by rig and grouped by variant',
  { timeout: 360_000 },
  () => {
    const work = tempDir('qmt-ci-');
    const artifacts = path.join(work, 'artifacts');
    qmtRun('rig-a', 'EC200N-CN', path.join(artifacts, 'allure-results-rig-a'));
    qmtRun('rig-b', 'EG912Y', path.join(artifacts, 'allure-results-rig-b', 'dev-ttyUSB2'));
    const out = path.join(work, 'reports');
    // As the pipeline's cache holds it: empty on the first night.
    const history = path.join(work, 'allure-history');
    const mergeInto = (dir: string) =>
      spawnSync('bash', [path.join(ROOT, 'examples', 'ci', 'merge-rig-results.sh'), artifacts, dir, history], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    const merge = mergeInto(out);
    assert.equal(merge.status, 0, `${merge.stdout}\n${merge.stderr}`);
    assert.match(merge.stdout, /2 results folders from 2 rig artifact\(s\)/);
    assert.ok(existsSync(path.join(out, 'allure-report', 'index.html')), merge.stdout);
    assert.ok(existsSync(path.join(history, 'history-trend.json')), `history saved: ${merge.stdout}`);

    // The compliance summary names the rig host of every run.
    const compliance = JSON.parse(readFileSync(path.join(out, 'compliance.json'), 'utf8')) as {
      runs: { host: string; variant: string }[];
    };
    assert.deepEqual(compliance.runs.map((r) => `${r.host} ${r.variant}`).sort(), ['rig-a EC200N-CN', 'rig-b EG912Y']);
    const html = readFileSync(path.join(out, 'compliance.html'), 'utf8');
    assert.match(html, /<th>Rig host<\/th>/);
    assert.match(html, /<td>rig-a<\/td>/);
    assert.match(html, /<td>rig-b<\/td>/);

    const merged = path.join(out, 'allure-results-merged');
    const scenarios = readdirSync(merged)
      .filter((f) => f.endsWith('-result.json'))
      .map(
        (f) =>
          JSON.parse(readFileSync(path.join(merged, f), 'utf8')) as {
            name: string;
            labels: { name: string; value: string }[];
          },
      );
    const pairs = new Set(
      scenarios.map(
        (r) =>
          `${r.labels.find((l) => l.name === 'host')?.value} ${r.labels.find((l) => l.name === 'parentSuite')?.value}`,
      ),
    );
    assert.deepEqual([...pairs].sort(), ['rig-a EC200N-CN', 'rig-b EG912Y']);
    // The Suites tab's top level is the variant: both side by side in one report.
    const suites = JSON.parse(readFileSync(path.join(out, 'allure-report', 'data', 'suites.json'), 'utf8')) as {
      children: { name: string }[];
    };
    assert.deepEqual(suites.children.map((c) => c.name).sort(), ['EC200N-CN', 'EG912Y']);

    // The next night, on a fresh runner (a new out folder): the trend has both nights.
    const next = path.join(work, 'reports-next-night');
    const second = mergeInto(next);
    assert.equal(second.status, 0, `${second.stdout}\n${second.stderr}`);
    assert.match(second.stdout, /history of the previous run taken from/);
    const trend = JSON.parse(
      readFileSync(path.join(next, 'allure-report', 'widgets', 'history-trend.json'), 'utf8'),
    ) as unknown[];
    assert.equal(trend.length, 2, 'two nights in the trend');
  },
);

test('the pipeline checks the expected variants are attached', () => {
  const list = JSON.stringify({ modules: [{ port: '/dev/ttyUSB2', variant: 'EC200N-CN' }], problems: [] });
  const check = (...variants: string[]) =>
    spawnSync(process.execPath, [path.join(ROOT, 'examples', 'ci', 'check-variants.js'), ...variants], {
      input: list,
      encoding: 'utf8',
    });
  assert.equal(check('EC200N-CN').status, 0);
  const missing = check('EC200N-CN', 'EG912Y');
  assert.equal(missing.status, 1);
  assert.equal(missing.stderr.trim(), 'check-variants: no attached module is a EG912Y');
});
