import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArguments } from '../../../src/sim/core/argument-parser';
import { parseCommandLine } from '../../../src/sim/core/command-parser';
import { LineAssembler, MAX_LINE_BYTES } from '../../../src/sim/core/line-assembler';

function lines(assembler: LineAssembler, input: Buffer): string[] {
  const out: string[] = [];
  let rest = input;
  while (rest.length > 0) {
    const { line, consumed } = assembler.take(rest);
    rest = rest.subarray(consumed);
    if (line) out.push(line.kind === 'line' ? line.bytes.toString('latin1') : '<overlong>');
  }
  return out;
}

test('CR ends a line; a following LF and empty lines are ignored (spec 3.1.2)', () => {
  const a = new LineAssembler();
  assert.deepEqual(lines(a, Buffer.from('AT\r\nATI\r\r\n\nAT+GMR\r')), ['AT', 'ATI', 'AT+GMR']);
});

test('a line split at every byte assembles the same', () => {
  const a = new LineAssembler();
  const out: string[] = [];
  for (const byte of Buffer.from('AT+QMTCFG="keepalive",0\r')) out.push(...lines(a, Buffer.of(byte)));
  assert.deepEqual(out, ['AT+QMTCFG="keepalive",0']);
});

test(`a line over ${MAX_LINE_BYTES} bytes is reported overlong, the next line is fine`, () => {
  const a = new LineAssembler();
  const long = 'A'.repeat(MAX_LINE_BYTES + 1);
  assert.deepEqual(lines(a, Buffer.from(`${long}\rAT\r`)), ['<overlong>', 'AT']);
  assert.deepEqual(
    lines(a, Buffer.from(`${'A'.repeat(MAX_LINE_BYTES)}\r`)).map((l) => l.length),
    [MAX_LINE_BYTES],
  );
});

test('command forms: exec, read, test, set; names upper-cased', () => {
  assert.deepEqual(parseCommandLine(Buffer.from('AT')), { raw: 'AT', name: '', form: 'exec', args: [] });
  assert.equal(parseCommandLine(Buffer.from('at+cmee?'))?.form, 'read');
  assert.equal(parseCommandLine(Buffer.from('AT+QMTCFG=?'))?.form, 'test');
  const set = parseCommandLine(Buffer.from('at+qmtcfg="SSL",0,1,2'));
  assert.equal(set?.name, '+QMTCFG');
  assert.deepEqual(set?.args, [
    { text: 'SSL', quoted: true },
    { text: '0', quoted: false },
    { text: '1', quoted: false },
    { text: '2', quoted: false },
  ]);
  assert.equal(parseCommandLine(Buffer.from('ATE0'))?.name, 'E0');
  assert.equal(parseCommandLine(Buffer.from('ATI'))?.name, 'I');
});

test('bad prefixes, non-ASCII bytes and chained commands are rejected', () => {
  assert.equal(parseCommandLine(Buffer.from('At')), undefined);
  assert.equal(parseCommandLine(Buffer.from('XT')), undefined);
  assert.equal(parseCommandLine(Buffer.from('AT+QMTCFG="k\xe9y",0', 'latin1')), undefined);
  assert.equal(parseCommandLine(Buffer.from('AT\tI')), undefined);
  assert.equal(parseCommandLine(Buffer.from('ATE0;+GMR')), undefined);
  assert.equal(parseCommandLine(Buffer.from('AT+QMTCFG:1')), undefined);
  assert.notEqual(parseCommandLine(Buffer.from('at')), undefined);
  assert.equal(parseCommandLine(Buffer.from('at'), { upperCasePrefixOnly: true }), undefined);
});

test('arguments: quotes, empty arguments, wrong separators', () => {
  assert.deepEqual(parseArguments('"a,b",,0xFFFF'), [
    { text: 'a,b', quoted: true },
    { text: '', quoted: false },
    { text: '0xFFFF', quoted: false },
  ]);
  assert.deepEqual(parseArguments(''), [{ text: '', quoted: false }]);
  assert.equal(parseArguments('"unterminated'), undefined);
  assert.equal(parseArguments('"a" ,1'), undefined);
  assert.equal(parseArguments('1, 2'), undefined);
  assert.equal(parseArguments('"a"b'), undefined);
  assert.equal(parseArguments('a"b"'), undefined);
});
