/**
 * Steps only translate Gherkin words into one call and one assertion. Fails when a step
 * body grows past 5 lines, when steps/ swallows a timeout (`.catch(() => undefined)`) instead of
 * asking a helper that judges it, when a step is defined by a hand-built RegExp rather than a
 * Cucumber Expression, or when a step file keeps its own helpers or constant tables.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { otherTopLevelStatements, stepShapes } from './step-shape';

const ROOT = path.resolve(__dirname, '..', '..');
const STEPS = path.join(ROOT, 'steps');
const MAX_BODY_LINES = 5;

const stepFiles = readdirSync(STEPS, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: `steps/${f}`, text: readFileSync(path.join(STEPS, f), 'utf8') }));
const shapes = stepFiles.flatMap(({ file, text }) => stepShapes(file, text));

test('steps/ defines steps (the checks below look at something)', () => {
  assert.ok(shapes.length > 50, `only ${shapes.length} step definitions found`);
});

test(`no step body is longer than ${MAX_BODY_LINES} lines`, () => {
  const long = shapes.filter((s) => s.bodyLines > MAX_BODY_LINES);
  assert.deepEqual(
    long.map((s) => `${s.file}:${s.line} (${s.bodyLines} lines)`),
    [],
  );
});

test('every step is a Cucumber Expression (no RegExp literal, no new RegExp)', () => {
  const notExpressions = shapes.filter((s) => s.expression === undefined);
  assert.deepEqual(
    notExpressions.map((s) => `${s.file}:${s.line}: ${s.patternText}`),
    [],
  );
});

test('steps/ never swallows a timeout with .catch(() => undefined)', () => {
  const swallows = /\.catch\(\s*\(\s*\)\s*=>\s*undefined\s*\)/;
  assert.deepEqual(
    stepFiles.filter(({ text }) => swallows.test(text)).map(({ file }) => file),
    [],
  );
});

test('step files hold only imports and step definitions (no helpers, no copied constant tables)', () => {
  assert.deepEqual(
    stepFiles.flatMap(({ file, text }) => otherTopLevelStatements(file, text)),
    [],
  );
});

// A rule that cannot fail proves nothing: the same reader on a step file written the old way.
test('the reader finds long bodies, regular expressions and helpers', () => {
  const old = [
    "import { Then } from '@cucumber/cucumber';",
    "const PACKET_TYPES = 'CONNECT|PUBLISH';",
    'Then(new RegExp(`^the broker receives an? (${PACKET_TYPES})$`), async function (type: string) {',
    '  const a = 1;',
    '  const b = 2;',
    '  const c = 3;',
    '  const d = 4;',
    '  const e = 5;',
    '  const f = 6;',
    '});',
    'Then(/^(\\d+) seconds pass$/, (s: string) => s);',
    "When('the module answers OK', function () { return undefined; });",
  ].join('\n');
  const found = stepShapes('old.ts', old);
  const seen = found.map((s) => [s.expression, s.bodyLines]);
  assert.deepEqual(seen, [
    [undefined, 6],
    [undefined, 1],
    ['the module answers OK', 1],
  ]);
  assert.equal(otherTopLevelStatements('old.ts', old).length, 1);
});
