/**
 * URCs the note allows between a reading's rows (src/qmt/allowed-interleavings.ts): AT+QMTCONN's
 * own <result> 2 before Excep1's +QMTSTAT, the CONNECT's table 4 codes before <result> 2, and
 * nothing else: a success, an unlisted <result>, another client's URC still settle the question.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Urc } from '../../src/at/types';
import { allowedInterleaving, readingInPlay } from '../../src/qmt/allowed-interleavings';
import { parseExpectedUrc } from '../../src/qmt/urc-match';

function urc(text: string): Urc {
  const [name, rest = ''] = text.split(': ');
  return { text, name: name as string, fields: rest ? rest.split(',') : [], at: 0 };
}

const A3_ROWS = [parseExpectedUrc('+QMTSTAT: 0,4'), parseExpectedUrc('+QMTCONN: 0,1,1')];
const AFTER_CONN = new Set(['+QMTCFG', '+QMTOPEN', '+QMTCONN']);

test("+QMTCONN: 0,2 may come before Excep1's +QMTSTAT: 0,4, and shows reading excep1-conn-result", () => {
  const allowed = allowedInterleaving(urc('+QMTCONN: 0,2'), A3_ROWS, AFTER_CONN);
  assert.ok(allowed);
  assert.match(allowed.why, /Failed to send the packet/);
  assert.deepEqual(allowed.reading, { id: 'excep1-conn-result', value: 'result-first' });
});

test('a result the note forbids there still settles the question', () => {
  for (const text of ['+QMTCONN: 0,3', '+QMTCONN: 0,0,0', '+QMTCONN: 0,0', '+QMTCONN: 0,2,0'])
    assert.equal(allowedInterleaving(urc(text), A3_ROWS, AFTER_CONN), undefined, text);
});

test('only for the client awaited, and only after the command was sent', () => {
  assert.equal(allowedInterleaving(urc('+QMTCONN: 1,2'), A3_ROWS, AFTER_CONN), undefined);
  assert.equal(allowedInterleaving(urc('+QMTCONN: 0,2'), A3_ROWS, new Set(['+QMTOPEN'])), undefined);
  // No +QMTSTAT row: nothing tears the link down, so <result> 2 is an answer of its own.
  assert.equal(allowedInterleaving(urc('+QMTCONN: 0,2'), [parseExpectedUrc('+QMTCONN: 0,1,1')], AFTER_CONN), undefined);
});

test('table 4 codes 3 and 4 may come before the awaited <result> 2 of AT+QMTCONN; code 1 may not', () => {
  const rows = [parseExpectedUrc('+QMTCONN: 0,2')];
  assert.ok(allowedInterleaving(urc('+QMTSTAT: 0,3'), rows, AFTER_CONN));
  assert.ok(allowedInterleaving(urc('+QMTSTAT: 0,4'), rows, AFTER_CONN));
  assert.equal(allowedInterleaving(urc('+QMTSTAT: 0,1'), rows, AFTER_CONN), undefined);
  assert.equal(allowedInterleaving(urc('+QMTSTAT: 0,4'), [parseExpectedUrc('+QMTCONN: 0,0,0')], AFTER_CONN), undefined);
});

test("a subscription's own <result> 2 may come before the +QMTSTAT of its torn link; <result> 0 may not", () => {
  const rows = [parseExpectedUrc('+QMTSTAT: 0,6')];
  const afterSub = new Set(['+QMTSUB']);
  assert.ok(allowedInterleaving(urc('+QMTSUB: 0,3,2'), rows, afterSub));
  assert.equal(allowedInterleaving(urc('+QMTSUB: 0,3,2'), rows, afterSub)?.reading, undefined);
  assert.equal(allowedInterleaving(urc('+QMTSUB: 0,3,0,1'), rows, afterSub), undefined);
});

test('the +QMTSTAT: 0,4 row under Excep1 with no result before it shows excep1-conn-result "stat-only"; under retransmit it shows nothing', () => {
  const stat = [parseExpectedUrc('+QMTSTAT: 0,4')];
  assert.deepEqual(readingInPlay(stat, AFTER_CONN, { id: 'A3', value: 'excep1' }), {
    id: 'excep1-conn-result',
    shown: 'result-first',
    absent: 'stat-only',
  });
  assert.equal(readingInPlay(stat, AFTER_CONN, { id: 'A3', value: 'retransmit' }), undefined);
  assert.equal(readingInPlay(stat, new Set(), { id: 'A3', value: 'excep1' }), undefined);
  assert.equal(
    readingInPlay([parseExpectedUrc('+QMTSTAT: 0,1')], AFTER_CONN, { id: 'A3', value: 'excep1' }),
    undefined,
  );
});
