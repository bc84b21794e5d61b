/** Record a run on the built-in simulator, replay it with qmt-sim --replay, and read both runs' verdicts. */
import { readdirSync, readFileSync } from 'node:fs';
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
