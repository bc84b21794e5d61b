import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeFailure } from '../../src/report/failure-text';

test('node strictEqual inline form: left is observed, right is expected', () => {
  assert.deepEqual(describeFailure({ message: "Expected values to be strictly equal:\n\n'ERROR' !== 'OK'\n" }), {
    observed: "'ERROR'",
    expected: "'OK'",
  });
});

test('node diff form collects + as observed and - as expected', () => {
  const message =
    "Expected values to be strictly deep-equal:\n+ actual - expected\n\n  [\n+   '+QMTSTAT: 0,1'\n-   '+QMTSTAT: 0,2'\n  ]";
  const t = describeFailure({ message });
  assert.match(t.observed, /\+QMTSTAT: 0,1/);
  assert.match(t.expected ?? '', /\+QMTSTAT: 0,2/);
  assert.doesNotMatch(t.observed, /0,2/);
});

test('harness wording: "expected X, observed Y"', () => {
  assert.deepEqual(
    describeFailure({ message: 'non-conformance: AT+QMTOPEN result: expected +QMTOPEN: 0,0, observed +QMTOPEN: 0,3' }),
    {
      expected: 'AT+QMTOPEN result: +QMTOPEN: 0,0',
      observed: '+QMTOPEN: 0,3',
    },
  );
});

test('explicit expected/actual win; anything else is shown as observed', () => {
  assert.deepEqual(describeFailure({ message: 'x', expected: 'OK', actual: 'ERROR' }), {
    expected: 'OK',
    observed: 'ERROR',
  });
  assert.deepEqual(describeFailure({ message: 'non-conformance: URC +QMTSTAT never arrived' }), {
    observed: 'URC +QMTSTAT never arrived',
  });
  assert.deepEqual(describeFailure({}), { observed: '(no message recorded)' });
});

// Exactly what allure-cucumberjs stored for a failed `assert.equal('OK', 'ERROR')` step.
const CUCUMBER_MESSAGE =
  "AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:\n\n'OK' !== 'ERROR'\n\n    + expected - actual\n\n    -OK\n    +ERROR\n\n    at AllureCucumberWorld.<anonymous> (/work/main/steps/cfg_steps.ts:12:51)";

test('message as Cucumber stores it: class name and stack dropped', () => {
  assert.deepEqual(describeFailure({ message: CUCUMBER_MESSAGE }), { observed: "'OK'", expected: "'ERROR'" });
  assert.deepEqual(describeFailure({ message: 'Error: harness: broker failed to start\n    at x (/a.ts:1:1)' }), {
    observed: 'broker failed to start',
  });
});

test('Cucumber "+ expected - actual" diff is read the right way round', () => {
  const message = 'Expected values to be strictly deep-equal:\n\n    + expected - actual\n\n    -[1]\n    +[2]\n';
  assert.deepEqual(describeFailure({ message }), { observed: '[1]', expected: '[2]' });
});
