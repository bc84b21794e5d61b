/**
 * Serves a simulated module on a pseudo-terminal, exactly as hardware appears (/dev/pts/N).
 * python3's `pty` module makes the pair (no native npm module needed); the bridge process
 * copies raw bytes between the pty master and its stdin/stdout, which Node connects to the
 * module as its UART.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { Duplex } from 'node:stream';
import type { SimulatedModule } from '../core/simulated-module';

export interface PtyServer {
  /** The device path a serial client opens, e.g. /dev/pts/7. */
  readonly path: string;
  close(): Promise<void>;
}

export const PTY_BRIDGE_SCRIPT = join(__dirname, 'pty_bridge.py');

/** Reads the first stdout line (the slave path); later bytes are UART data. */
async function readPath(child: ChildProcessWithoutNullStreams): Promise<{ path: string; rest: Buffer }> {
  let collected = Buffer.alloc(0);
  for (;;) {
    const newline = collected.indexOf(0x0a);
    if (newline >= 0)
      return { path: collected.subarray(0, newline).toString().trim(), rest: collected.subarray(newline + 1) };
    const [chunk] = (await Promise.race([
      once(child.stdout, 'data'),
      once(child, 'exit').then(() => {
        throw new Error('pty bridge exited before printing its device path (is python3 installed?)');
      }),
    ])) as [Buffer];
    collected = Buffer.concat([collected, chunk]);
  }
}

export async function servePty(module: Pick<SimulatedModule, 'attach'>, python = 'python3'): Promise<PtyServer> {
  const child = spawn(python, ['-u', PTY_BRIDGE_SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr.resume();
  // However this process ends, the bridge (and with it the pseudo-terminal) goes too.
  const killBridge = () => child.kill('SIGTERM');
  process.once('exit', killBridge);
  child.once('exit', () => process.off('exit', killBridge));
  const { path, rest } = await readPath(child);
  const uart = new Duplex({
    read() {},
    write(chunk, _enc, done) {
      if (child.stdin.writable) child.stdin.write(chunk, () => done());
      else done();
    },
  });
  child.stdout.on('data', (data: Buffer) => uart.push(data));
  child.stdin.on('error', () => {});
  module.attach(uart);
  if (rest.length > 0) uart.push(rest);
  return {
    path,
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGTERM'), 1000);
      await exited;
      clearTimeout(timer);
      uart.destroy();
    },
  };
}
