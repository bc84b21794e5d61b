/** Serial transport: open errors name the path; a real pseudo-terminal opens and carries bytes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { SerialTransport } from '../../src/at/serial-transport';

test('opening a missing device fails naming the path and the OS reason', async () => {
  const transport = new SerialTransport('/dev/ttyQMT-does-not-exist', 115200);
  assert.equal(transport.description, '/dev/ttyQMT-does-not-exist @115200');
  await assert.rejects(transport.open(), (error: Error) => {
    assert.match(error.message, /\/dev\/ttyQMT-does-not-exist/);
    assert.match(error.message, /No such file|ENOENT/i);
    return true;
  });
});

// A PTY whose master echoes back, in upper case, what it reads: proves serialport can open a PTY
// path on this machine and that bytes flow both ways through SerialTransport.
const PTY_ECHO = [
  'import pty, os, tty, sys',
  'm, s = pty.openpty()',
  'tty.setraw(s)',
  'print(os.ttyname(s), flush=True)',
  'while True:',
  '    data = os.read(m, 1024)',
  '    if not data: break',
  '    os.write(m, data.upper())',
].join('\n');

test('a pseudo-terminal opens through serialport and echoes bytes', async (t) => {
  const child = spawn('python3', ['-c', PTY_ECHO], { stdio: ['ignore', 'pipe', 'inherit'] });
  t.after(() => child.kill());
  const [first] = (await once(child.stdout, 'data')) as [Buffer];
  const path = first.toString().trim();
  assert.match(path, /^\/dev\/pts\/\d+$/);

  const transport = new SerialTransport(path, 115200);
  await transport.open();
  let received = '';
  const got = new Promise<void>((resolve) =>
    transport.onData((chunk) => {
      received += chunk.toString();
      if (received.includes('\r')) resolve();
    }),
  );
  await transport.write(Buffer.from('at+gmr\r'));
  await got;
  assert.equal(received, 'AT+GMR\r');
  const closed = new Promise<Error | undefined>((resolve) => transport.onClose(resolve));
  await transport.close();
  assert.equal(await closed, undefined, 'a close we asked for is not reported as an error');
});
