/**
 * Small files with one job each (CONTRIBUTING.md, "Layers and walls"): no source file of the harness or
 * the simulator is over 350 lines. A file that grows past it is split by job, not trimmed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const LIMIT = 350;
const FOLDERS = ['src', 'steps', 'support', 'scripts', 'bin'];

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(rel);
    return /\.(ts|js)$/.test(entry.name) ? [rel] : [];
  });
}

const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

export function overLimit(files: readonly { name: string; text: string }[], limit = LIMIT): string[] {
  return files.filter((f) => lineCount(f.text) > limit).map((f) => `${f.name}: ${lineCount(f.text)} lines`);
}

test(`no source file is over ${LIMIT} lines`, () => {
  const files = FOLDERS.flatMap(sources).map((name) => ({ name, text: readFileSync(path.join(ROOT, name), 'utf8') }));
  assert.ok(files.length > 200, `the scan reads the sources: ${files.length} files`);
  assert.deepEqual(overLimit(files), []);
});

test('the check can fail: a file one line over the limit is named', () => {
  const text = 'x\n'.repeat(LIMIT + 1);
  assert.deepEqual(overLimit([{ name: 'long.ts', text }]), [`long.ts: ${LIMIT + 1} lines`]);
  assert.deepEqual(overLimit([{ name: 'short.ts', text: 'x\n'.repeat(LIMIT) }]), []);
});
