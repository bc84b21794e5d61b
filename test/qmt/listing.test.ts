/** Test-form listings compared by meaning: ranges strict, typesetting lenient. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareListing, parseListingLine, printedAsInNote } from '../../src/qmt/listing';

const NOTE = [
  '+QMTCFG: "version",(0-5),(3,4)',
  '+QMTCFG: "keepalive",(0-5),(0-3600)',
  '+QMTCFG: "timeout",(0-5),(1-60),(0-10),(0,1)',
  '+QMTCFG: "hwauth",(0-5),"product id","device secret"',
  '+QMTCFG: "dataformat",(0-5), (0,1), (0,1)',
];

test('a line is split into its sub-option, ranges, lists and text', () => {
  const entry = parseListingLine('+QMTCFG: "willex",(0-5),(0,1),(0-2),(0,1),"willtopic",(0-256)');
  assert.equal(entry?.key, '+QMTCFG "willex"');
  assert.deepEqual(
    entry?.parameters.map((p) => (p.kind === 'values' ? p.intervals : p.text)),
    [[[0, 5]], [[0, 1]], [[0, 2]], [[0, 1]], '"willtopic"', [[0, 256]]],
  );
  const sub = parseListingLine('+QMTSUB: (0-5),<msgid>, list of ["topic",qos]');
  assert.equal(sub?.key, '+QMTSUB');
  assert.deepEqual(
    sub?.parameters.map((p) => p.text),
    ['(0-5)', '<msgid>', 'list of ["topic",qos]'],
  );
});

test("the note's own lines pass with no note at all", () => {
  assert.deepEqual(compareListing(NOTE, [...NOTE, 'OK']), { problems: [], notes: [] });
  assert.equal(printedAsInNote(NOTE, [...NOTE, 'OK']), true);
});

test('spaces, another order, an extra sub-option and other descriptive words pass with notes', () => {
  const module = [
    '+QMTCFG: "CTWing",(0-5),"client_id","feature_string"',
    '+QMTCFG: "timeout",(0-5),(1-60),(0-10),(0,1)',
    '+QMTCFG: "version",(0-5),(3,4)',
    '+QMTCFG: "keepalive",(0-5),(0-3600)',
    '+QMTCFG: "hwauth",(0-5),"product id","device id"',
    '+QMTCFG: "dataformat",(0-5),(0,1),(0,1)',
  ];
  const result = compareListing(NOTE, module);
  assert.deepEqual(result.problems, []);
  assert.ok(
    result.notes.some((n) => n.includes('extra sub-option "CTWing"')),
    result.notes.join('\n'),
  );
  assert.ok(result.notes.some((n) => n.includes('another order')));
  assert.ok(result.notes.some((n) => n.includes('whitespace') && n.includes('"dataformat"')));
  assert.ok(result.notes.some((n) => n.includes('"device id"')));
  assert.equal(printedAsInNote(NOTE, module), false);
});

test('a list written as a range of the same values is a note, not a failure', () => {
  const result = compareListing(['+QMTCFG: "session",(0-5),(0,1)'], ['+QMTCFG: "session",(0-5),(0-1)']);
  assert.deepEqual(result.problems, []);
  assert.equal(result.notes.length, 1);
});

test('a missing sub-option, a different range or list, and a wrong parameter count fail', () => {
  const module = [
    '+QMTCFG: "version",(0-5),(3,4,5)',
    '+QMTCFG: "keepalive",(0-5),(0-7200)',
    '+QMTCFG: "hwauth",(0-5),"product id"',
    '+QMTCFG: "dataformat",(0-5),(0,1),(0,1)',
  ];
  const { problems } = compareListing(NOTE, module);
  assert.ok(
    problems.some((p) => p.includes('missing sub-option "timeout"')),
    problems.join('\n'),
  );
  assert.ok(problems.some((p) => p.includes('"keepalive" parameter 2: (0-7200) where the note lists (0-3600)')));
  assert.ok(problems.some((p) => p.includes('"version" parameter 2: (3-5)')));
  assert.ok(problems.some((p) => p.includes('"hwauth" lists 2 parameters where the note lists 3')));
  assert.equal(problems.length, 4);
});

test('a range where the note has text, a duplicated entry and a stray line fail', () => {
  const { problems } = compareListing(
    ['+QMTOPEN: (0-5),"hostname",(0-65535)'],
    ['+QMTOPEN: (0-5),(0-9),(0-65535)', '+QMTOPEN: (0-5),"hostname",(0-65535)', 'garbage'],
  );
  assert.ok(
    problems.some((p) => p.includes('listed 2 times')),
    problems.join('\n'),
  );
  assert.ok(problems.some((p) => p.includes('not a listing entry')));
});
