/**
 * With several --port's every input check runs before any worker starts, as with one: a results
 * folder holding a file qmt did not write survives (exit 2, one line), a taken --broker-port
 * (N, N+1, … one per module) stops the run before any scenario, an empty selection too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runQmt, tempDir } from './helpers';
import { freePort, listenOn } from './failing-run-helpers';
import { startBox } from './rig-in-a-box';

function assertRefused(args: string[], problem: RegExp): void {
  const { status, output } = runQmt(args);
  assert.equal(status, 2, output);
  const lines = output.split('\n').filter((l) => l.trim() !== '');
  assert.equal(lines.length, 1, `expected one line, got:\n${output}`);
  assert.match(lines[0] as string, problem);
}

test('three ports: bad input is refused before any worker starts', { timeout: 120_000 }, async () => {
  const box = await startBox(['--pty', '--count', '3'], 3);
  try {
    const ports = box.modules.flatMap((m) => ['--port', m.where]);
    const notes = tempDir('qmt-notes-');
    writeFileSync(path.join(notes, 'notes.txt'), 'keep me');
    assertRefused(['run', ...ports, '--no-report', '--results', notes], /--results \S+: holds "notes\.txt"/);
    assert.deepEqual(readdirSync(notes), ['notes.txt']);
    assert.equal(readFileSync(path.join(notes, 'notes.txt'), 'utf8'), 'keep me');

    const file = path.join(notes, 'notes.txt');
    assertRefused(['run', ...ports, '--no-report', '--results', file], /is a file, not a folder/);
    assert.equal(readFileSync(file, 'utf8'), 'keep me');

    assertRefused(
      ['run', ...ports, '--no-report', '--tags', '@no-such-tag'],
      /no scenario matches --tags "@no-such-tag"/,
    );

    // The second module's broker port (N+1) is the one taken: no worker may start.
    const base = await freePort();
    const squatter = (await listenOn(base + 1))!;
    const results = path.join(tempDir('qmt-rigs-'), 'results');
    try {
      assertRefused(
        ['run', ...ports, '--no-report', '--results', results, '--broker-port', String(base)],
        new RegExp(`--broker-port ${base + 1}: 127\\.0\\.0\\.1:${base + 1} is taken by another process`),
      );
    } finally {
      await new Promise((r) => squatter.close(r));
    }
    assert.equal(existsSync(results), false, 'no worker wrote results');
  } finally {
    box.child.kill('SIGTERM');
  }
});
