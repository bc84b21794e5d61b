/**
 * Record a run on the built-in simulator, replay it (qmt-sim --replay over TCP or a pty, or
 * qmt run --sim-replay in process), and read both runs' verdicts.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startSimulator, tempDir } from './helpers';
import { runQmtAsync } from './rig-in-a-box';

/** Scenario name → its verdicts (an outline's examples share a name) with the failure's class. */
export function verdicts(resultsDir: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const file of readdirSync(resultsDir).filter((f) => f.endsWith('-result.json'))) {
    const result = JSON.parse(readFileSync(path.join(resultsDir, file), 'utf8')) as {
      name: string;
      status: string;
      statusDetails?: { message?: string };
    };
    const kind = /^(?:AssertionError \[ERR_ASSERTION\]: |Error: )?([a-z -]+):/.exec(
      result.statusDetails?.message ?? '',
    );
    (out[result.name] ??= []).push(result.status === 'passed' ? 'passed' : `${result.status} (${kind?.[1] ?? '?'})`);
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

export async function recordAndReplay(tags: string, serve: '--tcp' | '--pty', faults: string[]) {
  const dir = tempDir('qmt-replay-');
  const recorded = path.join(dir, 'recorded');
  const fault = faults.flatMap((f) => ['--fault', f]);
  const record = await runQmtAsync(['run', '--no-report', '--tags', tags, ...fault, '--results', recorded]).done;
  const before = verdicts(recorded);
  const { child, where } = await startSimulator([serve, ...(serve === '--tcp' ? ['0'] : []), '--replay', recorded]);
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  try {
    const replayed = path.join(dir, 'replayed');
    const replay = await runQmtAsync(['run', '--port', where, '--no-report', '--tags', tags, '--results', replayed])
      .done;
    return { record, before, replay, after: verdicts(replayed), log: () => log };
  } finally {
    child.kill('SIGTERM');
  }
}

/**
 * The same run recorded on the built-in simulator (default latency, `faults` on) and replayed in
 * process on the virtual clock by `qmt run --sim-replay`; `tags` undefined = the whole catalog.
 * The temporary folder is removed afterwards.
 */
export async function recordAndReplayInProcess(tags: string | undefined, faults: string[]) {
  const dir = tempDir('qmt-replay-');
  try {
    const recorded = path.join(dir, 'recorded');
    const replayed = path.join(dir, 'replayed');
    const select = tags ? ['--tags', tags] : [];
    const fault = faults.flatMap((f) => ['--fault', f]);
    const record = await runQmtAsync(['run', '--no-report', ...select, ...fault, '--results', recorded]).done;
    const replay = await runQmtAsync(['run', '--no-report', ...select, '--sim-replay', recorded, '--results', replayed])
      .done;
    return { record, before: verdicts(recorded), replay, after: verdicts(replayed) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What the replay said about the recording it followed: divergences, commands outside it, packets it could not send. */
export function replayTrouble(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => /replay .*(diverged|not in the recording|not open|resynchronised)/.test(line));
}
