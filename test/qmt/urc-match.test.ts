/**
 * The URC matcher's optional fields: spec 3.3.4 brackets <ret_code> of +QMTCONN (reading
 * conn-ret-code), but only an accepted connection may leave it out — a refusal without its code
 * would read as accepted, and that must never pass.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Urc } from '../../src/at/types';
import { omittedOptionalFields, parseExpectedUrc, urcMatches } from '../../src/qmt/urc-match';

function urc(text: string): Urc {
  const [name, rest = ''] = text.split(': ');
  return { text, name: name as string, fields: rest ? rest.split(',') : [], at: 0 };
}

test('+QMTCONN: 0,0 matches an expected accepted connection and records the omission', () => {
  const expected = parseExpectedUrc('+QMTCONN: 0,0,0');
  assert.equal(urcMatches(urc('+QMTCONN: 0,0'), expected), true);
  assert.equal(urcMatches(urc('+QMTCONN: 0,0,0'), expected), true);
  assert.deepEqual(omittedOptionalFields(urc('+QMTCONN: 0,0'), expected), [
    { reading: 'conn-ret-code', value: 'omitted' },
  ]);
  assert.deepEqual(omittedOptionalFields(urc('+QMTCONN: 0,0,0'), expected), [
    { reading: 'conn-ret-code', value: 'printed' },
  ]);
});

test('a refused connection must carry its <ret_code>: +QMTCONN: 0,0 does not match +QMTCONN: 0,0,4', () => {
  assert.equal(urcMatches(urc('+QMTCONN: 0,0'), parseExpectedUrc('+QMTCONN: 0,0,4')), false);
  assert.equal(urcMatches(urc('+QMTCONN: 0,0,4'), parseExpectedUrc('+QMTCONN: 0,0,4')), true);
  assert.equal(urcMatches(urc('+QMTCONN: 0,0,2'), parseExpectedUrc('+QMTCONN: 0,0,4')), false);
});

test('a wildcard <ret_code> may be left out; other URCs keep every field', () => {
  assert.equal(urcMatches(urc('+QMTCONN: 0,0'), parseExpectedUrc('+QMTCONN: 0,0,*')), true);
  assert.equal(urcMatches(urc('+QMTSTAT: 0'), parseExpectedUrc('+QMTSTAT: 0,8')), false);
});
