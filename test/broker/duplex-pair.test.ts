import assert from 'node:assert/strict';
import { once } from 'node:events';
import { test } from 'node:test';
import { duplexPair } from '../../src/broker/duplex-pair';

test('what one end writes the other reads, both ways; ending one end ends the other', async () => {
  const [a, b] = duplexPair();
  const atB: Buffer[] = [];
  const atA: Buffer[] = [];
  b.on('data', (chunk: Buffer) => atB.push(chunk));
  a.on('data', (chunk: Buffer) => atA.push(chunk));
  a.write('ping');
  b.write(Buffer.from([1, 2, 3]));
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(Buffer.concat(atB).toString(), 'ping');
  assert.deepEqual([...Buffer.concat(atA)], [1, 2, 3]);
  const ended = once(b, 'end');
  a.end();
  await ended;
});

test('destroying one end closes the peer (a connection that went away)', async () => {
  const [a, b] = duplexPair();
  b.resume();
  const closed = once(b, 'close');
  a.destroy();
  await closed;
  assert.equal(b.destroyed, true);
});
