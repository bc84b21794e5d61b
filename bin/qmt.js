#!/usr/bin/env node
// The harness CLI. Its sources load through scripts/sources.js: compiled (.build/) or TypeScript.
const { performance } = require('node:perf_hooks');
// Start-up marks for `npm run bench` figure (d): node ready, sources loaded, Cucumber ready, exit.
const marks = (global.qmtStartMarks = { node: performance.now() });
if (process.env.QMT_BENCH_MARKS_FILE) {
  process.on('exit', () => {
    marks.exit = performance.now();
    require('node:fs').writeFileSync(process.env.QMT_BENCH_MARKS_FILE, JSON.stringify(marks));
  });
}
const { main } = require('../scripts/sources').load('src/cli/main');
marks.loaded = performance.now();
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`qmt: ${error && error.message ? error.message : error}`);
    process.exit(2);
  },
);
