import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { foldTeardownFailures } from '../../src/report/fold-teardown-failures';

const echoed = 'AssertionError [ERR_ASSERTION]: non-conformance: the module echoed 2 command line(s) after ATE0';

function resultsDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'qmt-fold-'));
  const write = (name: string, body: unknown) => writeFileSync(path.join(dir, name), JSON.stringify(body));
  write('a-result.json', { uuid: 'a', status: 'passed' });
  write('b-result.json', { uuid: 'b', status: 'failed', statusDetails: { message: 'its own step failure' } });
  write('c-result.json', { uuid: 'c', status: 'passed' });
  write('1-container.json', {
    children: ['a', 'b'],
    afters: [{ status: 'failed', statusDetails: { message: echoed } }],
  });
  write('2-container.json', { children: ['c'], afters: [{ status: 'passed' }] });
  write('3-container.json', '{ half-written');
  return dir;
}

const read = (dir: string, uuid: string) => JSON.parse(readFileSync(path.join(dir, `${uuid}-result.json`), 'utf8'));

test('a failed After hook fails the passed result it belongs to, with the hook message; others are left alone', () => {
  const dir = resultsDir();
  assert.equal(foldTeardownFailures(dir), 1);
  assert.deepEqual(read(dir, 'a'), { uuid: 'a', status: 'failed', statusDetails: { message: echoed } });
  assert.equal(read(dir, 'b').statusDetails.message, 'its own step failure');
  assert.equal(read(dir, 'c').status, 'passed');
  assert.equal(foldTeardownFailures(dir), 0, 'idempotent');
});
