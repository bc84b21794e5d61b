import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changedSettings, needsRestart, restoreCommands, valuesOf } from '../../src/rig/settings-baseline';

test('the values of a query answer are kept exactly as the module reported them', () => {
  assert.equal(valuesOf(['+QMTCFG: "timeout",5,3,0'], 'timeout'), '5,3,0');
  assert.equal(valuesOf(['+QMTCFG: "will",1,1,0,"t","m"'], 'will'), '1,1,0,"t","m"');
  assert.equal(valuesOf(['+QMTCFG: "version",4'], 'keepalive'), undefined);
});

test('only accepted sets count as changes; restore uses the baseline, willex through will, unknown ones are named', () => {
  const changed = changedSettings([
    { command: 'AT+QMTCFG="keepalive",0,60', ok: true },
    { command: 'AT+QMTCFG="keepalive",1,99999', ok: false },
    { command: 'AT+QMTCFG="keepalive",0', ok: true },
    { command: 'AT+QMTCFG="willex",2,1,0,0,"t",5', ok: true },
    { command: 'AT+QMTCFG="qmtping",3,7', ok: true },
  ]);
  assert.deepEqual(changed, [
    { sub: 'keepalive', idx: '0' },
    { sub: 'willex', idx: '2' },
    { sub: 'qmtping', idx: '3' },
  ]);
  const baseline = new Map([
    ['keepalive/0', '120'],
    ['will/2', '0'],
  ]);
  assert.deepEqual(restoreCommands(changed, baseline), {
    commands: ['AT+QMTCFG="keepalive",0,120', 'AT+QMTCFG="will",2,0'],
    unknown: ['"qmtping",3'],
  });
  assert.equal(needsRestart(changed), false);
  assert.equal(needsRestart(changedSettings([{ command: 'AT+QMTCFG="aliauth",0,"p","d","s"', ok: true }])), true);
});
