/** A13: the "qmtping" query may end without OK; a late OK is late, not "no OK". */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectOpenEndedByReading, openEndedAlternatives, type OpenEndedAnswer } from '../../src/qmt/open-ended-query';
import { ReadingObserver } from '../../src/qmt/readings-observer';

const margin = { fixedMs: 150, percent: 3 };
const rows = openEndedAlternatives(
  [
    ['ok', '+QMTCFG: "qmtping",5'],
    ['no-ok', '+QMTCFG: "qmtping",5\nno final result'],
  ],
  (t) => t,
);
const answer = (over: Partial<OpenEndedAnswer>): OpenEndedAnswer => ({
  command: 'AT+QMTCFG="qmtping",0',
  lines: ['+QMTCFG: "qmtping",5'],
  final: 'OK',
  elapsedMs: 20,
  limitMs: 300,
  waitMs: 1700,
  ...over,
});

test('rows: OK is implied unless the row ends in "no final result"', () => {
  assert.deepEqual(
    rows.map((r) => r.lines),
    [
      ['+QMTCFG: "qmtping",5', 'OK'],
      ['+QMTCFG: "qmtping",5', 'no final result'],
    ],
  );
});

test('an OK in time is reading "ok", no final result at all is "no-ok"; both are recorded', () => {
  const observer = new ReadingObserver();
  assert.equal(expectOpenEndedByReading(answer({}), 'A13', rows, observer, margin), 'ok');
  const other = new ReadingObserver();
  assert.equal(
    expectOpenEndedByReading(answer({ final: undefined, elapsedMs: 1700 }), 'A13', rows, other, margin),
    'no-ok',
  );
  assert.deepEqual(
    other.observations().map((o) => `${o.id}=${o.value}`),
    ['A13=no-ok'],
  );
});

test('a late OK fails as late, a wrong value or another final result as not allowed', () => {
  assert.throws(
    () => expectOpenEndedByReading(answer({ elapsedMs: 500 }), 'A13', rows, new ReadingObserver(), margin),
    /took 0\.500 s/,
  );
  assert.throws(
    () =>
      expectOpenEndedByReading(
        answer({ lines: ['+QMTCFG: "qmtping",10'] }),
        'A13',
        rows,
        new ReadingObserver(),
        margin,
      ),
    /non-conformance/,
  );
  assert.throws(
    () => expectOpenEndedByReading(answer({ final: 'ERROR' }), 'A13', rows, new ReadingObserver(), margin),
    /non-conformance/,
  );
});

test('strict mode: the declared reading is the only one that passes', () => {
  const declared = new ReadingObserver({ name: 'p', readings: { A13: 'ok' } as never, defaults: {} as never });
  assert.throws(
    () => expectOpenEndedByReading(answer({ final: undefined }), 'A13', rows, declared, margin),
    /declared ok, observed no-ok/,
  );
});
