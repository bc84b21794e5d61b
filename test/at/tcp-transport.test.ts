/** Raw TCP transport (ser2net) against a local server on 127.0.0.1. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { once } from 'node:events';
import { parseTcpUrl, TcpTransport } from '../../src/at/tcp-transport';

async function listen(onSocket: (socket: Socket) => void): Promise<{ server: Server; port: number }> {
  const server = createServer(onSocket);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, port: address.port };
}

test('parses tcp://host:port and rejects malformed URLs naming them', () => {
  assert.deepEqual(parseTcpUrl('tcp://127.0.0.1:4001'), { host: '127.0.0.1', port: 4001 });
  assert.deepEqual(parseTcpUrl('tcp://[::1]:4001'), { host: '::1', port: 4001 });
  assert.throws(() => parseTcpUrl('tcp://127.0.0.1'), /tcp:\/\/127\.0\.0\.1/);
  assert.throws(() => parseTcpUrl('tcp://h:70000'), /expected tcp:\/\/host:port/);
});

test('bytes flow both ways and a server hang-up is reported as link loss', async (t) => {
  let peer: Socket | undefined;
  const { server, port } = await listen((socket) => {
    peer = socket;
    socket.on('data', (chunk) => {
      if (chunk.toString() === 'AT\r') socket.write('\r\nOK\r\n');
    });
  });
  t.after(() => server.close());
  const transport = new TcpTransport(`tcp://127.0.0.1:${port}`);
  await transport.open();
  const answer = new Promise<string>((resolve) => transport.onData((chunk) => resolve(chunk.toString())));
  await transport.write(Buffer.from('AT\r'));
  assert.equal(await answer, '\r\nOK\r\n');
  const lost = new Promise<Error | undefined>((resolve) => transport.onClose(resolve));
  peer!.destroy();
  const error = await lost;
  assert.match(String(error?.message), new RegExp(`127\\.0\\.0\\.1:${port}`));
});

test('a refused connection names host:port', async () => {
  const { server, port } = await listen(() => {});
  server.close();
  await once(server, 'close');
  await assert.rejects(
    new TcpTransport(`tcp://127.0.0.1:${port}`).open(),
    new RegExp(`cannot connect to 127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`),
  );
});

test('close() we asked for ends quietly', async (t) => {
  const { server, port } = await listen(() => {});
  t.after(() => server.close());
  const transport = new TcpTransport(`tcp://127.0.0.1:${port}`);
  await transport.open();
  const closed = new Promise<Error | undefined>((resolve) => transport.onClose(resolve));
  await transport.close();
  assert.equal(await closed, undefined);
  await assert.rejects(transport.write(Buffer.from('AT\r')), /not connected/);
});
