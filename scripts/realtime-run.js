#!/usr/bin/env node
// Runs scenarios in REAL time against the standalone simulator over real pseudo-terminals, as a
// hardware rig would (no virtual clock):
//   node scripts/realtime-run.js [--subset] [--modules N] [qmt run options…]
// --subset: the deadline and retransmission scenarios at their smallest settings (npm test);
// without it: the whole catalog, @slow included (npm run test:realtime).
// --modules N (default 4): a rig of N simulated modules (`qmt-sim --pty --count N`, all EC200N-CN)
// and one `qmt run` worker per module, each taking every N-th scenario (`--shard i/N`): the
// scenarios' real-time waits overlap instead of adding up. Results: <results>/<pty slug>/ each.
const { spawn, spawnSync } = require('node:child_process');
const { rmSync } = require('node:fs');
const path = require('node:path');
const { SUBSET_MODULES, SUBSET_TAGS } = require('./realtime-subset-tags');

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const subset = args.includes('--subset');
const modulesAt = args.indexOf('--modules');
const modules = modulesAt >= 0 ? Number(args[modulesAt + 1]) : SUBSET_MODULES;
const rest = args.filter((a, i) => a !== '--subset' && i !== modulesAt && i !== modulesAt + 1);
if (!Number.isInteger(modules) || modules < 1 || modules > 16) {
  console.error(`realtime: --modules expects 1..16, got "${args[modulesAt + 1]}"`);
  process.exit(2);
}
const RESULTS = path.join(ROOT, subset ? 'reports/allure-results-realtime-subset' : 'reports/allure-results-realtime');
// Each module's worker writes its own shard folder under RESULTS; one --results for all would
// let each worker empty the others' results.
if (rest.some((a) => a === '--results' || a.startsWith('--results='))) {
  console.error(`realtime: --results cannot be given; the shards go under ${path.relative(process.cwd(), RESULTS)}`);
  process.exit(2);
}

const started = Date.now();
const sim = spawn(
  process.execPath,
  [path.join(ROOT, 'bin', 'qmt-sim.js'), '--pty', '--count', String(modules), '--variant', 'EC200N-CN'],
  { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
);
let out = '';
let runStarted = false;
sim.stdout.on('data', (chunk) => {
  out += chunk.toString();
  const devices = out
    .split('\n')
    .map((l) => l.split('\t')[0].trim())
    .filter((l) => l.startsWith('/dev/'));
  if (devices.length < modules || runStarted) return;
  runStarted = true;
  // This script's own output folder: the previous run's shards (perhaps of another --modules) go.
  rmSync(RESULTS, { recursive: true, force: true });
  const shardDirs = devices.map((device) => path.join(RESULTS, device.replace(/^\/+/, '').replace(/\W+/g, '-')));
  const runs = devices.map((device, i) => runShard(device, `${i + 1}/${modules}`, shardDirs[i]));
  Promise.all(runs).then((codes) => {
    sim.kill('SIGTERM');
    const code = codes.every((c) => c === 0) ? 0 : (codes.find((c) => c !== 0 && c !== 1) ?? 1);
    console.log(
      `realtime: ${subset ? 'subset' : 'whole catalog'} in real time over ${modules} module(s) (${devices.join(', ')}): ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s wall, exit ${codes.join(' ')}`,
    );
    if (code !== 0 && code !== 1) process.exit(code);
    // Cucumber, Allure and the compliance summary must count the same verdicts in every shard
    // (src/report/agreement.ts).
    const check = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'check-report-agreement.js'), ...shardDirs], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    process.exit(check.status !== 0 ? (check.status ?? 1) : code);
  });
});
sim.on('exit', (code) => {
  if (!runStarted) {
    console.error(`realtime: qmt-sim did not start (exit ${code}): ${out}`);
    process.exit(2);
  }
});

function runShard(device, shard, results) {
  const runArgs = [
    'run',
    '--port',
    device,
    '--shard',
    shard,
    '--results',
    results,
    '--no-report',
    ...(subset ? ['--tags', SUBSET_TAGS] : ['--include-slow']),
    ...rest,
  ];
  const run = spawn(process.execPath, [path.join(ROOT, 'bin', 'qmt.js'), ...runArgs], { cwd: ROOT, stdio: 'inherit' });
  return new Promise((resolve) => run.on('exit', (code) => resolve(code ?? 1)));
}
