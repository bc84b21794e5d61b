import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchLine, matchLines } from '../../src/qmt/answer-pattern';
import { splitOutsideQuotes } from '../../src/at/line-kinds';

test('fields are compared byte for byte; a space after a comma is a difference', () => {
  assert.ok(matchLine('+QMTCFG: "ssl",0,0', '+QMTCFG: "ssl",0,0'));
  assert.equal(matchLine('+QMTCFG: "ssl",0,0', '+QMTCFG: "ssl", 0, 0'), undefined);
  assert.equal(matchLine('+QMTCFG: "ssl",0,0', '+QMTCFG: "ssl",0'), undefined);
});

test('{default:x} captures any number and a repeated capture must agree', () => {
  assert.deepEqual(
    matchLine('+QMTCFG: "recv/mode",{default:msgRecvMode},{default:msgLenEnable}', '+QMTCFG: "recv/mode",0,1')
      ?.captures,
    {
      'default:msgRecvMode': '0',
      'default:msgLenEnable': '1',
    },
  );
  assert.equal(matchLine('+QMTCFG: "version",{default:vsn}', '+QMTCFG: "version",x'), undefined);
  assert.equal(matchLines(['+A: {default:vsn}', '+B: {default:vsn}', 'OK'], ['+A: 3', '+B: 4', 'OK']), undefined);
  assert.throws(() => matchLine('+A: {default:nope}', '+A: 1'), /harness: \{default:nope\} names no unstated default/);
});

test('* matches one field; quotes keep commas inside a field', () => {
  assert.ok(matchLine('+QMTOPEN: 0,*,1883', '+QMTOPEN: 0,"a,b",1883'));
  assert.deepEqual(splitOutsideQuotes('"a,b",1,""', { keepQuotes: true }), ['"a,b"', '1', '""']);
  assert.deepEqual(splitOutsideQuotes('"a,b",1,""'), ['a,b', '1', '']);
});
