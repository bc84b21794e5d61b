import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inProcessLink, resetLink } from '../../src/broker/in-process-link';

test('an in-process link delivers bytes on a later tick, in order, and end() closes both sides as a FIN does', async () => {
  const [fixture, module] = inProcessLink();
  const got: string[] = [];
  module.on('data', (chunk: Buffer) => got.push(chunk.toString()));
  fixture.resume(); // the fixture reads too: it must see the module's answering FIN to close
  fixture.write('a');
  fixture.write('b');
  assert.deepEqual(got, [], 'never inside the writer');
  const closed = Promise.all([
    new Promise((r) => module.once('close', r)),
    new Promise((r) => fixture.once('close', r)),
  ]);
  fixture.end();
  await closed;
  assert.deepEqual(got, ['a', 'b']);
});

test('resetLink is an RST: the peer fails with ECONNRESET', async () => {
  const [fixture, module] = inProcessLink();
  const failed = new Promise<NodeJS.ErrnoException>((resolve) => module.once('error', resolve));
  resetLink(fixture);
  assert.equal((await failed).code, 'ECONNRESET');
});
