/** The simulator served on a pty device, opened with the serialport package as hardware would be. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SerialPort } from 'serialport';
import { servePty } from '../../../src/sim/serve/pty';
import { newModule, readUntil } from './served-module';

async function openPort(path: string): Promise<SerialPort> {
  const port = new SerialPort({ path, baudRate: 115200, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  return port;
}

async function closePort(port: SerialPort): Promise<void> {
  await new Promise<void>((resolve) => port.close(() => resolve()));
}

test('serialport opens the pty path and exchanges AT → OK; the path survives close/reopen', async () => {
  const module = newModule();
  const server = await servePty(module);
  try {
    assert.match(server.path, /^\/dev\/(pts\/\d+|tty\w+)$/);
    for (let round = 0; round < 2; round++) {
      const port = await openPort(server.path);
      const reply = readUntil(port, /\r\nOK\r\n$/);
      port.write('AT\r');
      assert.equal(await reply, '\r\nOK\r\n');
      await closePort(port);
    }
  } finally {
    await server.close();
    module.close();
  }
});
