/**
 * Everything the code cites is in the repository: a comment, a test name or a profile's `source`
 * may cite the note (`spec 3.3.8`, `A33`), a file or a document of this repository
 * (`docs/field-evidence.md#split-layout`), never a document a reader cannot open (notes kept
 * outside the repository, a sibling checkout) nor an issue number of a tracker nobody can see.
 * A cited file must exist, and a cited `#anchor` must be a heading of that document.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const THIS_FILE = path.relative(ROOT, __filename).split(path.sep).join('/');

/** Code, tests, data and the documents beside them. `spec/` is a verbatim copy of the note's data. */
const SCANNED_DIRS = [
  'src',
  'steps',
  'support',
  'test',
  'scripts',
  'bench',
  'bin',
  'features',
  'examples',
  'profiles',
  'docs',
  '.ci',
];
const SCANNED_ROOT_FILES = [
  'README.md',
  'CONTRIBUTING.md',
  'package.json',
  'tsconfig.json',
  '.prettierignore',
  '.gitignore',
];
const SKIPPED_DIRS = new Set(['node_modules', 'reports', '.tools', '.git']);
const TEXT_FILE = /\.(?:ts|js|mjs|cjs|json|feature|md|sh|py|ya?ml|txt)$|^run$/;

/**
 * Where a reference outside the repository is what the code does, not a citation: the test that
 * keeps the spec data in step with the shared copy beside a checkout (skipped when it is absent).
 */
const ALLOWED: { file: string; rule: string }[] = [{ file: 'test/spec/catalog-in-step.test.ts', rule: 'outside' }];

interface Rule {
  readonly id: string;
  readonly pattern: RegExp;
  readonly why: string;
}

