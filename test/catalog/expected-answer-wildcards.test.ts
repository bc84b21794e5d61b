/**
 * No blind wildcards (docs/expected-answer-wildcards.md): a `*` in an expected answer is a check
 * that cannot fail on that field, so each one left in features/ has a comment just above it that
 * says why (the note's words that leave the field open), and a +QMTRECV a scenario expects names
 * its <msgid> by the wire, `{publish-msgid}`, never `*`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const FEATURES = path.resolve(__dirname, '..', '..', 'features');

function featureFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? featureFiles(path.join(dir, e.name))
      : e.name.endsWith('.feature')
        ? [path.join(dir, e.name)]
        : [],
  );
}

const COMMENT_REACH = 4;

test('every * in an expected answer has a comment above it saying why the note leaves it open', () => {
  const unexplained: string[] = [];
  for (const file of featureFiles(FEATURES)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (line.trim().startsWith('#') || !line.includes('*')) return;
      const above = lines.slice(Math.max(0, i - COMMENT_REACH), i);
      if (!above.some((l) => l.trim().startsWith('#') && l.includes('`*`')))
        unexplained.push(`${path.relative(FEATURES, file)}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(unexplained, []);
});

test('a +QMTRECV the module must report names its <msgid> by the wire, not *', () => {
  const blind = featureFiles(FEATURES).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => /module reports \+QMTRECV: \d+,\*/.test(l))
      .map((l) => `${path.relative(FEATURES, file)}: ${l.trim()}`),
  );
  assert.deepEqual(blind, []);
});
