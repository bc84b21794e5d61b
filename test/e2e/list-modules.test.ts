/**
 * A rig in a box (`qmt-sim --pty --count 3`: three modules, three variants, three
 * pseudo-terminals) is what `qmt list` finds; a port where nothing answers AT is listed as a
 * problem, not as a module.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { PTY_BRIDGE_SCRIPT } from '../../src/sim/serve/pty';
import { ROOT } from './helpers';
import { startBox } from './rig-in-a-box';

test(
  'qmt list --json finds each module of a rig in a box with its variant; a silent port is a problem',
  { timeout: 120_000 },
  async () => {
    const box = await startBox(['--pty', '--count', '3'], 3);
    const silent = spawn('python3', ['-u', PTY_BRIDGE_SCRIPT], { stdio: ['pipe', 'pipe', 'ignore'] });
    try {
      assert.equal(new Set(box.modules.map((m) => m.variant)).size, 3, 'three different variants');
      const [first] = (await once(silent.stdout, 'data')) as [Buffer];
      const silentPath = first.toString().split('\n')[0].trim();
      silent.stdout.resume();
      const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'qmt.js'), 'list', '--json'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, QMT_RIG_PORTS: [...box.modules.map((m) => m.where), silentPath].join(',') },
      });
      assert.equal(run.status, 0, run.stderr);
      const listed = JSON.parse(run.stdout) as {
        modules: { port: string; variant: string; revision: string; imei: string }[];
        problems: { ports: string[]; problem: string }[];
      };
      assert.deepEqual(
        listed.modules.map((m) => [m.port, m.variant]),
        box.modules.map((m) => [m.where, m.variant]),
      );
      for (const m of listed.modules) assert.match(m.imei, /^\*+\d{4}$/, 'IMEI masked as in reports');
      assert.deepEqual(listed.problems, [{ ports: [silentPath], problem: `${silentPath}: no answer to AT` }]);
    } finally {
      box.child.kill('SIGTERM');
      silent.kill('SIGTERM');
    }
  },
);

test('qmt-sim --count rejects a bad count in one line with exit code 2', () => {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'qmt-sim.js'), '--pty', '--count', '0'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.equal(run.status, 2);
  assert.equal(run.stderr, 'qmt-sim: --count expects 1..16, got "0"\n');
});
