/**
 * A rig in a box for the e2e tests: `qmt-sim --count N` (N modules on N pseudo-terminals, or
 * TCP ports), started as a child process, and `qmt` runs that do not block the test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { spawnQmt } from './failing-run-helpers';
import { ROOT, simulatorArgs } from './helpers';

export interface SimulatedBox {
  readonly child: ChildProcess;
  /** Where each module listens, with its variant, in the order qmt-sim printed them. */
  readonly modules: { where: string; variant: string }[];
}

/** Starts `qmt-sim <args>` and resolves once it has printed `count` `<where>[TAB<variant>]` lines. */
export function startBox(args: string[], count: number): Promise<SimulatedBox> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'qmt-sim.js'), ...simulatorArgs(args)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`qmt-sim printed only: ${out}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const lines = out.split('\n').filter((l) => /^(\/dev\/|tcp:\/\/)/.test(l));
      if (lines.length >= count) {
        clearTimeout(timer);
        resolve({
          child,
          modules: lines.map((l) => ({ where: l.split('\t')[0].trim(), variant: (l.split('\t')[1] ?? '').trim() })),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`qmt-sim exited (${code}): ${out}`)));
  });
}

/** Runs `qmt <args>` without blocking; resolves with its exit code and output. */
export function runQmtAsync(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { child: ChildProcess; done: Promise<{ status: number | null; output: string }> } {
  const { child, output, exited } = spawnQmt(args, env);
  return { child, done: exited.then((status) => ({ status, output: output() })) };
}
