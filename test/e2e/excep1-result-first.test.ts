/**
 * A module that reads A3 as Excep1 and reports the command's own failure first (reading
 * excep1-conn-result "result-first": +QMTCONN: 0,2, then +QMTSTAT: 0,4) passes the CONNACK-timeout
 * scenarios, in default mode and strict against its own profile; a forbidden <result> there fails them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, resultStatuses, runQmt, tempDir } from './helpers';

const TAGS = '@spec:3.3.4:set and (@spec:4.1:err_code=4 or @spec:3.3.4:result=1)';

function resultFirstProfile(): string {
  const profile = JSON.parse(readFileSync(path.join(ROOT, 'profiles', 'EC200N-CN.json'), 'utf8'));
  profile.name = 'excep1-result-first';
  profile.readings['excep1-conn-result'] = {
    value: 'result-first',
    source: 'test: +QMTCONN: <idx>,2 then +QMTSTAT: <idx>,4, as an independent implementation of the note printed',
  };
  const file = path.join(tempDir('qmt-excep1-'), 'excep1-result-first.json');
  writeFileSync(file, JSON.stringify(profile));
  return file;
}

test('Excep1 with +QMTCONN: 0,2 before +QMTSTAT: 0,4 passes; +QMTCONN: 0,3 there fails', { timeout: 240_000 }, () => {
  const profile = resultFirstProfile();
  const run = (name: string, extra: string[]) => {
    const results = path.join(tempDir(`qmt-${name}-`), 'results');
    const outcome = runQmt([
      'run',
      '--tags',
      TAGS,
      '--results',
      results,
      '--no-report',
      '--sim-profile',
      profile,
      ...extra,
    ]);
    return { ...outcome, statuses: resultStatuses(results) };
  };
  const lenient = run('lenient', []);
  assert.equal(lenient.status, 0, lenient.output);
  // The Excep1 scenario passes; the one that checks the retransmit reading is not applicable to a
  // module that reads A3 as excep1 (skipped, never passed); none fails.
  assert.deepEqual([...lenient.statuses].sort(), ['passed', 'skipped'], lenient.statuses.join(', '));

  const strict = run('strict', ['--profile', profile]);
  assert.equal(strict.status, 0, strict.output);

  const faulty = run('faulty', ['--fault', 'connack-timeout-conn-result-3']);
  assert.equal(faulty.status, 1, faulty.output);
  assert.match(faulty.output, /\+QMTCONN: 0,3 arrived; the note allows \(reading A3\)/);
});
