/**
 * `npm run bench:determinism`: the virtual clock never waits on the wall clock, so a loaded machine
 * makes a run slower but never different. The whole catalog runs QMT_DETERMINISM_RUNS times (5)
 * in a row against the built-in simulator beside QMT_DETERMINISM_BURNERS (2) processes that burn
 * CPU, and every run must give the same verdict for every scenario and the same virtual timestamps
 * in its AT transcript and broker packet log as the first. Exit 1 on any difference.
 * QMT_DETERMINISM_ARGS adds `qmt run` options (e.g. "--workers 2 --latency off").
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fmt, measureProcess, ROOT } from './measure';
import { writeSection } from './doc-section';
import { compareEvidence, readRunEvidence, type ScenarioEvidence } from './run-evidence';

const RUNS = Number(process.env.QMT_DETERMINISM_RUNS ?? 5);
const BURNERS = Number(process.env.QMT_DETERMINISM_BURNERS ?? 2);
const EXTRA = (process.env.QMT_DETERMINISM_ARGS ?? '').split(/\s+/).filter(Boolean);
// The same made-up secrets every run: they are masked anyway, but nothing may differ by chance.
const SECRETS = JSON.stringify({
  password: 'Sdeterminism1',
  'device-secret': 'Sdeterminism2',
  'access-key': 'Sdeterminism3',
  'product-secret': 'Sdeterminism4',
});

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

function burn(): ChildProcess {
  return spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
}

/** Everything said goes to the console and into docs/benchmarks.md. */
const said: string[] = [];
function say(line: string): void {
  console.log(line);
  said.push(line);
}

async function main(): Promise<number> {
  const root = mkdtempSync(path.join(tmpdir(), 'qmt-determinism-'));
  say(
    `determinism: the whole catalog ${RUNS} times beside ${BURNERS} CPU-burning processes (${cpus().length} CPUs, load average ${load()})`,
  );
  const burners = Array.from({ length: BURNERS }, burn);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      for (const burner of burners) burner.kill('SIGKILL');
      process.exit(130);
    });
  const runs: { label: string; evidence: Map<string, ScenarioEvidence> }[] = [];
  try {
    for (let i = 1; i <= RUNS; i++) {
      const dir = path.join(root, `run-${i}`);
      const cost = await measureProcess(
        [path.join(ROOT, 'bin', 'qmt.js'), 'run', '--no-report', '--results', dir, ...EXTRA],
        {
          QMT_RUN_SECRETS: SECRETS,
        },
      );
      const evidence = readRunEvidence(dir);
      const statuses = new Map<string, number>();
      for (const e of evidence.values()) statuses.set(e.status, (statuses.get(e.status) ?? 0) + 1);
      const stamps = [...evidence.values()].reduce((n, e) => n + e.timeline.length, 0);
      say(
        `run ${i}: exit ${cost.exitCode}, ${fmt(cost.wallMs / 1000)} s wall, ${fmt(cost.cpuMs / 1000)} s CPU, ` +
          `${evidence.size} results (${[...statuses].map(([s, n]) => `${n} ${s}`).join(', ')}), ${stamps} timestamps; load average ${load()}`,
      );
      runs.push({ label: `run ${i}`, evidence });
    }
  } finally {
    for (const burner of burners) burner.kill('SIGKILL');
  }
  let differences = 0;
  for (const other of runs.slice(1)) {
    const found = compareEvidence(runs[0].evidence, other.evidence, [runs[0].label, other.label]);
    differences += found.length;
    say(
      `${other.label} vs ${runs[0].label}: ${found.length === 0 ? 'identical verdicts and timestamps' : `${found.length} differences`}`,
    );
    for (const line of found.slice(0, 20)) say(`  ${line}`);
  }
  say(
    differences === 0
      ? `determinism: all ${RUNS} runs agree on every verdict and every virtual timestamp`
      : `determinism: ${differences} differences between runs`,
  );
  writeSection('determinism', [
    '## The virtual clock under load (`npm run bench:determinism`)',
    '',
    `Written on ${new Date().toISOString()} (node ${process.version}). The same catalog, run after run, beside processes that`,
    'burn CPU: the verdicts and the virtual timestamps of every AT transcript and broker packet log must not move.',
    '',
    '```',
    ...said,
    '```',
  ]);
  return differences === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
