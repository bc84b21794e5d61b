/**
 * `qmt run --port A --port B ...` (or `--port auto`): the suite against several modules at once,
 * one worker process per module, each with its own port, broker fixture port and results folder
 * (`<results>/<port slug>/`), then one report over all of them, grouped by variant (the Allure
 * parentSuite label is the variant).
 *
 * Why worker processes and not cucumber's `parallel` option: cucumber's parallel workers share
 * out the pickles, each scenario runs ONCE on whichever worker is free; a certification run
 * needs EVERY scenario on EVERY module. Assigning a port per cucumber worker would therefore
 * test each module on a random quarter of the catalog. Each worker here is an ordinary
 * single-port `qmt run` (cucumber's own runner inside), so one module lost mid-run fails only
 * its own worker's scenarios, and no two workers can ever share a port.
 */
import { spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT } from './cucumber-runner';
import { UsageError } from './options';
import { RigsProgress } from './progress/rigs-progress';
import { decodeWorkerEvent, PROGRESS_EVENTS_ENV } from './progress/worker-events';

export interface RigWorkerPlan {
  readonly port: string;
  /** Folder name under the run's results folder. */
  readonly slug: string;
  readonly resultsDir: string;
  /** The worker's own broker fixture port (0 = ephemeral per scenario, already distinct). */
  readonly brokerPort: number;
}

/** `/dev/ttyUSB2` → `dev-ttyUSB2`, `tcp://rig7:4001` → `tcp-rig7-4001`. */
export function portSlug(port: string): string {
  return port
    .replace(/^\/+/, '')
    .replace(/:\/\//, '-')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-+$/, '');
}

/** One plan per port; the same device named twice (also through a symlink) is refused. */
export function planWorkers(ports: readonly string[], resultsDir: string, brokerPort: number): RigWorkerPlan[] {
  const seen = new Map<string, string>();
  return ports.map((port, i) => {
    const identity = /^[a-z0-9+]+:\/\//i.test(port) ? port.toLowerCase() : safeRealpath(port);
    const earlier = seen.get(identity);
    if (earlier !== undefined)
      throw new UsageError(
        `--port ${port}: the same module port as --port ${earlier}; no two workers may share a port`,
      );
    seen.set(identity, port);
    const slug = portSlug(port);
    return { port, slug, resultsDir: path.join(resultsDir, slug), brokerPort: brokerPort === 0 ? 0 : brokerPort + i };
  });
}

function safeRealpath(port: string): string {
  try {
    return realpathSync(port);
  } catch {
    return port;
  }
}

export interface WorkerOutcome {
  readonly plan: RigWorkerPlan;
  readonly exitCode: number;
}

/**
 * Runs one `qmt run` per plan, all at once; `args` are the options every worker gets besides
 * its port, results and broker port. Each worker sends its progress as messages drawn here as
 * one line per module; its other lines (failures, its start and end) are printed prefixed with
 * its slug.
 */
export async function runWorkers(
  plans: readonly RigWorkerPlan[],
  args: readonly string[],
  argsFor: (plan: RigWorkerPlan) => string[] = () => [],
): Promise<WorkerOutcome[]> {
  const progress = new RigsProgress(plans.map((p) => p.port));
  const children = plans.map((plan) => {
    const child = spawn(
      process.execPath,
      [
        path.join(PROJECT_ROOT, 'bin', 'qmt.js'),
        'run',
        '--port',
        plan.port,
        '--results',
        plan.resultsDir,
        '--broker-port',
        String(plan.brokerPort),
        '--no-report',
        ...args,
        ...argsFor(plan),
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, [PROGRESS_EVENTS_ENV]: '1' } },
    );
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        const event = decodeWorkerEvent(line);
        if (event?.type === 'progress') return progress.update(plan.port, event.snapshot);
        if (event?.type === 'failure') return progress.line(event.line);
        const text = event?.type === 'summary' ? event.line : line;
        if (text.trim() !== '') for (const l of text.split('\n')) progress.line(`[${plan.slug}] ${l}`);
      });
    }
    return { plan, child };
  });
  // Stopped: each worker keeps its finished results and exits 130; this process waits for them
  // (Ctrl-C reaches the workers through the terminal as well; a worker acts on the first one).
  const forward = (signal: NodeJS.Signals) => () => {
    progress.finish();
    console.error(
      `\nqmt: ${signal}: stopping ${children.length} workers; each keeps the results of its finished scenarios`,
    );
    children.forEach(({ child }) => child.exitCode === null && child.kill(signal));
  };
  const onTerm = forward('SIGTERM');
  const onInt = forward('SIGINT');
  process.on('SIGTERM', onTerm);
  process.on('SIGINT', onInt);
  try {
    return await Promise.all(
      children.map(
        ({ plan, child }) =>
          new Promise<WorkerOutcome>((resolve) => {
            child.once('error', () => resolve({ plan, exitCode: 2 }));
            child.once('close', (code, signal) =>
              resolve({ plan, exitCode: code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 130 : 1) }),
            );
          }),
      ),
    );
  } finally {
    progress.finish();
    process.off('SIGTERM', onTerm);
    process.off('SIGINT', onInt);
  }
}

/** 130 if interrupted, 2 if a worker could not start (bad port...), 1 if any scenario failed, else 0. */
export function combinedExitCode(outcomes: readonly WorkerOutcome[]): number {
  const codes = outcomes.map((o) => o.exitCode);
  if (codes.includes(130)) return 130;
  if (codes.includes(2)) return 2;
  return codes.some((c) => c !== 0) ? 1 : 0;
}
