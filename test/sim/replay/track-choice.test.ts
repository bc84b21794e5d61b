/**
 * Which recorded scenario the replay follows when several send the same commands: the one whose
 * broker answered as the live broker does (CONNACK's return code), the one whose AT+QMTOPEN went
 * the way the live one goes (in process: something accepts there, or nothing does), and never one
 * whose fixture port stands for a well-known port the host named itself.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Duplex } from 'node:stream';
import * as mqttPacket from 'mqtt-packet';
import { inProcessLink } from '../../../src/broker/in-process-link';
import { parsePacketLog } from '../../../src/sim/replay/packet-log';
import { parseTranscript, type Track } from '../../../src/sim/replay/recording';
import { addPackets } from '../../../src/sim/replay/timeline';
import { replayOnVirtualClock } from './replay-on-virtual-clock';

/** One recorded scenario: ATE0, then AT+QMTOPEN to `port` answered `opened`, then AT+QMTCONN answered after CONNACK `code`. */
function scenario(name: string, port: number, opened: number, code?: number): Track {
  const connect =
    code === undefined
      ? ''
      : `[   1.000 s] >> AT+QMTCONN=0,"c"<CR>
[   1.000 s] << <CR><LF>OK<CR><LF>
[   1.000 s] << <CR><LF>+QMTCONN: 0,0,${code}<CR><LF>
`;
  const transcript = `[   0.000 s] >> ATE0<CR>
[   0.000 s] << <CR><LF>OK<CR><LF>
[   0.000 s] >> AT+QMTOPEN=0,"127.0.0.1",${port}<CR>
[   0.000 s] << <CR><LF>OK<CR><LF>
[   0.500 s] << <CR><LF>+QMTOPEN: 0,${opened}<CR><LF>
${connect}`;
  const track = parseTranscript(transcript, name, `${name}.txt`);
  const packets =
    code === undefined
      ? ''
      : `[    1000 ms] #1 module -> broker CONNECT MQTT/4 clientId="c" clean=true keepalive=120 will=none
[    1000 ms] #1 broker -> module CONNACK sessionPresent=false returnCode=${code}
`;
  addPackets(track, parsePacketLog(packets));
  return track;
}

/** A broker in process on port 45000 that refuses every CONNECT with `code`. */
function brokerAnswering(code: number) {
  const seen: string[] = [];
  const dial = (_address: string, port: number): Duplex | undefined => {
    if (port !== 45000) return undefined;
    const [broker, module] = inProcessLink();
    const parser = mqttPacket.parser({ protocolVersion: 4 });
    parser.on('packet', (packet) => {
      seen.push(packet.cmd);
      if (packet.cmd === 'connect')
        broker.write(mqttPacket.generate({ cmd: 'connack', returnCode: code, sessionPresent: false }));
    });
    broker.on('data', (data: Buffer) => parser.parse(data));
    return module;
  };
  return { dial, seen };
}

async function exchange(r: ReturnType<typeof replayOnVirtualClock>, line: string, ms = 2_000): Promise<string> {
  r.module.receive(Buffer.from(`${line}\r`, 'latin1'));
  await r.clock.sleep(ms);
  return r.take();
}

test('two scenarios with the same commands: the one whose CONNACK the live broker sends is followed', async () => {
  const tracks = [scenario('refused 4', 40000, 0, 4), scenario('refused 5', 40001, 0, 5)];
  const broker = brokerAnswering(5);
  const r = replayOnVirtualClock({ source: 'rec', tracks, identity: {} }, {}, broker.dial);
  try {
    await exchange(r, 'ATE0');
    assert.match(await exchange(r, 'AT+QMTOPEN=0,"127.0.0.1",45000'), /\+QMTOPEN: 0,0\r/);
    assert.match(await exchange(r, 'AT+QMTCONN=0,"c"'), /\+QMTCONN: 0,0,5\r/);
    assert.deepEqual(broker.seen, ['connect']);
    assert.deepEqual(r.events, []);
  } finally {
    r.module.close();
    r.clock.stop();
  }
});

test('in process, an AT+QMTOPEN nothing accepts follows the scenario whose open failed, one that connects the other', async () => {
  const tracks = () => [scenario('refusing port', 40000, -1), scenario('the fixture', 40001, 0)];
  for (const [port, answer] of [
    [45000, '+QMTOPEN: 0,0'],
    [46000, '+QMTOPEN: 0,-1'],
  ] as const) {
    const r = replayOnVirtualClock({ source: 'rec', tracks: tracks(), identity: {} }, {}, brokerAnswering(0).dial);
    try {
      await exchange(r, 'ATE0');
      assert.ok((await exchange(r, `AT+QMTOPEN=0,"127.0.0.1",${port}`)).includes(`${answer}\r`), `port ${port}`);
    } finally {
      r.module.close();
      r.clock.stop();
    }
  }
});

test('a well-known port matches only itself, never a recorded fixture port', async () => {
  const tracks = [scenario('the fixture', 40000, 0), scenario('port 1', 1, -1)];
  const r = replayOnVirtualClock({ source: 'rec', tracks, identity: {} });
  try {
    await exchange(r, 'ATE0');
    assert.match(await exchange(r, 'AT+QMTOPEN=0,"127.0.0.1",1'), /\+QMTOPEN: 0,-1\r/);
  } finally {
    r.module.close();
    r.clock.stop();
  }
});
