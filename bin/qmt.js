#!/usr/bin/env node
// The harness CLI. TypeScript sources load through scripts/register-ts.js (transpile only; `npm run typecheck` checks types).
const { performance } = require('node:perf_hooks');
// Start-up marks for `npm run bench` figure (d): node ready, sources loaded, Cucumber ready, exit.
const marks = (global.qmtStartMarks = { node: performance.now() });
if (process.env.QMT_BENCH_MARKS_FILE) {
  process.on('exit', () => {
    marks.exit = performance.now();
    require('node:fs').writeFileSync(process.env.QMT_BENCH_MARKS_FILE, JSON.stringify(marks));
  });
}
require('../scripts/register-ts');
const { main } = require('../src/cli/main');
marks.loaded = performance.now();
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`qmt: ${error && error.message ? error.message : error}`);
    process.exit(2);
  },
);
