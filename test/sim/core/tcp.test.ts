/** The simulator served on a loopback TCP port, as a ser2net rig is reached. */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect } from 'node:net';
import { test } from 'node:test';
import { serveTcp } from '../../../src/sim/serve/tcp';
import { newModule, readUntil } from './served-module';

test('TCP server on 127.0.0.1: one connection at a time is the UART', async () => {
  const module = newModule();
  const server = await serveTcp(module, 0);
  try {
    assert.equal(server.url, `tcp://127.0.0.1:${server.port}`);
    const first = connect(server.port, '127.0.0.1');
    await once(first, 'connect');
    const reply = readUntil(first, /OK\r\n$/);
    first.write('AT+GMR\r');
    assert.equal(await reply, '\r\nEC200NCNAAR01A03M16\r\n\r\nOK\r\n');
    const second = connect(server.port, '127.0.0.1');
    await once(second, 'connect');
    await once(first, 'close'); // the newer connection replaces the older one
    const reply2 = readUntil(second, /OK\r\n$/);
    second.write('AT\r');
    assert.equal(await reply2, '\r\nOK\r\n');
    second.destroy();
  } finally {
    await server.close();
    module.close();
  }
});
