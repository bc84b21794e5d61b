/**
 * No import circles in src/, steps/ or support/: a circle makes a module's exports undefined while
 * the other half of the circle loads, and a reader cannot tell which file is the lower layer.
 * The scan uses TypeScript's own pre-processor and module resolution (`ts.preProcessFile`,
 * `ts.resolveModuleName`) with the project's tsconfig: type-only imports count too, and no extra
 * dependency reads the files differently from the compiler that checks them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');
const SCANNED = ['src', 'steps', 'support'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? sources(full) : entry.endsWith('.ts') ? [full] : [];
  });
}

/** Each scanned file → the scanned files it imports (type-only, re-exports, require and import() included). */
function importGraph(): Map<string, string[]> {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    },
  );
  const options = config?.options ?? {};
  const files = SCANNED.flatMap((dir) => sources(path.join(ROOT, dir)));
  const scanned = new Set(files);
  return new Map(
    files.map((file) => {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      const targets = importedFiles
        .map((ref) => ts.resolveModuleName(ref.fileName, file, options, ts.sys).resolvedModule?.resolvedFileName)
        .filter((target): target is string => target !== undefined && scanned.has(target));
      return [path.relative(ROOT, file), [...new Set(targets.map((t) => path.relative(ROOT, t)))]];
    }),
  );
}

/**
 * The circles a depth-first walk meets, as the files in import order back to the first: at least
 * one through every group of files that import each other round (fixing it shows the next).
 */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (node: string) => {
    if (done.has(node)) return;
    const at = stack.indexOf(node);
    if (at >= 0) {
      cycles.push([...stack.slice(at), node]);
      return;
    }
    stack.push(node);
    for (const next of graph.get(node) ?? []) visit(next);
    stack.pop();
    done.add(node);
  };
  for (const node of [...graph.keys()].sort()) visit(node);
  return cycles;
}

test('no import circles in src/, steps/ or support/', () => {
  assert.deepEqual(
    findCycles(importGraph()).map((c) => c.join(' → ')),
    [],
  );
});

test('the cycle finder finds a circle, also one reached from outside it (a check that cannot fail proves nothing)', () => {
  const graph = new Map([
    ['a.ts', ['b.ts']],
    ['b.ts', ['c.ts']],
    ['c.ts', ['b.ts', 'd.ts']],
    ['d.ts', []],
  ]);
  assert.deepEqual(findCycles(graph), [['b.ts', 'c.ts', 'b.ts']]);
  assert.deepEqual(findCycles(new Map([['a.ts', ['a.ts']]])), [['a.ts', 'a.ts']]);
});

test('the scan sees the project’s imports, type-only ones included', () => {
  const graph = importGraph();
  // `import type { AtClient } from '../at/at-client'`: a type-only import.
  assert.ok(graph.get('src/qmt/open-ended-query.ts')?.includes('src/at/at-client.ts'), 'type-only import missed');
  assert.ok(
    [...graph.keys()].some((f) => f.startsWith('steps/')) && [...graph.keys()].some((f) => f.startsWith('support/')),
  );
});
