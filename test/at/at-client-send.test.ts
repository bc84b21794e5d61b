/** AtClient.send: answers, queueing, the prompt handshake and clock timeouts (VirtualClock). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AtTimeoutError } from '../../src/at/types';
import { rig } from './fake-module';

test('resolves with information lines and the final result, timed on the clock', async () => {
  const { client, clock } = await rig((line, m) => {
    if (line === 'AT+QMTCFG="keepalive",0') m.later(300, '\r\n+QMTCFG: "keepalive",120\r\n\r\nOK\r\n');
  });
  const response = await client.send('AT+QMTCFG="keepalive",0', { timeoutMs: 5_000 });
  assert.deepEqual(response.lines, ['+QMTCFG: "keepalive",120']);
  assert.deepEqual(response.final, { kind: 'OK' });
  assert.equal(response.sentAt, 0);
  assert.equal(response.doneAt, 300);
  assert.equal(response.prompted, false);
  clock.stop();
});

test('ERROR and +CME ERROR are results, not exceptions', async () => {
  const { client, clock } = await rig((line, m) => {
    if (line === 'AT+A') m.send('\r\nERROR\r\n');
    if (line === 'AT+B') m.send('\r\n+CME ERROR: 3\r\n');
  });
  assert.deepEqual((await client.send('AT+A', { timeoutMs: 100 })).final, { kind: 'ERROR' });
  assert.deepEqual((await client.send('AT+B', { timeoutMs: 100 })).final, { kind: 'CME ERROR', code: '3' });
  clock.stop();
});

test('one command in flight: the second is written only after the first final result', async () => {
  const { client, module, clock } = await rig((line, m) => {
    if (line === 'AT+FIRST') m.later(1_000, '\r\n+FIRST: 1\r\n\r\nOK\r\n');
    if (line === 'AT+SECOND') {
      // The module checks it never saw the second command before answering the first.
      m.send(`\r\n+SECOND: ${clock.now()}\r\n\r\nOK\r\n`);
    }
  });
  const [first, second] = await Promise.all([
    client.send('AT+FIRST', { timeoutMs: 5_000 }),
    client.send('AT+SECOND', { timeoutMs: 5_000 }),
  ]);
  assert.deepEqual(first.lines, ['+FIRST: 1']);
  assert.deepEqual(second.lines, ['+SECOND: 1000']);
  assert.deepEqual(module.lines, ['AT+FIRST', 'AT+SECOND']);
  clock.stop();
});

test('a silent module: rejects with AtTimeoutError naming the command and limit, on virtual time', async () => {
  const { client, clock } = await rig(() => {});
  const started = Date.now();
  await assert.rejects(client.send('AT+QMTCONN=0,"dev"', { timeoutMs: 60_000 }), (error: unknown) => {
    assert.ok(error instanceof AtTimeoutError);
    assert.equal(error.command, 'AT+QMTCONN=0,"dev"');
    assert.equal(error.timeoutMs, 60_000);
    assert.equal(error.bytesReceived, 0);
    assert.match(error.message, /AT\+QMTCONN=0,"dev".*60000 ms.*no byte received/);
    return true;
  });
  assert.equal(clock.now(), 60_000);
  // A tenth of the virtual span: waiting on the wall clock would take all of it, on any load.
  assert.ok(Date.now() - started < 6_000, 'virtual 60 s must not be waited on the wall clock');
  clock.stop();
});

test('bytes without a final result: the timeout says bytes were received', async () => {
  const { client, clock } = await rig((line, m) => {
    if (line === 'AT+QMTOPEN?') m.send('\r\n+QMTOPEN: 0,"h",1883\r\n');
  });
  await assert.rejects(client.send('AT+QMTOPEN?', { timeoutMs: 500 }), (error: unknown) => {
    assert.ok(error instanceof AtTimeoutError);
    assert.ok(error.bytesReceived > 0);
    assert.doesNotMatch(error.message, /no byte received/);
    return true;
  });
  clock.stop();
});

test('a late OK after a timeout, arriving while idle, is kept as a URC and not taken as the next answer', async () => {
  const { client, clock } = await rig((line, m) => {
    if (line === 'AT+SLOW') m.later(1_500, '\r\nOK\r\n');
    if (line === 'AT+NEXT') m.later(100, '\r\nERROR\r\n');
  });
  await assert.rejects(client.send('AT+SLOW', { timeoutMs: 1_000 }), AtTimeoutError);
  await clock.sleep(1_000);
  const next = await client.send('AT+NEXT', { timeoutMs: 10_000 });
  assert.deepEqual(next.final, { kind: 'ERROR' });
  assert.deepEqual(
    client.urcs().map((u) => [u.text, u.at]),
    [['OK', 1_500]],
  );
  clock.stop();
});

test('payload is written only after the > prompt, then the final result resolves', async () => {
  const { client, module, clock } = await rig((line, m) => {
    if (line.startsWith('AT+QMTPUBEX=')) {
      m.later(50, '\r\n> ');
      m.end.once('data', () => m.send('\r\nOK\r\n\r\n+QMTPUBEX: 0,1,0\r\n'));
    }
  });
  const payload = Buffer.from('hi,\r\n"x"');
  const response = await client.send('AT+QMTPUBEX=0,1,1,0,"t",9', { timeoutMs: 1_000, payload });
  assert.equal(response.prompted, true);
  assert.deepEqual(response.final, { kind: 'OK' });
  assert.equal(response.doneAt, 50);
  // The command went first, alone; the payload in a later write.
  assert.deepEqual(
    module.received.map((b) => b.toString()),
    ['AT+QMTPUBEX=0,1,1,0,"t",9\r', 'hi,\r\n"x"'],
  );
  clock.stop();
});

test('a prompt that never comes fails the same way, naming the missing prompt', async () => {
  const { client, module, clock } = await rig(() => {});
  await assert.rejects(
    client.send('AT+QMTPUBEX=0,1,1,0,"t",2', { timeoutMs: 5_000, payload: Buffer.from('hi') }),
    (error: unknown) => {
      assert.ok(error instanceof AtTimeoutError);
      assert.match(error.message, /AT\+QMTPUBEX=0,1,1,0,"t",2: no > prompt within 5000 ms/);
      return true;
    },
  );
  assert.deepEqual(
    module.received.map((b) => b.toString()),
    ['AT+QMTPUBEX=0,1,1,0,"t",2\r'],
    'payload never sent',
  );
  clock.stop();
});

test('a closed link rejects the command in flight and later sends', async () => {
  const { client, module, clock } = await rig((line, m) => {
    if (line === 'AT+DROP') m.end.destroy();
  });
  await assert.rejects(client.send('AT+DROP', { timeoutMs: 60_000 }), /AT\+DROP: rig: test link closed/);
  await assert.rejects(client.send('AT', { timeoutMs: 100 }), /closed/);
  assert.deepEqual(module.lines, ['AT+DROP']);
  clock.stop();
});

test('the transcript records both directions and masks secrets', async () => {
  const { client, transcript, masker, clock } = await rig((line, m) => {
    if (line.startsWith('AT+QMTCONN')) m.send('\r\nOK\r\n');
  });
  masker.add('s3cr3t-pw');
  await client.send('AT+QMTCONN=0,"dev","user","s3cr3t-pw"', { timeoutMs: 1_000 });
  const text = transcript.render();
  assert.match(text, />> AT\+QMTCONN=0,"dev","user","\*\*\*"<CR>/);
  assert.match(text, /<< <CR><LF>OK<CR><LF>/);
  assert.doesNotMatch(text, /s3cr3t/);
  clock.stop();
});

test('an echo while echo is believed off is dropped from the answer but kept as evidence', async () => {
  const { client, clock } = await rig((line, m) => {
    if (line === 'AT+CSQ') m.send('AT+CSQ\r\r\n+CSQ: 20,99\r\n\r\nOK\r\n');
  });
  const response = await client.send('AT+CSQ', { timeoutMs: 1_000 });
  assert.deepEqual(response.lines, ['+CSQ: 20,99']);
  assert.deepEqual(client.unexpectedEchoes(), [{ text: 'AT+CSQ', at: 0, payload: false }]);
  assert.deepEqual(client.urcs(), []);
  client.setEcho(true);
  await client.send('AT+CSQ', { timeoutMs: 1_000 });
  assert.equal(client.unexpectedEchoes().length, 1, 'an expected echo is not evidence of anything');
  clock.stop();
});

test('a timeout error masks secrets in the command it names', async () => {
  const { client, masker, clock } = await rig(() => {});
  masker.add('pa55word');
  await assert.rejects(client.send('AT+QMTCONN=0,"dev","user","pa55word"', { timeoutMs: 10 }), (error: Error) => {
    assert.match(error.message, /AT\+QMTCONN=0,"dev","user","\*\*\*": no final result within 10 ms/);
    assert.doesNotMatch(error.message, /pa55word/);
    return true;
  });
  clock.stop();
});

test('ERROR instead of the prompt resolves without writing the payload', async () => {
  const { client, module, clock } = await rig((line, m) => {
    if (line.startsWith('AT+QMTPUBEX=')) m.send('\r\nERROR\r\n');
  });
  const response = await client.send('AT+QMTPUBEX=9,1,1,0,"t",2', { timeoutMs: 1_000, payload: Buffer.from('hi') });
  assert.deepEqual(response.final, { kind: 'ERROR' });
  assert.equal(response.prompted, false);
  await clock.sleep(100);
  assert.deepEqual(
    module.received.map((b) => b.toString()),
    ['AT+QMTPUBEX=9,1,1,0,"t",2\r'],
  );
  clock.stop();
});

test('AT+QFUPL: the data is written only after CONNECT, and the confirmation is an information line', async () => {
  const data = Buffer.from('-----BEGIN CERTIFICATE-----\n');
  let uploadedBeforeConnect = false;
  const { client, module, clock } = await rig((line, m) => {
    if (line !== `AT+QFUPL="UFS:ca.pem",${data.length},100`) return;
    uploadedBeforeConnect = module.received.length > 1;
    m.later(50, '\r\nCONNECT\r\n');
    m.later(500, `\r\n+QFUPL: ${data.length},1234\r\n\r\nOK\r\n`);
  });
  const response = await client.send(`AT+QFUPL="UFS:ca.pem",${data.length},100`, { timeoutMs: 5_000, payload: data });
  assert.equal(uploadedBeforeConnect, false);
  assert.equal(response.prompted, true);
  assert.deepEqual(response.lines, [`+QFUPL: ${data.length},1234`]);
  assert.deepEqual(Buffer.concat(module.received.slice(1)), data);
  clock.stop();
});

test('AT+QFUPL without CONNECT times out naming the missing CONNECT prompt', async () => {
  const { client, clock } = await rig(() => {});
  await assert.rejects(
    client.send('AT+QFUPL="UFS:ca.pem",4,100', { timeoutMs: 1_000, payload: Buffer.from('abcd') }),
    /no CONNECT prompt/,
  );
  clock.stop();
});

// Reading payload-echo: firmware that echoes the data typed after > (the note is silent on it).
test('with echo on, the payload echoed after > is dropped from the answer and reported as payloadEchoed', async () => {
  const { client, clock } = await rig((line, m) => {
    if (line.startsWith('AT+QMTPUBEX=')) {
      m.send('AT+QMTPUBEX=0,1,1,0,"t",5\r\r\n> ');
      m.end.once('data', (payload: Buffer) => m.send(`${payload.toString()}\r\nOK\r\n\r\n+QMTPUBEX: 0,1,0\r\n`));
    }
  });
  client.setEcho(true);
  const echoed = await client.send('AT+QMTPUBEX=0,1,1,0,"t",5', { timeoutMs: 1_000, payload: Buffer.from('hello') });
  assert.equal(echoed.payloadEchoed, true);
  assert.deepEqual(echoed.lines, []);
  assert.deepEqual(echoed.final, { kind: 'OK' });
  assert.deepEqual(client.unexpectedEchoes(), []);
  clock.stop();
});
