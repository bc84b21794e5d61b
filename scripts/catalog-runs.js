#!/usr/bin/env node
// The whole catalog against the built-in simulator, once per configuration `npm test` certifies,
// each run followed by the agreement check of its outputs (src/report/agreement.ts):
//   node scripts/catalog-runs.js [conformance] [layouts]     (both when none is named)
// Runs go as many at a time as the machine has cores (QMT_CATALOG_RUNS_AT_ONCE overrides): each is
// one process on the virtual clock, so two on two cores take the time of one, and their verdicts
// cannot depend on it. Each run's output is printed whole when it ends; the exit code is 1 if any
// run or check failed, after all of them have finished.
const { spawn } = require('node:child_process');
const { availableParallelism } = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const QMT = path.join(ROOT, 'bin', 'qmt.js');
const CHECK = path.join(ROOT, 'scripts', 'check-report-agreement.js');

const RUNS = {
  conformance: [
    { results: 'reports/allure-results', args: [] },
    { results: 'reports/allure-results-EG912Y', args: ['--variant', 'EG912Y'] },
    { results: 'reports/allure-results-alternate', args: ['--sim-profile', 'profiles/alternate-readings.json'] },
    { results: 'reports/allure-results-strict', args: ['--profile', 'EC200N-CN'] },
    {
      results: 'reports/allure-results-alternate-strict',
      args: ['--sim-profile', 'profiles/alternate-readings.json', '--profile', 'alternate-readings'],
    },
  ],
  // The +QMTRECV layouts a firmware may print (README "+QMTRECV layouts"): the harness reads each unaided.
  layouts: [
    { results: 'reports/allure-results-unquoted', args: ['--sim-recv-layout', 'unquoted'] },
    { results: 'reports/allure-results-split', args: ['--sim-recv-layout', 'split'] },
  ],
};

const named = process.argv.slice(2);
const unknown = named.filter((n) => !(n in RUNS));
if (unknown.length > 0) {
  console.error(`catalog-runs: unknown set "${unknown[0]}" (known: ${Object.keys(RUNS).join(', ')})`);
  process.exit(2);
}
const runs = (named.length > 0 ? named : Object.keys(RUNS)).flatMap((n) => RUNS[n]);
const atOnce = Number(process.env.QMT_CATALOG_RUNS_AT_ONCE) || availableParallelism();

/** Runs a command to its end; resolves with its exit code and everything it printed. */
function run(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

async function one({ results, args }) {
  const started = Date.now();
  const command = ['run', '--no-report', ...args, '--results', results];
  const conformance = await run([QMT, ...command]);
  const check = conformance.code === 0 || conformance.code === 1 ? await run([CHECK, results]) : undefined;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `\n── qmt ${command.join(' ')} (${seconds} s, exit ${conformance.code})\n${conformance.output}${check?.output ?? ''}`,
  );
  return conformance.code === 0 && check?.code === 0;
}

async function main() {
  const queue = [...runs];
  const outcomes = [];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) outcomes.push(await one(next));
  };
  await Promise.all(Array.from({ length: Math.min(atOnce, runs.length) }, worker));
  const failed = outcomes.filter((ok) => !ok).length;
  console.log(`\ncatalog runs: ${runs.length - failed} of ${runs.length} passed with their outputs in agreement`);
  process.exit(failed === 0 ? 0 : 1);
}

main();
