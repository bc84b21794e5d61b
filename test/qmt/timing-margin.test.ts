import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCommandLine } from '../../src/qmt/command-line';
import { responseTimeLimit } from '../../src/qmt/timing';
import { parseTimingMargin, withMargin } from '../../src/qmt/timing-margin';

test('the margin parses as <ms>ms+<percent>% and widens each limit', () => {
  const margin = parseTimingMargin('150ms+3%')!;
  assert.deepEqual(margin, { fixedMs: 150, percent: 3 });
  assert.equal(withMargin(300, margin), 459);
  assert.equal(withMargin(20_000, margin), 20_750);
  assert.deepEqual(parseTimingMargin('0ms'), { fixedMs: 0, percent: 0 });
  assert.deepEqual(parseTimingMargin('5%'), { fixedMs: 0, percent: 5 });
  assert.equal(parseTimingMargin('fast'), undefined);
});

test('no limit is 0: retry_times 0 still allows one pkt_timeout, and it bounds the URC, not the OK', () => {
  const line = parseCommandLine('AT+QMTPUBEX=0,1,1,0,"t",5');
  const limit = responseTimeLimit(line, { pktTimeoutS: 1, retryTimes: 0, retriesAfterFirst: false });
  assert.equal(limit.ms, 1000);
  assert.equal(limit.appliesTo, 'urc');
  assert.equal(responseTimeLimit(line, { pktTimeoutS: 5, retryTimes: 3, retriesAfterFirst: true }).ms, 20_000);
  assert.equal(responseTimeLimit(line, { pktTimeoutS: 5, retryTimes: 3, retriesAfterFirst: false }).ms, 15_000);
  assert.equal(responseTimeLimit(parseCommandLine('AT+QMTCFG="keepalive",0'), undefined).appliesTo, 'final');
});
