/** SecretMasker: every registered secret (>= 3 chars) becomes ***, longest first, text and bytes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SecretMasker } from '../../src/secrets/masker';

test('masks every occurrence in text and in bytes', () => {
  const masker = new SecretMasker();
  masker.add('p@ss');
  assert.equal(masker.mask('a p@ss b p@ss'), 'a *** b ***');
  assert.equal(masker.maskBuffer(Buffer.from('x"p@ss"\r\n')).toString(), 'x"***"\r\n');
});

test('longest secret first: a secret containing another is masked whole', () => {
  const masker = new SecretMasker();
  masker.add('abc');
  masker.add('abcdef');
  assert.equal(masker.mask('1abcdef2abc3'), '1***2***3');
  assert.equal(masker.maskBuffer(Buffer.from('1abcdef2abc3')).toString(), '1***2***3');
});

test('secrets shorter than 3 characters are ignored so ordinary text survives', () => {
  const masker = new SecretMasker();
  masker.add('');
  masker.add('0');
  masker.add('on');
  assert.equal(masker.size, 0);
  assert.equal(masker.mask('AT+QMTCFG="ssl",0,on'), 'AT+QMTCFG="ssl",0,on');
});

test('UTF-8 secrets are masked in bytes; unrelated bytes are kept as they are', () => {
  const masker = new SecretMasker();
  masker.add('clé-secrète');
  const input = Buffer.concat([Buffer.from([0xff, 0x00]), Buffer.from('clé-secrète', 'utf8'), Buffer.from([0x80])]);
  assert.deepEqual([...masker.maskBuffer(input)], [0xff, 0x00, 0x2a, 0x2a, 0x2a, 0x80]);
});

test("maskBuffer never hands back the caller's buffer", () => {
  const masker = new SecretMasker();
  const input = Buffer.from('nothing secret');
  const out = masker.maskBuffer(input);
  assert.deepEqual(out, input);
  assert.notEqual(out, input);
});
