/**
 * `npx qmt-sim --pty` killed (npm exec does not pass SIGTERM on to its child): the simulator and
 * its python pty bridge go too, and the pseudo-terminal with them; SIGHUP (the terminal closed)
 * stops a simulator as well.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers';

/** The simulator (its command line holds the marker) and its pty bridges (children running pty_bridge.py). */
function processesWith(marker: string): number[] {
  const sims = commandLinesWith(marker);
  const bridges = commandLinesWith('pty_bridge.py').filter((pid) => {
    try {
      const ppid = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
      return sims.includes(ppid) || known.has(pid);
    } catch {
      return false;
    }
  });
  bridges.forEach((pid) => known.add(pid));
  return [...sims, ...bridges];
}

/** Bridges seen once stay watched after their simulator is gone (they would be re-parented). */
const known = new Set<number>();

function commandLinesWith(marker: string): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
      } catch {
        return false;
      }
    })
    .map(Number);
}

function serving(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`qmt-sim printed only: ${out}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(out.trim());
      }
    });
  });
}

async function gone(marker: string): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    if (processesWith(marker).length === 0) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

test('killing npx qmt-sim stops the simulator and its pty bridge', { timeout: 120_000 }, async () => {
  // A --host entry nobody else uses marks this simulator's command line.
  const marker = `npx-kill-${process.pid}`;
  const npx = spawn('npx', ['--no-install', 'qmt-sim', '--pty', '--host', `${marker}=127.0.0.1`], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const device = await serving(npx);
  assert.match(device, /^\/dev\/pts\/\d+$/);
  assert.ok(processesWith(marker).length >= 2, 'the simulator and its pty bridge');
  npx.kill('SIGTERM');
  assert.ok(await gone(marker), `still running: ${processesWith(marker).join(', ')}`);
});

test('SIGHUP stops qmt-sim and its pty bridge', { timeout: 60_000 }, async () => {
  const marker = `sighup-${process.pid}`;
  const sim = spawn(
    process.execPath,
    [path.join(ROOT, 'bin', 'qmt-sim.js'), '--pty', '--host', `${marker}=127.0.0.1`],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await serving(sim);
  assert.ok(processesWith(marker).length >= 2, 'the simulator and its pty bridge');
  sim.kill('SIGHUP');
  assert.ok(await gone(marker), `still running: ${processesWith(marker).join(', ')}`);
});
