/**
 * The one door to labgrid: every question to the coordinator is a `labgrid-client` command line
 * (no Python of ours). The command is configurable (`--labgrid-client "cmd"`, QMT_LABGRID_CLIENT);
 * by default `labgrid-client` when it is on PATH, else the copy scripts/install-system-deps.sh
 * unpacks under .tools/labgrid, run by the system's python3 (Debian's grpcio is built for it).
 * The coordinator is `--coordinator`, else labgrid-client's own LG_COORDINATOR.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const CLIENT_ENV = 'QMT_LABGRID_CLIENT';
const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');
export const BUNDLED_LABGRID = path.join(PROJECT_ROOT, '.tools', 'labgrid', 'usr', 'lib', 'python3', 'dist-packages');

/** labgrid-client said no (its own one-line reason), or could not be run at all. */
export class LabgridError extends Error {
  override readonly name = 'LabgridError';
}

export interface ClientResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface LabgridClientOptions {
  /** The command line that starts labgrid-client, split on blanks (no shell quoting). */
  command?: string;
  /** HOST:PORT of the coordinator; undefined = LG_COORDINATOR or labgrid's default. */
  coordinator?: string;
  env?: NodeJS.ProcessEnv;
}

function onPath(program: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '').split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, program)));
}

/** What starts labgrid-client here, and the environment it needs (PYTHONPATH for the bundled copy). */
export function clientCommand(
  given: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): { argv: string[]; env: NodeJS.ProcessEnv } {
  const text = given?.trim() || env[CLIENT_ENV]?.trim();
  if (text) return { argv: text.split(/\s+/), env };
  if (onPath('labgrid-client', env)) return { argv: ['labgrid-client'], env };
  // Not the pyenv python3 first on PATH: Debian's python3-grpcio is built for /usr/bin/python3.
  const pythonPath = [BUNDLED_LABGRID, env.PYTHONPATH].filter(Boolean).join(path.delimiter);
  return { argv: ['/usr/bin/python3', '-m', 'labgrid.remote.client'], env: { ...env, PYTHONPATH: pythonPath } };
}

export class LabgridClient {
  readonly argv: readonly string[];
  private readonly env: NodeJS.ProcessEnv;

  constructor(readonly options: LabgridClientOptions = {}) {
    const { argv, env } = clientCommand(options.command, options.env ?? process.env);
    this.argv = argv;
    this.env = env;
  }

  /** What the user would type, for messages. */
  get description(): string {
    return this.argv.join(' ');
  }

  private args(place: string | undefined, args: readonly string[]): string[] {
    return [
      ...this.argv.slice(1),
      ...(this.options.coordinator ? ['-x', this.options.coordinator] : []),
      ...(place !== undefined ? ['-p', place] : []),
      ...args,
    ];
  }

  /** Runs one labgrid-client command; resolves with what it printed, whatever its exit code. */
  run(place: string | undefined, args: readonly string[], onSpawn?: (stop: () => void) => void): Promise<ClientResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.argv[0] as string, this.args(place, args), {
        env: this.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.once('error', (error) =>
        reject(new LabgridError(`labgrid client "${this.description}" cannot be started: ${error.message}`)),
      );
      child.once('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
      onSpawn?.(() => child.kill('SIGTERM'));
    });
  }

  /** As run, but a non-zero exit is a LabgridError carrying labgrid's own reason. */
  async check(place: string | undefined, args: readonly string[]): Promise<string> {
    const result = await this.run(place, args);
    if (result.code !== 0) throw new LabgridError(failureReason(result));
    return result.stdout;
  }

  /** Synchronous, for the process's exit hook (an exiting process cannot wait for a promise). */
  runSync(place: string | undefined, args: readonly string[]): ClientResult {
    const result = spawnSync(this.argv[0] as string, this.args(place, args), {
      env: this.env,
      encoding: 'utf8',
      timeout: 20_000,
    });
    return {
      code: result.status ?? 1,
      stdout: result.stdout ?? '',
      stderr: result.stderr ?? String(result.error ?? ''),
    };
  }
}

/**
 * labgrid's one line of reason ("client.py: Error: Place modA is already acquired by …") without
 * its program prefix; an unreachable coordinator is said once, plainly.
 */
export function failureReason(result: ClientResult): string {
  const text = `${result.stderr}\n${result.stdout}`;
  if (/Could not connect to coordinator|coordinator is unavailable/.test(text)) {
    const where = /ipv[46]:(\S+?):\s/.exec(text)?.[1];
    return `the labgrid coordinator${where ? ` at ${where}` : ''} does not answer (LG_COORDINATOR / --coordinator)`;
  }
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const error = lines.find((l) => /\bError:/.test(l)) ?? lines.at(-1) ?? `exit code ${result.code}`;
  return error.replace(/^[\w.-]+\.py: /, '').replace(/^(?:Server )?Error: /, '');
}
