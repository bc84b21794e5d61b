#!/usr/bin/env node
// After a `qmt run`: do Cucumber, the Allure results and the compliance summary count the same
// verdicts? (src/report/agreement.ts.) npm test runs it after every conformance run.
//   node scripts/check-report-agreement.js <results-dir>... [--compliance <compliance.json>]
// Exit 0: they agree; 1: a difference (each printed); 2: bad arguments.
const sources = require('./sources');
const { readFileSync } = require('node:fs');
const { checkAgreement, formatCounts } = sources.load('src/report/agreement');

const args = process.argv.slice(2);
const at = args.indexOf('--compliance');
let runs;
if (at >= 0) {
  if (!args[at + 1]) {
    console.error('check-report-agreement: --compliance needs a compliance.json');
    process.exit(2);
  }
  runs = JSON.parse(readFileSync(args[at + 1], 'utf8')).runs;
  args.splice(at, 2);
}
if (args.length === 0) {
  console.error('usage: check-report-agreement.js <results-dir>... [--compliance <compliance.json>]');
  process.exit(2);
}
let failed = false;
for (const dir of args) {
  let a;
  try {
    a = checkAgreement(dir, runs);
  } catch (error) {
    // A folder the reports cannot be built from (no results at all) is a disagreement, said in one line.
    failed = true;
    console.error(`report agreement: ${dir}: cannot compare: ${error.message}`);
    continue;
  }
  if (a.differences.length === 0) {
    console.log(
      `report agreement: ${a.resultsDir}: Cucumber, Allure and the compliance summary agree: ${formatCounts(a.cucumber)}`,
    );
    continue;
  }
  failed = true;
  console.error(`report agreement: ${a.resultsDir}: the reports DISAGREE`);
  for (const d of a.differences) console.error(`  ${d}`);
}
// exitCode, not exit(): stdout may be a pipe, whose writes would be cut.
process.exitCode = failed ? 1 : 0;
