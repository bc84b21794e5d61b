/**
 * The compiled tree .build/ (scripts/build.js) is used only while it matches the sources: an edit,
 * a new file or a removed one sends the entry points back to the TypeScript (scripts/sources.js),
 * so a stale build never runs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const { buildStamp } = require('../../scripts/source-files') as { buildStamp(root: string): unknown };
const { buildIsCurrent } = require('../../scripts/sources') as { buildIsCurrent(root: string): boolean };

function project(): { root: string; stamp(): void } {
  const root = mkdtempSync(path.join(tmpdir(), 'qmt-sources-'));
  for (const dir of ['src/cli', 'steps', 'support']) mkdirSync(path.join(root, dir), { recursive: true });
  writeFileSync(path.join(root, 'src', 'cli', 'main.ts'), 'export const x = 1;\n');
  writeFileSync(path.join(root, 'steps', 'a_steps.ts'), 'export {};\n');
  writeFileSync(path.join(root, 'support', 'world.ts'), 'export {};\n');
  const stamp = () => {
    mkdirSync(path.join(root, '.build'), { recursive: true });
    writeFileSync(path.join(root, '.build/sources.json'), JSON.stringify(buildStamp(root)));
  };
  return { root, stamp };
}

test('a build that matches the sources is used', () => {
  const p = project();
  p.stamp();
  assert.equal(buildIsCurrent(p.root), true);
});

test('no build, or QMT_SOURCES=ts: the TypeScript is used', () => {
  const p = project();
  assert.equal(buildIsCurrent(p.root), false);
  p.stamp();
  process.env.QMT_SOURCES = 'ts';
  try {
    assert.equal(buildIsCurrent(p.root), false);
  } finally {
    delete process.env.QMT_SOURCES;
  }
});

test('an edited, added or removed source makes the build stale', () => {
  const p = project();
  p.stamp();
  const main = path.join(p.root, 'src', 'cli', 'main.ts');
  writeFileSync(main, 'export const x = 2;\n'); // same size, new time
  utimesSync(main, new Date(), new Date(Date.now() + 5_000));
  assert.equal(buildIsCurrent(p.root), false, 'edited');
  p.stamp();
  writeFileSync(path.join(p.root, 'steps', 'b_steps.ts'), 'export {};\n');
  assert.equal(buildIsCurrent(p.root), false, 'added');
  p.stamp();
  rmSync(path.join(p.root, 'support', 'world.ts'));
  assert.equal(buildIsCurrent(p.root), false, 'removed');
});
