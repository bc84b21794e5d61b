/**
 * The same real-time scenario set (bench/realtime-set.ts) against one module reached directly
 * and against four modules as labgrid places on two exporters (a coordinator and two exporters on
 * 127.0.0.1, real ser2net in RFC 2217 mode, `qmt run --place` × 4: acquire, one worker each,
 * release). Prints both wall times and their ratio and writes them to docs/benchmarks.md under
 * their own heading. Never a pass/fail threshold (house rule): the figure is for people.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { writeSection } from './doc-section';
import { NAMES, ROOT, startBox, TAGS } from './realtime-set';
import { labgridMissing, LabgridLab } from '../test/e2e/labgrid-lab';

const VARIANT = 'EC200N-CN';
const PLACES = ['p1', 'p2', 'p3', 'p4'];

function timedRun(target: string[], env: NodeJS.ProcessEnv = {}) {
  const results = path.join(mkdtempSync(path.join(tmpdir(), 'qmt-bench-labgrid-')), 'results');
  const args = [path.join(ROOT, 'bin', 'qmt.js'), 'run', ...target, '--tags', TAGS];
  args.push(...NAMES.flatMap((n) => ['--name', n]), '--results', results, '--no-report');
  const started = Date.now();
  const run = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 20 * 60_000,
    env: { ...process.env, ...env },
  });
  const wallS = (Date.now() - started) / 1000;
  const summary = (run.stdout.match(/\d+ scenarios? \([^)]*\)/g) ?? []).join('; ');
  if (run.status !== 0) console.error(run.stdout.slice(-3000), run.stderr.slice(-2000));
  return { wallS, status: run.status, summary };
}

async function main(): Promise<void> {
  const missing = labgridMissing();
  if (missing) {
    console.log(`labgrid places: not measured: ${missing}`);
    return;
  }
  const places = PLACES.map(
    (p, i) =>
      `${p}:\n  tags: {pool: bench}\n  matches: [{exporter: rig${i < 2 ? 1 : 2}, group: ${p}, cls: NetworkSerialPort}]`,
  ).join('\n');
  const lab = await LabgridLab.start(`${places}\n`);
  const box = await startBox(5, VARIANT, 'ignore');
  try {
    await lab.exporter('rig1', { p1: box.ports[1]!, p2: box.ports[2]! });
    await lab.exporter('rig2', { p3: box.ports[3]!, p4: box.ports[4]! });
    const load = loadavg()[0]!.toFixed(1);
    const one = timedRun(['--port', box.ports[0]!]);
    console.log(`labgrid places: 1 module direct: ${one.wallS.toFixed(1)} s wall (exit ${one.status}; ${one.summary})`);
    const four = timedRun(
      PLACES.flatMap((p) => ['--place', p]),
      lab.env,
    );
    console.log(
      `labgrid places: 4 places on 2 exporters: ${four.wallS.toFixed(1)} s wall (exit ${four.status}; ${four.summary})`,
    );
    const ratio = four.wallS / one.wallS;
    console.log(`labgrid places: 4 places / 1 direct = ${ratio.toFixed(2)} (the labgrid issue asks at most 1.30)`);
    const file = writeSection('labgrid-places', [
      '## Labgrid: four places on two exporters vs one module direct',
      '',
      `Measured by \`npm run bench\` (bench/labgrid-places.ts) on ${new Date().toISOString().slice(0, 10)}: the real-time set of the`,
      'parallel-rigs figure above, once against one EC200N-CN simulator on a pseudo-terminal reached directly, once with',
      '`qmt run --place` × 4 against four such simulators exported as labgrid places by two exporters (a coordinator and the',
      'exporters on 127.0.0.1, real ser2net in RFC 2217 mode): acquire, one worker per place through its exporter, release.',
      `Host: ${cpus().length} cores, load average ${load} at the start (other work was running).`,
      '',
      '| run | wall time | scenarios | exit |',
      '|---|---|---|---|',
      `| 1 module, direct | ${one.wallS.toFixed(1)} s | ${one.summary} | ${one.status} |`,
      `| 4 labgrid places, 2 exporters | ${four.wallS.toFixed(1)} s | ${four.summary} | ${four.status} |`,
      '',
      `Ratio: **${ratio.toFixed(2)}** (asked: at most 1.3). What the places add to four plain workers: the acquisitions`,
      "(one labgrid-client process each, Python with gRPC; the four run at once), reading each place's resources (two more",
      'each), the ser2net hop, and the releases. The figure does not split the difference into these parts, and on a loaded',
      "shared host every part stretches, the workers' start-up and the real-time scenarios included: compare runs made on a",
      'quiet host.',
    ]);
    console.log(`labgrid places: written to ${path.relative(process.cwd(), file)}`);
  } finally {
    box.stop();
    await lab.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