const RULES: readonly Rule[] = [
  {
    id: 'field-notes',
    pattern: /FIELD[-_ ]?NOTES|\bfield[- ]notes?\b/i,
    why: 'the field notes are not in the repository: cite docs/field-evidence.md#<section>',
  },
  {
    id: 'outside',
    pattern: /\.\.\/shared\b|\/work\/shared\b/,
    why: 'a path outside the repository',
  },
  {
    id: 'issue-number',
    pattern:
      /\b(?:issues?|tickets?|PR|pull requests?|bugs?)\s*#?\d+|\(#\d+\)|\bitems?\s+\d+(?:\s*(?:,|and)\s*\d+)*\b(?![.:\d])/i,
    why: 'an issue or item number of a tracker the reader cannot open: say why instead',
  },
  {
    id: 'brief',
    pattern: /\b(?:spec|report|common|helper|session)\s+brief\b|\bthe lead(?:'s)?\b/i,
    why: 'a brief or a person outside the repository: say why instead',
  },
];

/** A path into the repository's folders, or a bare upper-case document name (README.md, DESIGN.md). */
const REPO_PATH =
  /(?<![\w/.-])((?:docs|spec|src|examples|test|profiles|features|scripts|bench|steps|support)\/[\w./-]*\w\.(?:md|json|txt|ts|js))(#[\w-]+)?/g;
const UPPER_DOC = /(?<![\w/.-])([A-Z][A-Z0-9_-]*\.md)(#[\w-]+)?\b/g;
const RELATIVE_DOC = /(?<![\w/.-])(\.\.?\/[\w./-]*\w\.md)(#[\w-]+)?/g;
/** A Markdown link in a document: `[text](target#anchor)` or `[text](#anchor)`. */
const MD_LINK = /\]\(([^)#\s]*)(#[^)\s]+)?\)/g;

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    if (SKIPPED_DIRS.has(entry)) return [];
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return files(full);
    return TEXT_FILE.test(entry) ? [full] : [];
  });
}

function scannedFiles(): string[] {
  return [
    ...SCANNED_DIRS.flatMap((d) => files(path.join(ROOT, d))),
    ...SCANNED_ROOT_FILES.map((f) => path.join(ROOT, f)).filter((f) => existsSync(f)),
  ]
    .map((f) => path.relative(ROOT, f).split(path.sep).join('/'))
    .filter((f) => f !== THIS_FILE)
    .sort();
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = heading[1]!
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** Why a cited file (and anchor) does not resolve, or undefined when it does. */
function unresolved(
  target: string,
  anchor: string | undefined,
  citingFile: string,
  rootFirst: boolean,
): string | undefined {
  const candidates = [path.join(ROOT, path.dirname(citingFile), target), path.join(ROOT, target)];
  const found = (rootFirst ? candidates.reverse() : candidates).find((c) => existsSync(c));
  if (!found) return `${target} is not in the repository`;
  if (!anchor || !found.endsWith('.md')) return undefined;
  const name = decodeURIComponent(anchor.slice(1));
  return headingAnchors(readFileSync(found, 'utf8')).has(name) ? undefined : `${target} has no heading for ${anchor}`;
}

/** Every offence of one file's text, as `file:line: why — the line`. */
export function offences(file: string, text: string): string[] {
  const found: string[] = [];
  const isMarkdown = file.endsWith('.md');
  text.split('\n').forEach((line, i) => {
    const at = `${file}:${i + 1}`;
    const quote = line.trim().slice(0, 160);
    for (const rule of RULES) {
      if (ALLOWED.some((a) => a.file === file && a.rule === rule.id)) continue;
      if (rule.pattern.test(line)) found.push(`${at}: ${rule.why} — ${quote}`);
    }
    const cite = (target: string, anchor: string | undefined, rootFirst: boolean) => {
      if (target.includes('${') || target.startsWith('reports/')) return; // a file name being built, or run output
      const why = unresolved(target, anchor, file, rootFirst);
      if (why) found.push(`${at}: ${why} — ${quote}`);
    };
    for (const m of line.matchAll(REPO_PATH)) cite(m[1]!, m[2], true);
    for (const m of line.matchAll(UPPER_DOC)) cite(m[1]!, m[2], false);
    for (const m of line.matchAll(RELATIVE_DOC)) cite(m[1]!, m[2], false);
    if (isMarkdown) {
      for (const m of line.matchAll(MD_LINK)) {
        const target = m[1]!;
        if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
        if (target === '') {
          if (m[2] && !headingAnchors(text).has(decodeURIComponent(m[2].slice(1))))
            found.push(`${at}: no heading for ${m[2]} in this document — ${quote}`);
          continue;
        }
        cite(target, m[2], false);
      }
    }
  });
  return found;
}

test('the scan reads the code, the tests, the profiles and the documents', () => {
  const scanned = scannedFiles();
  assert.ok(scanned.length > 300, `only ${scanned.length} files scanned`);
  for (const expected of ['src/qmt/host.ts', 'steps/at_exchange_steps.ts', 'profiles/EC200N-CN.json', 'README.md']) {
    assert.ok(scanned.includes(expected), `${expected} is not scanned`);
  }
});

test('code, tests and documents cite only documents in the repository, and no issue numbers', () => {
  const all = scannedFiles().flatMap((file) => offences(file, readFileSync(path.join(ROOT, file), 'utf8')));
  assert.deepEqual(all, []);
});

test('every rule can fail (a check that cannot fail proves nothing)', () => {
  const flagged = (text: string, file = 'src/x.ts') => offences(file, text).length;
  assert.equal(flagged('// EC200U boots with ATE1 (FIELD-NOTES "More evidence")'), 1);
  assert.equal(flagged('// the field notes show plain ERROR'), 1);
  assert.equal(flagged('// see ../shared/spec/quectel-mqtt-at.json'), 1);
  assert.equal(flagged('// Issue 9: a module lost mid-run'), 1);
  assert.equal(flagged("// issue 8's coverage gap"), 1);
  assert.equal(flagged('// fixed in (#12)'), 1);
  assert.equal(flagged('/** compared by meaning (item 6) */'), 1);
  assert.equal(flagged('// label contract in the report brief'), 1);
  assert.equal(flagged('// layer rules of DESIGN.md'), 1);
  assert.equal(flagged('// docs/field-evidence.md#no-such-section'), 1);
  assert.equal(flagged('// spec/quectel-mqtt-at-en.md says so'), 1);
  assert.equal(flagged('see [the notes](missing.md)', 'docs/x.md'), 1);
  assert.equal(flagged('see [above](#nowhere)', 'docs/x.md'), 1);
  // What may be cited passes.
  assert.equal(flagged('// spec 3.3.8 and A33: the length is the authority (docs/field-evidence.md#split-layout)'), 0);
  assert.equal(flagged('// spec item 3.3.1:keepalive:set, README.md, docs/glossary.md#reading'), 0);
  assert.equal(flagged('// written to reports/fault-coverage.md'), 0);
});

test('heading anchors are the ones GitHub makes', () => {
  const anchors = headingAnchors(
    '# Field evidence: what real modules do\n## QMTRECV layouts\n```\n# not a heading\n```\n## Errors\n## Errors\n',
  );
  assert.deepEqual([...anchors], ['field-evidence-what-real-modules-do', 'qmtrecv-layouts', 'errors', 'errors-1']);
});
