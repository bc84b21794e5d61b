import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReadingObserver } from '../../src/qmt/readings-observer';
import { findVariant } from '../../src/variants/catalog';

const EC200N = findVariant('EC200N-CN');

test('default mode records every allowed reading and refuses values the note does not allow', () => {
  const seen: string[] = [];
  const observer = new ReadingObserver(undefined, (o) => seen.push(`${o.id}=${o.value}`));
  observer.observe('A10', 'after-connect', 'AT+QMTCFG="keepalive",0,60 → OK');
  observer.observe('default:msgLenEnable', '0', 'AT+QMTCFG="recv/mode",0 → +QMTCFG: "recv/mode",0,0');
  assert.deepEqual(seen, ['A10=after-connect', 'default:msgLenEnable=0']);
  assert.throws(
    () => observer.observe('A10', 'sometimes', 'x'),
    /non-conformance: reading A10: observed sometimes, which the note does not allow/,
  );
  assert.throws(
    () => observer.observe('default:editTime', '0', 'x'),
    /non-conformance: default editTime \(A8\): observed 0/,
  );
});

test('a module that changes its reading within one scenario is non-conformant', () => {
  const observer = new ReadingObserver();
  observer.observe('close-stat', '8', '+QMTSTAT: 0,8 arrived');
  assert.throws(() => observer.observe('close-stat', 'none', 'no +QMTSTAT'), /showed 8 .* and then none/);
});

test('strict mode names the reading that drifted from the declared profile', () => {
  const observer = new ReadingObserver(EC200N);
  observer.observe('A10', 'after-open', 'x');
  assert.throws(
    () => observer.observe('A17', 'when-enabled', 'y'),
    /profile deviation: reading A17 declared always, observed when-enabled \(profile EC200N-CN\)/,
  );
  assert.throws(
    () => observer.observe('default:vsn', '3', 'z'),
    /profile deviation: default vsn \(A8\) declared 4, observed 3/,
  );
  assert.equal(observer.declaredValue('A3'), 'excep1');
});

test('unknown reading ids are a harness error, not a verdict', () => {
  assert.throws(() => new ReadingObserver().observe('A99', 'x', 'y'), /harness: unknown reading A99/);
});
