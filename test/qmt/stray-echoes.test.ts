/** What came back under ATE0 is named as what it is: command lines, or the data typed after >. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeStrayEchoes } from '../../src/qmt/stray-echoes';

test('command lines and payloads echoed under ATE0 are told apart', () => {
  assert.equal(
    describeStrayEchoes([{ payload: false }, { payload: false }]),
    'the module echoed 2 command line(s) after ATE0 switched echo off',
  );
  assert.equal(
    describeStrayEchoes([{ payload: true }]),
    'the module echoed the data typed after > 1 time(s) after ATE0 switched echo off',
  );
  assert.equal(
    describeStrayEchoes([{ payload: false }, { payload: true }]),
    'the module echoed 1 command line(s) and the data typed after > 1 time(s) after ATE0 switched echo off',
  );
});
