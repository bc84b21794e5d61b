/**
 * `qmt characterize` against the simulator under a profile writes that profile's readings and
 * unstated defaults back: every reading the note leaves open is probed by some scenario, and each
 * is observed as the simulated firmware takes it (issue: characterising alternate-readings must
 * reproduce its file).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadProfileFile, PROFILES_DIR, VARIANT_FILES } from '../../src/variants/profiles';
import { ROOT, tempDir } from './helpers';

function characterize(profile: string, out: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'qmt.js'), 'characterize', '--sim-profile', profile, '--out', out], { cwd: ROOT });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (status) => resolve({ status, output }));
  });
}

const PROFILES = ['alternate-readings', ...VARIANT_FILES];

test('characterising the simulator under each profile writes back its readings and defaults', { timeout: 600_000 }, async () => {
  const dir = tempDir('qmt-characterize-');
  // Two at a time: the machine has two cores.
  const results: { name: string; status: number | null; output: string; out: string }[] = [];
  for (let i = 0; i < PROFILES.length; i += 2) {
    const batch = PROFILES.slice(i, i + 2).map(async (name) => {
      const out = path.join(dir, `${name}.json`);
      const run = await characterize(path.join(PROFILES_DIR, `${name}.json`), out);
      return { name, out, ...run };
    });
    results.push(...(await Promise.all(batch)));
  }
  for (const { name, status, output, out } of results) {
    assert.equal(status, 0, `${name}: ${output}`);
    const declared = loadProfileFile(path.join(PROFILES_DIR, `${name}.json`));
    const written = loadProfileFile(out);
    assert.deepEqual(written.readings, declared.readings, `${name}: readings differ`);
    assert.deepEqual(written.defaults, declared.defaults, `${name}: defaults differ`);
    assert.doesNotMatch(readFileSync(out, 'utf8'), /not observed/, `${name}: every reading is observed`);
  }
});
