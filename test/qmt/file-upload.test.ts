/** AT+QFUPL confirmation: size and the 16-bit XOR checksum (spec 5.2). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { uploadChecksum } from '../../src/qmt/file-upload';

test('XOR of big-endian 16-bit words', () => {
  assert.equal(uploadChecksum(Buffer.from([0x12, 0x34, 0x56, 0x78])), 0x1234 ^ 0x5678);
  assert.equal(uploadChecksum(Buffer.alloc(0)), 0);
});

test('an odd last byte is the high byte of a final word', () => {
  assert.equal(uploadChecksum(Buffer.from([0x12, 0x34, 0xab])), 0x1234 ^ 0xab00);
});

test('the same word twice cancels out', () => {
  assert.equal(uploadChecksum(Buffer.from('abab', 'latin1')), 0);
});
