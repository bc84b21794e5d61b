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
const files = find(path.join(root, 'test')).filter((f) => only.length === 0 || only.some((o) => f.includes(o))).sort();
if (files.length === 0) {
  console.error('unit tests: no test files found');
  process.exit(1);
}
// The limit also applies to each test file as a whole. The e2e and rig files start simulators and
// real-time `qmt run` processes (about a minute each on a quiet 2-core machine, several on one
// shared with other test runs), so a file gets 5 minutes; a hung test still ends.
const result = spawnSync(process.execPath, ['--require', 'ts-node/register', '--test', '--test-timeout=300000', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
});
process.exit(result.status ?? 1);
