/**
 * Nothing lost: a run interrupted with Ctrl-C (SIGINT) exits 130 and keeps on disk the results of
 * every scenario that finished before it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT, tempDir } from './helpers';

test('an interrupted run exits 130 and keeps the finished results', { timeout: 120_000 }, async () => {
  const results = path.join(tempDir('qmt-interrupt-'), 'results');
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'bin', 'qmt.js'), 'run', '--results', results, '--no-report'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // Interrupt once a few scenarios have finished (the results folder fills as they do).
  const started = Date.now();
  while (Date.now() - started < 60_000) {
    await new Promise((r) => setTimeout(r, 200));
    if (existsSync(results) && readdirSync(results).filter((f) => f.endsWith('-result.json')).length >= 5) break;
  }
  child.kill('SIGINT');
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  assert.equal(code, 130, output);
  assert.match(output, /qmt: interrupted \(SIGINT\);.* results of the \d+ finished scenarios are kept in/);
  const kept = readdirSync(results).filter((f) => f.endsWith('-result.json'));
  assert.ok(kept.length >= 5, `expected the finished results on disk, found ${kept.length}`);
});
