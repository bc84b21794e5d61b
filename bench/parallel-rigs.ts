/**
 * The parallel-rig measurement: the same real-time scenario set against 1 module and against 4
 * modules in parallel (one `qmt run` worker each), on simulated modules behind pseudo-terminals
 * (`qmt-sim --pty --count 4`, real time, no shared virtual clock: they behave as hardware).
 * Prints the two wall times and their ratio and writes them to docs/benchmarks.md under its own
 * heading. Never a pass/fail threshold (house rule): the figure is for people.
 *
 * The set is the 5.1 example, the keep-alive range checks, "an acknowledged QoS 1 PUBLISH is not
 * resent" (25 s of waiting), "an idle client stays connected for four keep-alive periods" (120 s)
 * and "with keep-alive 0 an idle client sends no PINGREQ" (300 s): like the full real-time
 * catalog (~20 min per module), mostly mandated waits, about 8 minutes per module.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { writeSection } from './doc-section';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { NAMES, ROOT, startBox, TAGS } from './realtime-set';

const VARIANT = 'EC200N-CN';

function timedRun(ports: string[]): { wallS: number; status: number | null; summary: string } {
  const results = path.join(mkdtempSync(path.join(tmpdir(), 'qmt-bench-rigs-')), 'results');
  const args = [
    path.join(ROOT, 'bin', 'qmt.js'),
    'run',
    ...ports.flatMap((p) => ['--port', p]),
    '--tags',
    TAGS,
    ...NAMES.flatMap((n) => ['--name', n]),
    '--results',
    results,
    '--no-report',
  ];
  const started = Date.now();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 20 * 60_000 });
  const wallS = (Date.now() - started) / 1000;
  const summary = (run.stdout.match(/\d+ scenarios? \([^)]*\)/g) ?? []).join('; ');
  if (run.status !== 0) console.error(run.stdout.slice(-3000), run.stderr.slice(-2000));
  return { wallS, status: run.status, summary };
}

async function main(): Promise<void> {
  const box = await startBox(4, VARIANT);
  try {
    const load = loadavg()[0].toFixed(1);
    const one = timedRun(box.ports.slice(0, 1));
    console.log(`parallel rigs: 1 module: ${one.wallS.toFixed(1)} s wall (exit ${one.status}; ${one.summary})`);
    const four = timedRun(box.ports);
    console.log(
      `parallel rigs: 4 modules in parallel: ${four.wallS.toFixed(1)} s wall (exit ${four.status}; ${four.summary})`,
    );
    const ratio = four.wallS / one.wallS;
    console.log(`parallel rigs: 4 modules / 1 module = ${ratio.toFixed(2)} (aim: at most 1.30)`);
    const file = writeSection('parallel-rigs', [
      '## Parallel rigs: one module vs four',
      '',
      `Measured by \`npm run bench\` (bench/parallel-rigs.ts) on ${new Date().toISOString().slice(0, 10)}: the same real-time scenario set`,
      `(the 5.1 example, the keep-alive range checks, 25 s of retransmission watch, four 30 s keep-alive periods, 300 s without`,
      `PINGREQ at keep-alive 0: mostly mandated waits, like the real-time catalog) against`,
      `${VARIANT} simulators on pseudo-terminals (\`qmt-sim --pty --count 4\`, real time, like hardware), one \`qmt run\` worker per module.`,
      `Host: ${cpus().length} cores, load average ${load} at the start (other work was running).`,
      '',
      '| modules | wall time | scenarios | exit |',
      '|---|---|---|---|',
      `| 1 | ${one.wallS.toFixed(1)} s | ${one.summary} | ${one.status} |`,
      `| 4 in parallel | ${four.wallS.toFixed(1)} s | ${four.summary} | ${four.status} |`,
      '',
      `Ratio 4 / 1: **${ratio.toFixed(2)}** (aim: at most 1.3). The difference is the workers' start-up (four ts-node`,
      'processes compiling on two cores) and the settings snapshot each takes of its module; the mandated waits overlap.',
      'On a host shared with other work the start-up phase stretches with the load: the ratio is lowest on a quiet host.',
    ]);
    console.log(`parallel rigs: written to ${path.relative(process.cwd(), file)}`);
  } finally {
    box.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
