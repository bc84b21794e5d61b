#!/usr/bin/env node
// Runs every test/**/*.test.ts with node's built-in runner (Node 20's --test takes no globs and
// looks only for .js files in folders, so the files are listed here).
const { readdirSync, statSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const find = (dir) =>
  readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return find(full);
    return entry.endsWith('.test.ts') ? [full] : [];
  });

const only = process.argv.slice(2);
// The files that take longest on their own (tens of seconds of real-time waits: labgrid, ser2net,
// replays, rigs) start first, so the short ones fill the gaps while they wait instead of leaving
// one long file running alone at the end. Measured alone on the 2-core machine, longest first.
const LONGEST_FIRST = [
  'e2e/labgrid-reservations',
  'e2e/labgrid-places',
  'e2e/replay-catalog.test',
  'e2e/replay.test',
  'e2e/labgrid-restart',
  'e2e/parallel-rigs',
  'e2e/ci-merge',
  'e2e/variants-report-compare',
  'e2e/secret-leak',
  'e2e/replay-faults',
  'e2e/strict-profile',
  'e2e/ser2net',
  'fuzz/digester-model',
  'e2e/hung-module-recovery',
  'e2e/report-agreement',
  'e2e/characterize',
  'e2e/replay-catalog-faults',
];
const rank = (file) => {
  const at = LONGEST_FIRST.findIndex((name) => file.includes(`/test/${name}`));
  return at === -1 ? LONGEST_FIRST.length : at;
};
const files = find(path.join(root, 'test'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()
  .sort((a, b) => rank(a) - rank(b));
if (files.length === 0) {
  console.error('unit tests: no test files found');
  process.exit(1);
}
// --test-timeout also bounds each whole FILE (node runs each file as one test): the e2e files run
// several qmt processes and took over 60 s on the shared 2-core machine at load 15+, failing on
// time alone. Single tests keep their own { timeout } where they set one.
// Several files at once: most e2e files wait on real time (pseudo-terminals, ser2net, labgrid,
// replays), not on the CPU, so their waits overlap. Node's default is one file less than the
// cores, which is one file at a time on a 2-core machine. QMT_TEST_CONCURRENCY overrides.
const concurrency = Number(process.env.QMT_TEST_CONCURRENCY) || 4;
const result = spawnSync(
  process.execPath,
  [
    '--require',
    path.join(root, 'scripts', 'register-ts.js'),
    '--test',
    '--test-timeout=300000',
    `--test-concurrency=${concurrency}`,
    ...files,
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
  },
);
process.exit(result.status ?? 1);
