/**
 * How the bench measures: a child process's wall time (from spawn to exit), its own CPU time and
 * peak RSS (bench/usage-probe.js), and percentiles of a sample.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');

export interface ProcessCost {
  wallMs: number;
  /** CPU time of the process and every node process it started (its workers). */
  cpuMs: number;
  /** Peak RSS of the largest of them. */
  maxRssMb: number;
  exitCode: number | null;
  output: string;
}

export function measureProcess(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ProcessCost> {
  const usageFile = path.join(mkdtempSync(path.join(tmpdir(), 'qmt-bench-')), 'usage.json');
  const probe = path.join(ROOT, 'bench', 'usage-probe.js');
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...env,
      NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --require ${probe}`.trim(),
      QMT_BENCH_USAGE_FILE: usageFile,
    },
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => {
    child.once('exit', (exitCode) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      let usage = { userMs: NaN, systemMs: NaN, maxRssMb: NaN };
      try {
        // One line per node process of the measured tree (the process and its workers).
        const lines = readFileSync(usageFile, 'utf8').trim().split('\n');
        const all = lines.map((l) => JSON.parse(l) as typeof usage);
        usage = {
          userMs: all.reduce((sum, u) => sum + u.userMs, 0),
          systemMs: all.reduce((sum, u) => sum + u.systemMs, 0),
          maxRssMb: Math.max(...all.map((u) => u.maxRssMb)),
        };
      } catch {
        // The child died before its exit hook: CPU and RSS stay unknown.
      }
      resolve({ wallMs, cpuMs: usage.userMs + usage.systemMs, maxRssMb: usage.maxRssMb, exitCode, output });
    });
  });
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function fmt(n: number, digits = 1): string {
  return Number.isFinite(n) ? n.toFixed(digits) : 'n/a';
}
