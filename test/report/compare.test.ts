import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyChange, compareRuns, formatComparison } from '../../src/report/compare';
import { tempDir, writeSyntheticResults, type SyntheticScenario } from './synthetic-results';

const v = 'EC200N-CN';
const run = (scenarios: SyntheticScenario[]) => writeSyntheticResults(tempDir('cmp'), scenarios);
const fail = 'non-conformance: expected OK, observed ERROR';

function fixture() {
  const a = run([
    { name: 's1', variant: v, status: 'passed', specIds: ['3.3.2:set'] },
    { name: 's2', variant: v, status: 'passed', specIds: ['3.3.3:set'] },
    { name: 's3', variant: v, status: 'failed', specIds: ['3.3.4:set'], message: fail },
    { name: 's4', variant: v, status: 'passed', specIds: ['3.3.5:set'] },
    { name: 's5', variant: v, status: 'passed', specIds: ['3.3.6:set'] },
    { name: 's6', variant: v, status: 'passed', specIds: ['3.3.7:set'] },
  ]);
  const b = run([
    { name: 's1', variant: v, status: 'failed', specIds: ['3.3.2:set'], message: fail }, // regressed
    { name: 's2', variant: v, status: 'passed', specIds: ['3.3.3:set'] }, // same
    { name: 's3', variant: v, status: 'passed', specIds: ['3.3.4:set'] }, // fixed
    { name: 's4', variant: v, status: 'skipped', specIds: ['3.3.5:set'], message: 'not applicable: x' }, // applicability
    { name: 's5', variant: v, status: 'failed', specIds: ['3.3.6:set'], message: fail }, // regressed
    { name: 's7', variant: v, status: 'passed', specIds: ['3.3.8:set'] }, // new; 3.3.7 removed
  ]);
  return { a, b };
}

test('names exactly the regressed, fixed, changed, new and removed items', () => {
  const { a, b } = fixture();
  const c = compareRuns(a, b);
  const ids = (kind: string) =>
    c.changes
      .filter((x) => x.kind === kind)
      .map((x) => x.itemId)
      .sort();
  assert.deepEqual(ids('regressed'), ['3.3.2:set', '3.3.6:set']);
  assert.deepEqual(ids('fixed'), ['3.3.4:set']);
  assert.deepEqual(ids('applicability changed'), ['3.3.5:set']);
  assert.deepEqual(ids('new'), ['3.3.8:set']);
  assert.deepEqual(ids('removed'), ['3.3.7:set']);
  assert.equal(c.changes.length, 6);
  assert.equal(c.counts.regressed, 2);
  assert.ok(c.changes.every((x) => x.variant === v));
  assert.match(c.changes[0].observed ?? '', /expected OK; observed ERROR/);
});

test('text output prints regressions first', () => {
  const { a, b } = fixture();
  const text = formatComparison(compareRuns(a, b));
  const at = (word: string) => text.indexOf(word);
  assert.ok(at('REGRESSED (2)') > 0);
  assert.ok(at('REGRESSED') < at('FIXED') && at('FIXED') < at('APPLICABILITY CHANGED'));
  assert.match(text, /3\.3\.2:set  EC200N-CN  pass → fail/);
});

test('identical runs compare clean', () => {
  const { a } = fixture();
  const c = compareRuns(a, a);
  assert.equal(c.changes.length, 0);
  assert.match(formatComparison(c), /No differences/);
});

test('transition table', () => {
  assert.equal(classifyChange('pass', 'pass'), undefined);
  assert.equal(classifyChange('pass', 'fail'), 'regressed');
  assert.equal(classifyChange('fail', 'pass'), 'fixed');
  assert.equal(classifyChange('pass', 'deviation'), 'regressed');
  assert.equal(classifyChange('deviation', 'fail'), 'regressed');
  assert.equal(classifyChange('deviation', 'pass'), 'fixed');
  assert.equal(classifyChange('pass', 'not judged'), 'changed');
  assert.equal(classifyChange('not judged', 'fail'), 'changed');
  assert.equal(classifyChange('n/a', 'fail'), 'applicability changed');
  assert.equal(classifyChange('absent', 'n/a'), 'new');
  assert.equal(classifyChange('fail', 'absent'), 'removed');
  assert.equal(classifyChange('pass', 'not run'), 'changed');
});

test('reading drift: reading id, value in A → value in B, beside the verdict changes', () => {
  const a = run([
    {
      name: 'r1',
      variant: v,
      status: 'passed',
      specIds: ['3.3.1:keepalive:set'],
      readings: ['A10=after-open', 'conn-ret-code=printed'],
    },
    { name: 'r2', variant: v, status: 'passed', specIds: ['3.3.3:set'], readings: ['close-stat=8', 'default:vsn=4'] },
  ]);
  const b = run([
    {
      name: 'r1',
      variant: v,
      status: 'passed',
      specIds: ['3.3.1:keepalive:set'],
      readings: ['A10=after-connect', 'conn-ret-code=printed'],
    },
    {
      name: 'r2',
      variant: v,
      status: 'failed',
      specIds: ['3.3.3:set'],
      readings: ['close-stat=none', 'default:vsn=4', 'A26=must-zero'],
      message: fail,
    },
  ]);
  const c = compareRuns(a, b);
  assert.deepEqual(
    c.readingDrift.map((d) => `${d.id}: ${d.before.join('+') || '-'} → ${d.after.join('+') || '-'}`),
    ['A10: after-open → after-connect', 'close-stat: 8 → none', 'A26: - → must-zero'],
    'value changes first, then readings one run did not observe; unchanged ones are not listed',
  );
  assert.ok(c.readingDrift.every((d) => d.variant === v));
  assert.equal(c.readingDrift[0].words.startsWith('3.3.1: '), true);
  assert.deepEqual(
    c.changes.map((x) => `${x.kind} ${x.itemId}`),
    ['regressed 3.3.3:set'],
  );
  const text = formatComparison(c);
  assert.match(text, /reading drift: 3/);
  assert.match(text, /READING DRIFT \(3\)/);
  assert.match(text, /^ {2}A10: after-open → after-connect {2}EC200N-CN$/m);
  assert.match(text, /^ {2}A26: \(not observed\) → must-zero/m);
  assert.ok(text.indexOf('REGRESSED') < text.indexOf('READING DRIFT'));
  assert.equal(compareRuns(a, a).readingDrift.length, 0);
});

test('one run against one run of another variant name is compared as a pair', () => {
  const a = run([{ name: 'r1', variant: v, status: 'passed', specIds: ['3.3.2:set'], readings: ['A10=after-open'] }]);
  const b = run([
    {
      name: 'r1',
      variant: 'alternate-readings',
      status: 'failed',
      specIds: ['3.3.2:set'],
      readings: ['A10=after-connect'],
      message: fail,
    },
  ]);
  const c = compareRuns(a, b);
  assert.deepEqual(
    c.changes.map((x) => `${x.kind} ${x.itemId} ${x.variant}`),
    ['regressed 3.3.2:set EC200N-CN → alternate-readings'],
  );
  assert.deepEqual(
    c.readingDrift.map((d) => `${d.variant} ${d.id}`),
    ['EC200N-CN → alternate-readings A10'],
  );
});
