import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHostResolver, isLoopback } from '../../../src/sim/core/host-resolver';

test('localhost, literal IPs and the hosts table resolve; .invalid and unknown names do not', () => {
  const resolve = createHostResolver({ 'Broker.Test': '127.0.0.2', 'x.invalid': '127.0.0.1' });
  assert.equal(resolve('localhost'), '127.0.0.1');
  assert.equal(resolve('127.0.0.1'), '127.0.0.1');
  assert.equal(resolve('::1'), '::1');
  assert.equal(resolve('broker.test'), '127.0.0.2');
  assert.equal(resolve('x.invalid'), undefined);
  assert.equal(resolve('nothing.example'), undefined);
  assert.ok(isLoopback('127.0.0.9') && isLoopback('::1') && !isLoopback('10.0.0.1'));
});

test('a hosts entry that is not loopback is refused (project network rule)', () => {
  assert.throws(() => createHostResolver({ broker: '192.0.2.1' }), /broker.*192\.0\.2\.1.*not a loopback/);
});
