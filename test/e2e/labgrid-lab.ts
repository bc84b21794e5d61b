/**
 * A labgrid lab on loopback for the e2e tests: a coordinator, exporters (each a "rig host")
 * exporting simulated modules' pseudo-terminals, places from a YAML file. Real labgrid (the copy
 * scripts/install-system-deps.sh unpacks in .tools/labgrid, run by /usr/bin/python3) and real
 * ser2net, kept on 127.0.0.1 by the wrapper in fixtures/labgrid/ (first on the exporters' PATH).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, realpathSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { ROOT, tempDir } from './helpers';

const DIST = path.join(ROOT, '.tools', 'labgrid', 'usr', 'lib', 'python3', 'dist-packages');
const PYTHON = '/usr/bin/python3';
const SER2NET_WRAPPER_DIR = path.join(ROOT, 'test', 'e2e', 'fixtures', 'labgrid');

/** Why the lab cannot run here, or undefined when it can. */
export function labgridMissing(): string | undefined {
  if (!existsSync(path.join(ROOT, '.tools', 'labgrid', '.complete')))
    return 'labgrid is not unpacked in .tools/labgrid (bash scripts/install-system-deps.sh)';
  if (!existsSync(PYTHON)) return `${PYTHON} is missing`;
  if (!existsSync('/usr/sbin/ser2net')) return 'ser2net is not installed (bash scripts/install-system-deps.sh)';
  return undefined;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const pythonEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  PYTHONPATH: DIST,
  PYTHONUNBUFFERED: '1',
  ...extra,
});

/** Starts `python3 -m <module>` in its own process group (so ser2net children go with it). */
function startPython(module: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, ready: RegExp) {
  const child = spawn(PYTHON, ['-m', module, ...args], { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  return new Promise<{ child: ChildProcess; log: () => string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${module} not ready after 30 s:\n${log}`)), 30_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (ready.test(log)) {
        clearTimeout(timer);
        resolve({ child, log: () => log });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${module} exited (${code}):\n${log}`)));
  });
}

/** Ends a process group started here (the exporter and the ser2net it started). */
function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, signal);
  } catch {
    return Promise.resolve();
  }
  return exited;
}

export interface Exporter {
  readonly name: string;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export class LabgridLab {
  readonly dir = tempDir('qmt-labgrid-');
  private readonly stoppers: (() => Promise<void>)[] = [];

  private constructor(readonly coordinator: string) {}

  /** A coordinator on a free loopback port, with `placesYaml` as its places.yaml. */
  static async start(placesYaml: string): Promise<LabgridLab> {
    const port = await freePort();
    const lab = new LabgridLab(`127.0.0.1:${port}`);
    writeFileSync(path.join(lab.dir, 'places.yaml'), placesYaml);
    const { child } = await startPython(
      'labgrid.remote.coordinator',
      ['-l', lab.coordinator],
      lab.dir,
      pythonEnv(),
      /Coordinator ready/,
    );
    lab.stoppers.push(() => killGroup(child));
    return lab;
  }

  /** An exporter named `name` publishing each group's pseudo-terminal as a RawSerialPort. */
  async exporter(name: string, groups: Record<string, string>): Promise<Exporter> {
    // A Jinja2 template: a YAML comment needs `##` (a single `#` starts a line statement).
    const config = [
      `## rig host ${name}: simulated modules on pseudo-terminals`,
      ...Object.entries(groups).flatMap(([group, pty]) => [
        `${group}:`,
        '  RawSerialPort:',
        `    port: ${realpathSync(pty)}`,
        '    speed: 115200',
      ]),
    ].join('\n');
    const file = path.join(this.dir, `${name}.yaml`);
    writeFileSync(file, `${config}\n`);
    const env = pythonEnv({ PATH: `${SER2NET_WRAPPER_DIR}${path.delimiter}${process.env.PATH}` });
    const start = () =>
      startPython(
        'labgrid.remote.exporter',
        ['-c', this.coordinator, '--name', name, '--hostname', '127.0.0.1', file],
        this.dir,
        env,
        /connected to coordinator/,
      );
    let current = (await start()).child;
    const stop = () => killGroup(current);
    this.stoppers.push(() => stop());
    return {
      name,
      stop,
      restart: async () => {
        await killGroup(current);
        current = (await start()).child;
      },
    };
  }

  /** labgrid-client against this lab's coordinator, as `user` (another user holding a place). */
  client(args: string[], user?: string): { status: number | null; output: string } {
    const result = spawnSync(PYTHON, ['-m', 'labgrid.remote.client', '-x', this.coordinator, ...args], {
      env: pythonEnv(user ? { LG_USERNAME: user } : {}),
      encoding: 'utf8',
      timeout: 30_000,
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  }

  /** Who holds the place ("host/user"), or undefined. */
  holder(place: string): string | undefined {
    const acquired = /^\s*acquired: (\S+)$/m.exec(this.client(['-p', place, 'show']).output)?.[1];
    return acquired === undefined || acquired === 'None' ? undefined : acquired;
  }

  /** Environment for a `qmt` run against this lab. */
  get env(): NodeJS.ProcessEnv {
    return { LG_COORDINATOR: this.coordinator };
  }

  async stop(): Promise<void> {
    for (const stop of this.stoppers.reverse()) await stop().catch(() => {});
  }
}

/** Polls `done` every 200 ms; throws with `context()` after `limitMs`. */
export async function until(done: () => boolean, limitMs: number, context: () => string = () => ''): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`not within ${limitMs} ms:\n${context()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
