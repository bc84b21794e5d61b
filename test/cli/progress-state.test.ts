import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Envelope } from '@cucumber/messages';
import { mandatedWaitSeconds } from '../../src/cli/progress/mandated-waits';
import { failureLine, progressLine, ProgressState } from '../../src/cli/progress/progress-state';

test('mandated waits: pauses and checks that nothing happens count, deadlines the module may beat do not', () => {
  assert.equal(mandatedWaitSeconds('2 seconds pass'), 2);
  assert.equal(mandatedWaitSeconds('no +QMTRECV URC arrives within 5 seconds'), 5);
  assert.equal(mandatedWaitSeconds('the module never reports +QMTSUB: 0,1,0,1 within 1 second'), 1);
  assert.equal(mandatedWaitSeconds('the broker receives no PUBLISH within 300 ms'), 0.3);
  assert.equal(mandatedWaitSeconds('the broker receives a PINGREQ within 12 seconds'), 12);
  assert.equal(mandatedWaitSeconds('within 10 seconds the module reports +QMTSTAT: 0,1'), 0);
  assert.equal(mandatedWaitSeconds('the host sends AT+QMTCFG="keepalive",0,120'), 0);
});

/** A run of three scenarios: one passes, one is not applicable, one fails. */
function messages(): Envelope[] {
  const step = (id: string, text: string) => ({ id, text, astNodeIds: [], type: undefined });
  const pickle = (id: string, name: string, texts: string[]) =>
    ({
      pickle: {
        id,
        uri: 'features/x.feature',
        name,
        language: 'en',
        astNodeIds: [`s-${id}`],
        tags: [],
        steps: texts.map((t, i) => step(`${id}-${i}`, t)),
      },
    }) as unknown as Envelope;
  const testCase = (id: string) =>
    ({ testCase: { id: `tc-${id}`, pickleId: id, testSteps: [] } }) as unknown as Envelope;
  const started = (id: string) =>
    ({
      testCaseStarted: { id: `st-${id}`, testCaseId: `tc-${id}`, attempt: 0, timestamp: { seconds: 0, nanos: 0 } },
    }) as unknown as Envelope;
  const stepDone = (id: string, status: string, message?: string) =>
    ({
      testStepFinished: {
        testCaseStartedId: `st-${id}`,
        testStepId: 'x',
        testStepResult: { status, message, duration: { seconds: 0, nanos: 0 } },
        timestamp: { seconds: 0, nanos: 0 },
      },
    }) as unknown as Envelope;
  const finished = (id: string) =>
    ({
      testCaseFinished: { testCaseStartedId: `st-${id}`, willBeRetried: false, timestamp: { seconds: 0, nanos: 0 } },
    }) as unknown as Envelope;
  return [
    {
      gherkinDocument: {
        uri: 'features/x.feature',
        comments: [],
        feature: { children: [{ scenario: { id: 's-c', location: { line: 12 }, examples: [] } }] },
      },
    } as unknown as Envelope,
    pickle('a', 'passes', ['2 seconds pass']),
    pickle('b', 'not applicable', ['no +QMTRECV URC arrives within 5 seconds']),
    pickle('c', 'fails', ['the host sends AT']),
    testCase('a'),
    testCase('b'),
    testCase('c'),
    started('a'),
    stepDone('a', 'PASSED'),
    finished('a'),
    started('b'),
    stepDone('b', 'PASSED'),
    stepDone('b', 'SKIPPED'),
    finished('b'),
    started('c'),
    stepDone(
      'c',
      'FAILED',
      'AssertionError [ERR_ASSERTION]: non-conformance: AT answered ERROR where the spec expects OK\n    at Object.<anonymous> (steps/at_exchange_steps.ts:1:1)',
    ),
    finished('c'),
  ];
}

test('progress: done of total, failures, not applicable (never passed) and the running scenario', () => {
  let clock = 0;
  const state = new ProgressState('/dev/pts/3', true, () => clock);
  const all = messages();
  const notices = [];
  for (const m of all.slice(0, 8)) notices.push(state.observe(m));
  assert.match(progressLine(state.snapshot()), /^\/dev\/pts\/3: 0\/3 scenarios · 0 failed · now: passes$/);
  clock = 3000; // the first scenario: 2 s mandated + 1 s of its own
  for (const m of all.slice(8)) notices.push(state.observe(m));
  const s = state.snapshot();
  assert.deepEqual([s.done, s.total, s.failed, s.notApplicable], [3, 3, 1, 1]);
  const failure = notices.find(Boolean)!;
  assert.equal(failure.category, 'non-conformance');
  assert.equal(failure.message, 'AT answered ERROR where the spec expects OK');
  assert.equal(failure.location, 'features/x.feature:12');
  assert.equal(
    failureLine('/dev/pts/3', failure, 'r/t.txt'),
    '✗ /dev/pts/3: non-conformance: AT answered ERROR where the spec expects OK — fails (features/x.feature:12); transcript: r/t.txt',
  );
});

test('time left on a real-time rig: the mandated waits still ahead plus this run’s own time per step', () => {
  let clock = 0;
  const state = new ProgressState('/dev/pts/3', true, () => clock);
  const all = messages();
  for (const m of all.slice(0, 8)) state.observe(m);
  assert.equal(state.snapshot().secondsLeft, undefined, 'unknown before a scenario has finished');
  clock = 3000;
  for (const m of all.slice(8, 11)) state.observe(m); // a finished (3 s = 2 mandated + 1), b started at 3 s
  // One step took 1 s beyond its waits: b = 5 s mandated + 1 step, c = 0 + 1 step.
  assert.equal(state.snapshot().secondsLeft, 7);
  clock = 5000;
  assert.equal(state.snapshot().secondsLeft, 5);
  assert.equal(new ProgressState('sim', false).snapshot().secondsLeft, undefined, 'no time left on virtual time');
});
