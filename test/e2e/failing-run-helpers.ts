/**
 * Shared by the failing-run tests (one file each, so each stays within the runner's
 * per-file time limit): start a `qmt run`, wait for results, read them, check the last line,
 * build a report from what is on disk, probe that a port was released.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { SerialPort } from 'serialport';
import { ROOT, runQmt, tempDir } from './helpers';

export interface Result {
  name: string;
  status: string;
  statusDetails?: { message?: string };
}

export function results(dir: string): Result[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('-result.json'))
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Result);
}

/** `qmt run --no-report <args>` without blocking. */
export function startRun(args: string[], env: NodeJS.ProcessEnv = {}): RunningQmt {
  return spawnQmt(['run', '--no-report', ...args], env);
}

export interface RunningQmt {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `qmt <args>` without blocking: its output so far, and its exit code once it ends. */
export function spawnQmt(args: string[], env: NodeJS.ProcessEnv = {}): RunningQmt {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'qmt.js'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export async function waitForResults(dir: string, count: number, limitMs = 90_000): Promise<void> {
  const started = Date.now();
  while (results(dir).length < count) {
    if (Date.now() - started > limitMs) throw new Error(`fewer than ${count} results in ${dir} after ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The one line the run ends with (stderr's last non-empty line). */
export function lastLine(output: string): string {
  return output.trim().split('\n').at(-1) ?? '';
}

export function assertReportBuilds(resultsDir: string): void {
  const out = path.join(tempDir('qmt-guard-report-'), 'report');
  const report = runQmt(['report', resultsDir, '--out', out, '--no-pdf', '--no-single-file']);
  assert.equal(report.status, 0, report.output);
  assert.ok(existsSync(path.join(out, 'allure-report', 'index.html')) || readdirSync(out).length > 0, report.output);
}

/** Exclusive open of the PTY: succeeds only once the run has let go of it. */
export function openExclusively(device: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path: device, baudRate: 115200 }, (error) => {
      if (error) return reject(error);
      port.close(() => resolve());
    });
  });
}

// Scenarios that wait real seconds against a real-time module, so the signal lands inside one.
export const SLOW_TAGS = '@sub-option:keepalive or @sub-option:session or @sub-option:timeout';

export function listenOn(port: number): Promise<Server | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

export async function freePort(): Promise<number> {
  const server = (await listenOn(0))!;
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}
