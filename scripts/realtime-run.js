#!/usr/bin/env node
// Runs scenarios in REAL time against the standalone simulator over a real pseudo-terminal, as a
// hardware rig would (no virtual clock): `node scripts/realtime-run.js [--subset] [qmt run options…]`.
// --subset: the deadline and retransmission scenarios at their smallest settings (npm test);
// without it: the whole catalog, @slow included (npm run test:realtime).
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const subset = args.includes('--subset');
const rest = args.filter((a) => a !== '--subset');
const SUBSET_TAGS =
  '(@spec:2:retransmission or @spec:2:timeout-notice or @spec:3.3.1:max-response-time or @spec:3.3.2:max-response-time or ' +
  '@spec:3.3.3:max-response-time or @spec:3.3.4:max-response-time or @spec:3.3.5:max-response-time or ' +
  '@spec:3.3.6:max-response-time or @spec:3.3.7:max-response-time or @spec:3.3.8:max-response-time) and not @slow';

const started = Date.now();
const sim = spawn(process.execPath, [path.join(ROOT, 'bin', 'qmt-sim.js'), '--pty'], {
  cwd: ROOT,
  stdio: ['ignore', 'pipe', 'inherit'],
});
let out = '';
sim.stdout.on('data', (chunk) => {
  out += chunk.toString();
  const device = out
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.startsWith('/dev/'));
  if (!device || sim.runStarted) return;
  sim.runStarted = true;
  const results = subset ? 'reports/allure-results-realtime-subset' : 'reports/allure-results-realtime';
  const runArgs = [
    'run',
    '--port',
    device,
    '--results',
    results,
    '--no-report',
    ...(subset ? ['--tags', SUBSET_TAGS] : ['--include-slow']),
    ...rest,
  ];
  const run = spawn(process.execPath, [path.join(ROOT, 'bin', 'qmt.js'), ...runArgs], { cwd: ROOT, stdio: 'inherit' });
  run.on('exit', (code) => {
    sim.kill('SIGTERM');
    console.log(
      `realtime: ${subset ? 'subset' : 'whole catalog'} in real time over ${device}: ${((Date.now() - started) / 1000).toFixed(1)} s wall, exit ${code}`,
    );
    if (code !== 0 && code !== 1) process.exit(code ?? 1);
    // Cucumber, Allure and the compliance summary must count the same verdicts (src/report/agreement.ts).
    const check = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'check-report-agreement.js'), results], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    process.exit(check.status !== 0 ? (check.status ?? 1) : code);
  });
});
sim.on('exit', (code) => {
  if (!sim.runStarted) {
    console.error(`realtime: qmt-sim did not start (exit ${code}): ${out}`);
    process.exit(2);
  }
});
