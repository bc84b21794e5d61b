/** In-process link: the duplex pair, the stream transport over it, and transport selection. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createDuplexPair } from '../../src/at/duplex-pair';
import { transportFor } from '../../src/at/open-transport';
import { SerialTransport } from '../../src/at/serial-transport';
import { StreamTransport } from '../../src/at/stream-transport';
import { TcpTransport } from '../../src/at/tcp-transport';

test('bytes written to one end of the pair are read from the other, in order, both ways', async () => {
  const [a, b] = createDuplexPair();
  const atB: string[] = [];
  const atA: string[] = [];
  b.on('data', (chunk: Buffer) => atB.push(chunk.toString()));
  a.on('data', (chunk: Buffer) => atA.push(chunk.toString()));
  a.write('one');
  a.write('two');
  b.write('back');
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(atB, ['one', 'two']);
  assert.deepEqual(atA, ['back']);
});

test("a write is delivered later, never inside the writer's call", () => {
  const [a, b] = createDuplexPair();
  let delivered = false;
  b.on('data', () => (delivered = true));
  a.write('x');
  assert.equal(delivered, false);
});

test('StreamTransport carries data and reports the far end closing', async () => {
  const [host, module] = createDuplexPair();
  const transport = new StreamTransport(host, 'in-process simulator');
  await transport.open();
  const got = new Promise<string>((resolve) => transport.onData((chunk) => resolve(chunk.toString())));
  const closed = new Promise<Error | undefined>((resolve) => transport.onClose(resolve));
  module.write('\r\nRDY\r\n');
  assert.equal(await got, '\r\nRDY\r\n');
  const moduleGot = once(module, 'data');
  await transport.write(Buffer.from('AT\r'));
  assert.equal(String((await moduleGot)[0]), 'AT\r');
  module.destroy();
  assert.equal(await closed, undefined);
  await assert.rejects(transport.write(Buffer.from('AT\r')), /closed/);
});

test('transportFor picks by the port string', () => {
  assert.ok(transportFor('tcp://127.0.0.1:4001', 115200) instanceof TcpTransport);
  const serial = transportFor('/dev/ttyUSB2', 921600);
  assert.ok(serial instanceof SerialTransport);
  assert.equal(serial.description, '/dev/ttyUSB2 @921600');
  const inProcess = transportFor(undefined, 115200, () => createDuplexPair()[0]);
  assert.ok(inProcess instanceof StreamTransport);
  assert.equal(inProcess.description, 'in-process simulator');
  assert.throws(() => transportFor(undefined, 115200), /no module port given/);
});
