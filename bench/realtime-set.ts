/**
 * What the rig benchmarks share: the real-time scenario set (bench/parallel-rigs.ts says why
 * these). Each figure's section of docs/benchmarks.md is written by bench/doc-section.ts.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
export const TAGS =
  '(@spec:5.1 or @spec:3.3.1:keepalive:keep_alive_time:range or @spec:2:retransmission or @spec:2:keepalive) and not @reboot';
export const NAMES = [
  '^The 5\\.1 example',
  '^"keepalive" set to',
  '^An acknowledged QoS 1 PUBLISH is not resent',
  '^An idle client stays connected for four keep-alive periods',
  '^With keep-alive 0 an idle client sends no PINGREQ',
];

/** `qmt-sim --pty --count N` of one variant: resolves with its pseudo-terminals once all are up. */
export function startBox(
  count: number,
  variant: string,
  stderr: 'inherit' | 'ignore' = 'inherit',
): Promise<{ ports: string[]; stop: () => void }> {
  const args = [path.join(ROOT, 'bin', 'qmt-sim.js'), '--pty', '--count', String(count)];
  args.push(...Array(count).fill(['--variant', variant]).flat());
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', stderr] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const ports = out
        .split('\n')
        .filter((l) => l.startsWith('/dev/'))
        .map((l) => l.split('\t')[0] as string);
      if (ports.length === count) resolve({ ports, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`qmt-sim exited ${code}: ${out}`)));
  });
}
