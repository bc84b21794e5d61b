/**
 * The layer rules of CONTRIBUTING.md#layers-and-walls, as a test: the simulated module is the other
 * side of the wire and shares no code with the harness's AT client, QMT host, steps or support;
 * only spec data, the clock and the variant profiles. A shared bug would let a broken module pass.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? sources(full) : entry.endsWith('.ts') ? [full] : [];
  });
}

/** Every relative import of a file, resolved to a path under the project root. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(
      /(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]|require\(\s*['"](\.[^'"]+)['"]\s*\)|import\(\s*['"](\.[^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3]);
  return specifiers.map((s) => path.relative(ROOT, path.resolve(path.dirname(file), s as string)));
}

const RULES: { layer: string; mayNotImport: string[] }[] = [
  {
    layer: 'src/sim',
    mayNotImport: ['src/at', 'src/qmt', 'src/rig', 'src/broker', 'src/report', 'src/cli', 'steps', 'support'],
  },
  { layer: 'src/at', mayNotImport: ['src/sim', 'src/qmt', 'steps', 'support'] },
  { layer: 'src/qmt', mayNotImport: ['src/sim', 'steps', 'support'] },
  { layer: 'src/report', mayNotImport: ['src/sim', 'steps', 'support'] },
];

/**
 * Leaves that everything may use and that use nothing else of the project's: the spec data
 * (src/spec reads spec/quectel-mqtt-at.json), the variant profiles (the only thing simulator and
 * harness share besides the clock), the clock, the secret masker. The broker fixture is the
 * network side: it knows only the clock.
 */
const LEAVES: { layer: string; mayImportOnly: string[] }[] = [
  { layer: 'src/spec', mayImportOnly: ['spec'] },
  { layer: 'src/variants', mayImportOnly: [] },
  { layer: 'src/clock', mayImportOnly: [] },
  { layer: 'src/secrets', mayImportOnly: [] },
  { layer: 'src/broker', mayImportOnly: ['src/clock'] },
];

for (const leaf of LEAVES) {
  test(`${leaf.layer} imports ${leaf.mayImportOnly.length ? `only ${leaf.mayImportOnly.join(', ')}` : 'nothing else of the project'}`, () => {
    const inside = (target: string, dir: string) => target === dir || target.startsWith(`${dir}/`);
    const offences = sources(path.join(ROOT, leaf.layer)).flatMap((file) =>
      imports(file)
        .filter(
          (target) => !inside(target, leaf.layer) && !leaf.mayImportOnly.some((allowed) => inside(target, allowed)),
        )
        .map((target) => `${path.relative(ROOT, file)} → ${target}`),
    );
    assert.deepEqual(offences, []);
  });
}

for (const rule of RULES) {
  test(`${rule.layer} does not import ${rule.mayNotImport.join(', ')}`, () => {
    const offences = sources(path.join(ROOT, rule.layer)).flatMap((file) =>
      imports(file)
        .filter((target) =>
          rule.mayNotImport.some((forbidden) => target === forbidden || target.startsWith(`${forbidden}/`)),
        )
        .map((target) => `${path.relative(ROOT, file)} → ${target}`),
    );
    assert.deepEqual(offences, []);
  });
}

/**
 * The Cucumber layer reaches src/qmt through its one entry point, src/qmt/index.ts: what is not
 * exported there is internal to src/qmt and free to change (CONTRIBUTING.md#what-steps-call-in-srcqmt).
 */
test('steps/ and support/ import src/qmt only through src/qmt/index.ts', () => {
  const cucumberLayer = ['steps', 'support'].flatMap((dir) => sources(path.join(ROOT, dir)));
  const targets = cucumberLayer.flatMap((file) => imports(file).map((target) => ({ file, target })));
  const offences = targets
    .filter(({ target }) => target.startsWith('src/qmt/') && target !== 'src/qmt/index')
    .map(({ file, target }) => `${path.relative(ROOT, file)} → ${target}`);
  assert.deepEqual(offences, []);
  // The rule has something to hold: the layer does use src/qmt, by the path the rule expects.
  assert.ok(targets.some(({ target }) => target === 'src/qmt'));
});

test('the import scanner sees relative imports (a rule that cannot fail proves nothing)', () => {
  const found = imports(path.join(ROOT, 'src/sim/core/simulated-module.ts'));
  assert.ok(
    found.some((t) => t.startsWith('src/')),
    found.join(', '),
  );
});
