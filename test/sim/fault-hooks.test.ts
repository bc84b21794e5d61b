/**
 * One fault shape: a fault's id appears in src/ only in its catalog entry, and the hook its entry
 * names (`acts.at`) appears there and in exactly one implementation: the `faults.at()` call in
 * the file a flow hook is named after, or the row of its mechanism's table. Everything under src/
 * is scanned (code, comments, READMEs), so finding where a fault acts is one search for its hook.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { test } from 'node:test';
import { FAULTS } from '../../src/sim/faults/catalog';
import type { FaultMechanism } from '../../src/sim/faults/types';

const root = join(__dirname, '../..');

const CATALOG_FILES = new Set([
  'src/sim/faults/core-faults.ts',
  'src/sim/faults/mqtt-connection-faults.ts',
  'src/sim/faults/mqtt-message-faults.ts',
]);

/** The one table of each data mechanism (src/sim/faults/types.ts FaultMechanism). */
const TABLE_FILES: Record<Exclude<FaultMechanism, 'flow'>, string> = {
  range: 'src/sim/faults/range-faults.ts',
  'power-up': 'src/sim/faults/power-up-faults.ts',
  answer: 'src/sim/faults/handler-faults.ts',
  packet: 'src/sim/faults/packet-faults.ts',
  urc: 'src/sim/faults/urc-faults.ts',
};

interface Place {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

const SOURCES = filesUnder('src').map((file) => ({ file, lines: readFileSync(join(root, file), 'utf8').split('\n') }));

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every place `word` stands as a whole name: not part of a longer id or of a dotted hook name. */
function placesOf(word: string, sources = SOURCES): Place[] {
  const pattern = new RegExp(`(?<![\\w.-])${escape(word)}(?![\\w-]|\\.\\w)`);
  return sources.flatMap(({ file, lines }) =>
    lines.flatMap((text, i) => (pattern.test(text) ? [{ file, line: i + 1, text: text.trim() }] : [])),
  );
}

const where = (places: readonly Place[]): string =>
  places.length === 0 ? 'nowhere' : places.map((p) => `${p.file}:${p.line}: ${p.text}`).join('\n  ');

/** The file a flow hook names: `<file>.<decision>`, the folder standing for an index.ts. */
function flowHookFile(file: string): string {
  const stem = basename(file).replace(/\.[^.]+$/, '');
  return stem === 'index' ? basename(dirname(file)) : stem;
}

/** What is wrong with the one implementation of `fault`'s hook, or undefined when it is where it belongs. */
function misplaced(fault: (typeof FAULTS)[number], place: Place): string | undefined {
  const { kind, at } = fault.acts;
  const [prefix] = at.split('.');
  if (kind === 'flow') {
    if (place.file.startsWith('src/sim/faults/')) return 'a flow hook is asked in the module code, not in a table';
    if (flowHookFile(place.file) !== prefix)
      return `a flow hook is named after its file: "${prefix}." is not ${place.file}`;
    if (!place.text.includes(`faults.at('${at}')`)) return `a flow hook is asked as faults.at('${at}')`;
    return undefined;
  }
  if (prefix !== kind) return `a ${kind} hook is named "${kind}.<what>"`;
  if (place.file !== TABLE_FILES[kind]) return `a ${kind} hook is a row of ${TABLE_FILES[kind]}`;
  return undefined;
}

test('a fault id appears in src/ only in its catalog entry', () => {
  const problems = FAULTS.flatMap((fault) => {
    const places = placesOf(fault.id);
    const elsewhere = places.filter((p) => !CATALOG_FILES.has(p.file));
    if (elsewhere.length === 0 && places.length === 1) return [];
    return [`${fault.id} appears ${places.length} times; only its catalog entry may name it:\n  ${where(places)}`];
  });
  assert.deepEqual(problems, [], problems.join('\n'));
});

test("a fault's hook appears in its catalog entry and in exactly one implementation, where its mechanism lives", () => {
  const problems = FAULTS.flatMap((fault) => {
    const places = placesOf(fault.acts.at);
    const inCatalog = places.filter((p) => CATALOG_FILES.has(p.file));
    const implementations = places.filter((p) => !CATALOG_FILES.has(p.file));
    const label = `${fault.id} (${fault.acts.kind} hook ${fault.acts.at})`;
    if (inCatalog.length !== 1)
      return [`${label} is named ${inCatalog.length} times in the catalog:\n  ${where(inCatalog)}`];
    if (implementations.length !== 1)
      return [
        `${label} needs exactly one implementation, found ${implementations.length}:\n  ${where(implementations)}`,
      ];
    const wrong = misplaced(fault, implementations[0]);
    return wrong ? [`${label}: ${wrong}\n  ${where(implementations)}`] : [];
  });
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('no hook name contains a fault id, so a search for an id finds only its catalog entry', () => {
  const clashes = FAULTS.flatMap((fault) =>
    FAULTS.filter((other) => other.acts.at.includes(fault.id)).map(
      (other) => `hook ${other.acts.at} (of ${other.id}) contains the id ${fault.id}`,
    ),
  );
  assert.deepEqual(clashes, [], clashes.join('\n'));
});

test('the scan sees what it looks for: a stray id or a second hook call is reported with its place', () => {
  const [flow] = FAULTS.filter((f) => f.acts.kind === 'flow');
  const stray = [{ file: 'stray', lines: ['', `if (faults.at('${flow.acts.at}') || x === '${flow.id}') {}`] }];
  assert.deepEqual(
    placesOf(flow.id, stray).map((p) => `${p.file}:${p.line}`),
    ['stray:2'],
  );
  assert.equal(placesOf(flow.acts.at, stray).length, 1);
  // A longer name that merely starts with an id or a hook is not that id or hook.
  assert.equal(placesOf(flow.id, [{ file: 'x', lines: [`'${flow.id}-2'`, `'x-${flow.id}'`] }]).length, 0);
  assert.equal(placesOf(flow.acts.at, [{ file: 'x', lines: [`'${flow.acts.at}.more'`] }]).length, 0);
});
