/**
 * Figure (b): the cost of one AT round trip, three ways, same command, same count:
 *   floor      a raw serialport write→read echo over a pseudo-terminal made by the same python
 *              bridge the simulator uses (bytes go tty → bridge → back), nothing else;
 *   pty        AtClient (digester, transcript, clock) → the standalone simulator (`qmt-sim --pty`,
 *              its own process) → back, over the same kind of PTY;
 *   in-process AtClient ↔ the simulator over an in-memory duplex pair, real clock: the harness's
 *              and the simulator's own compute, no PTY, no process hop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { SerialPort } from 'serialport';
import { AtClient } from '../src/at/at-client';
import { createDuplexPair } from '../src/at/duplex-pair';
import { SerialTransport } from '../src/at/serial-transport';
import { StreamTransport } from '../src/at/stream-transport';
import { Transcript } from '../src/at/transcript';
import { RealClock } from '../src/clock/clock';
import { SecretMasker } from '../src/secrets/masker';
import { createSimulatedModule } from '../src/sim';
import { PTY_BRIDGE_SCRIPT } from '../src/sim/serve/pty';
import { findVariant } from '../src/variants/catalog';
import { ROOT } from './measure';

export const COMMAND = 'AT+QMTCFG="keepalive",0';

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('latin1');
      const nl = text.indexOf('\n');
      if (nl >= 0) {
        child.stdout!.off('data', onData);
        resolve(text.slice(0, nl).trim());
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited (${code}) before printing a device path`)));
  });
}

/** The floor: write the command line, wait for the same bytes back through an echoing PTY bridge. */
export async function echoFloor(count: number): Promise<number[]> {
  const bridge = spawn('python3', ['-u', PTY_BRIDGE_SCRIPT], { stdio: ['pipe', 'pipe', 'ignore'] });
  const device = await firstLine(bridge);
  bridge.stdout.on('data', (chunk: Buffer) => bridge.stdin.write(chunk));
  const port = await new Promise<SerialPort>((resolve, reject) => {
    const p = new SerialPort({ path: device, baudRate: 115200 }, (error) => (error ? reject(error) : resolve(p)));
  });
  const line = Buffer.from(`${COMMAND}\r`);
  const times: number[] = [];
  let pending: { left: number; done: () => void } | undefined;
  port.on('data', (chunk: Buffer) => {
    if (!pending) return;
    pending.left -= chunk.length;
    if (pending.left <= 0) pending.done();
  });
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    await new Promise<void>((done) => {
      pending = { left: line.length, done };
      port.write(line);
    });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  await new Promise((r) => port.close(r));
  bridge.stdin.end();
  return times;
}

async function timeCommands(at: AtClient, count: number): Promise<number[]> {
  await at.send('ATE0', { timeoutMs: 5_000 });
  at.setEcho(false);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    const response = await at.send(COMMAND, { timeoutMs: 5_000 });
    if (response.final.kind !== 'OK') throw new Error(`${COMMAND} answered ${response.final.kind}`);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times;
}

/** AtClient against `qmt-sim --pty` in its own process, as a rig reaches hardware. */
export async function ptyRoundTrips(count: number): Promise<number[]> {
  const sim = spawn(process.execPath, [path.join(ROOT, 'bin', 'qmt-sim.js'), '--pty'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  try {
    const device = await firstLine(sim);
    const clock = new RealClock();
    const transport = new SerialTransport(device, 115200);
    await transport.open();
    const at = new AtClient(transport, clock, new Transcript(clock, new SecretMasker()));
    try {
      return await timeCommands(at, count);
    } finally {
      await at.close();
    }
  } finally {
    sim.kill('SIGTERM');
  }
}

/** AtClient against the simulator in this process: what harness and simulator cost by themselves. */
export async function inProcessRoundTrips(count: number): Promise<number[]> {
  const clock = new RealClock();
  const [hostEnd, moduleEnd] = createDuplexPair();
  const module = createSimulatedModule({ variant: findVariant('EC200N-CN'), clock });
  module.attach(moduleEnd);
  const transport = new StreamTransport(hostEnd, 'in-process simulator');
  await transport.open();
  const at = new AtClient(transport, clock, new Transcript(clock, new SecretMasker()));
  try {
    return await timeCommands(at, count);
  } finally {
    await at.close();
    module.close();
  }
}
