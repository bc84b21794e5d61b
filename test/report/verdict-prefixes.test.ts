// The report classifies by the prefixes src/qmt/verdict.ts writes: if one is renamed there, this
// fails here instead of a customer's report quietly filing a deviation as non-conformance.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyResult, statusForClass, type FailureClass } from '../../src/report/failure-classes';
import {
  harnessTrouble,
  interoperability,
  nonConformance,
  preconditionFailed,
  profileDeviation,
} from '../../src/qmt/verdict';

// What Cucumber stores: "<name> [<code>]: <message>\n    at …" (util.inspect of the error).
const asCucumberStores = (err: Error) =>
  `${err.name}${'code' in err ? ` [${String(err.code)}]` : ''}: ${err.message}\n    at World.<anonymous> (/w/steps/at_steps.ts:1:1)`;

const cases: [Error, FailureClass][] = [
  [nonConformance('AT+QMTOPEN? answered ERROR where the spec expects OK (broker port 1883)'), 'non-conformance'],
  [
    profileDeviation('reading A10 declared after-open, observed after-connect (profile EC200N-CN)'),
    'profile-deviation',
  ],
  [interoperability('the broker refused the aliauth CONNECT'), 'interoperability'],
  [preconditionFailed('AT+QFUPL="ca.pem",1200 answered ERROR'), 'precondition'],
  [harnessTrouble('step "x" has no domain method'), 'harness-trouble'],
];

test('every verdict of src/qmt/verdict.ts lands in its own class, whichever status allure-js gave it', () => {
  for (const [err, want] of cases) {
    for (const status of ['failed', 'broken'] as const) {
      assert.equal(classifyResult(status, asCucumberStores(err)), want, `${status}: ${err.message}`);
    }
  }
  assert.deepEqual(
    cases.map(([, c]) => statusForClass(c)),
    ['failed', 'failed', 'failed', 'broken', 'broken'],
  );
});
