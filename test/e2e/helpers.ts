/**
 * Runs the harness's own commands as a user would, in child processes.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/**
 * The simulator of an e2e test answers at once (`--latency off`) unless the test names a latency:
 * only the tests of network latency pay for it in wall time (example-client.test.ts keeps the
 * field latency end to end).
 */
export function simulatorArgs(args: string[]): string[] {
  // A replay answers with its recording's timing: qmt-sim refuses a latency for it.
  return args.includes('--latency') || args.includes('--replay') ? args : [...args, '--latency', 'off'];
}

/** Starts `qmt-sim` with the given arguments and resolves with the process and where it listens. */
export function startSimulator(args: string[]): Promise<{ child: ChildProcess; where: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'qmt-sim.js'), ...simulatorArgs(args)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`qmt-sim did not say where it listens: ${out}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => /^(\/dev\/|tcp:\/\/)/.test(l.trim()));
      if (line) {
        clearTimeout(timer);
        resolve({ child, where: line.trim() });
      }
    });
    child.once('exit', (code) => reject(new Error(`qmt-sim exited (${code}): ${out}`)));
  });
}

export function runQmt(args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'qmt.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

export function resultStatuses(resultsDir: string): string[] {
  return readdirSync(resultsDir)
    .filter((f) => f.endsWith('-result.json'))
    .map((f) => (JSON.parse(readFileSync(path.join(resultsDir, f), 'utf8')) as { status: string }).status);
}
