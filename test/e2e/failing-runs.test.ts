/**
 * Runs that cannot finish (issue 10): SIGTERM mid-scenario, the module's PTY closed under the
 * run, the broker port taken by another process, the disk full when results are written. Each
 * time: finished results stay on disk, the running scenario is written as broken with its reason,
 * the port and broker are released, the exit code is non-zero with one clear line, and
 * `qmt report` still builds a report from what is there.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { SerialPort } from 'serialport';
import { ROOT, runQmt, startSimulator, tempDir } from './helpers';

interface Result {
  name: string;
  status: string;
  statusDetails?: { message?: string };
}

function results(dir: string): Result[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('-result.json'))
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Result);
}

function startRun(args: string[], env: NodeJS.ProcessEnv = {}): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'qmt.js'), 'run', '--no-report', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForResults(dir: string, count: number, limitMs = 90_000): Promise<void> {
  const started = Date.now();
  while (results(dir).length < count) {
    if (Date.now() - started > limitMs) throw new Error(`fewer than ${count} results in ${dir} after ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The one line the run ends with (stderr's last non-empty line). */
function lastLine(output: string): string {
  return output.trim().split('\n').at(-1) ?? '';
}

function assertReportBuilds(resultsDir: string): void {
  const out = path.join(tempDir('qmt-guard-report-'), 'report');
  const report = runQmt(['report', resultsDir, '--out', out, '--no-pdf', '--no-single-file']);
  assert.equal(report.status, 0, report.output);
  assert.ok(existsSync(path.join(out, 'allure-report', 'index.html')) || readdirSync(out).length > 0, report.output);
}

/** Exclusive open of the PTY: succeeds only once the run has let go of it. */
function openExclusively(device: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path: device, baudRate: 115200 }, (error) => {
      if (error) return reject(error);
      port.close(() => resolve());
    });
  });
}

// Scenarios that wait real seconds against a real-time module, so the signal lands inside one.
const SLOW_TAGS = '@sub-option:keepalive or @sub-option:session or @sub-option:timeout';

test('SIGTERM mid-scenario: finished results kept, the running one broken, port released, report builds', { timeout: 240_000 }, async () => {
  const sim = await startSimulator(['--pty']);
  try {
    const dir = path.join(tempDir('qmt-sigterm-'), 'results');
    const brokerPort = await freePort();
    const run = startRun(['--port', sim.where, '--results', dir, '--tags', SLOW_TAGS, '--broker-port', String(brokerPort)]);
    await waitForResults(dir, 3);
    run.child.kill('SIGTERM');
    assert.equal(await run.exited, 143, run.output());
    assert.match(lastLine(run.output()), /^qmt: interrupted \(SIGTERM\); the running scenario \(.+\) is marked broken; results of the \d+ finished scenarios are kept in /);
    const all = results(dir);
    const broken = all.filter((r) => r.status === 'broken');
    assert.equal(broken.length, 1, JSON.stringify(all.map((r) => [r.name, r.status])));
    assert.match(broken[0].statusDetails?.message ?? '', /the run stopped while this scenario ran: interrupted \(SIGTERM\)/);
    assert.ok(all.filter((r) => r.status === 'passed').length >= 3);
    // Released: the serial port opens exclusively again, the broker's port can be listened on.
    await openExclusively(sim.where);
    const listener = await listenOn(brokerPort);
    assert.ok(listener, `broker port ${brokerPort} still held`);
    await new Promise((r) => listener!.close(r));
    assertReportBuilds(dir);
  } finally {
    sim.child.kill('SIGTERM');
  }
});

test("the module's PTY closed under the run: exit 3, one line, the scenario that met it broken", { timeout: 240_000 }, async () => {
  const sim = await startSimulator(['--pty']);
  const dir = path.join(tempDir('qmt-unplug-'), 'results');
  const run = startRun(['--port', sim.where, '--results', dir, '--tags', SLOW_TAGS]);
  await waitForResults(dir, 3);
  // The far end goes away: the simulator and its pty bridge end, as when a USB cable is pulled.
  sim.child.kill('SIGTERM');
  assert.equal(await run.exited, 3, run.output());
  assert.match(lastLine(run.output()), /^qmt: the module's port \/dev\/\S+ @115200 closed \(unplugged, or the far end went away\); .*results of the \d+ finished scenarios are kept in /);
  const all = results(dir);
  const broken = all.filter((r) => r.status === 'broken');
  assert.equal(broken.length, 1, JSON.stringify(all.map((r) => [r.name, r.status])));
  assert.match(broken[0].statusDetails?.message ?? '', /rig: \/dev\/\S+ @115200 (closed|is gone)|port \/dev\/\S+ @115200 closed/);
  assert.ok(all.length >= 4);
});

function listenOn(port: number): Promise<Server | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function freePort(): Promise<number> {
  const server = (await listenOn(0))!;
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

test('the broker port taken before the run is a usage error; taken during the run stops it with exit 3', { timeout: 240_000 }, async () => {
  const port = await freePort();
  const squatter = (await listenOn(port))!;
  const before = runQmt(['run', '--no-report', '--broker-port', String(port), '--results', path.join(tempDir('qmt-port-'), 'r')]);
  assert.equal(before.status, 2, before.output);
  assert.match(before.output.trim(), new RegExp(`^qmt: --broker-port ${port}: 127\\.0\\.0\\.1:${port} is taken by another process$`));
  await new Promise((r) => squatter.close(r));

  const dir = path.join(tempDir('qmt-port-'), 'results');
  const run = startRun(['--broker-port', String(port), '--results', dir]);
  await waitForResults(dir, 3);
  // Between two scenarios the fixture lets go of the port: another process grabs it then.
  let grabbed: Server | undefined;
  while (!grabbed) grabbed = await listenOn(port);
  try {
    assert.equal(await run.exited, 3, run.output());
    assert.match(lastLine(run.output()), new RegExp(`^qmt: the broker fixture's port ${port} is taken by another process; .*results of the \\d+ finished scenarios are kept in `));
    const broken = results(dir).filter((r) => r.status === 'broken');
    assert.equal(broken.length, 1);
    assert.match(broken[0].statusDetails?.message ?? '', /EADDRINUSE/);
  } finally {
    await new Promise((r) => grabbed!.close(r));
  }
});

test('the disk full while results are written: exit 3, one line, the results written so far make a report', { timeout: 240_000 }, async () => {
  const dir = path.join(tempDir('qmt-disk-'), 'results');
  const run = startRun(['--results', dir], {
    NODE_OPTIONS: `--require ${path.join(ROOT, 'test', 'e2e', 'fixtures', 'disk-full.js')}`,
    QMT_TEST_DISK_FULL_DIR: dir,
    QMT_TEST_DISK_FULL_AFTER: '5',
  });
  assert.equal(await run.exited, 3, run.output());
  assert.match(lastLine(run.output()), /^qmt: cannot write results in \S+: no space left on device \(ENOSPC\); .*results of the 5 finished scenarios are kept in /);
  assert.equal(results(dir).length, 5);
  assertReportBuilds(dir);
});
