import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeMqttSide, ModuleDriver } from './module-driver';

test('AT answers framed OK; at (lower case) too (spec 3.1.2)', async () => {
  const d = new ModuleDriver();
  try {
    assert.equal(await d.command('AT'), '\r\nOK\r\n');
    assert.equal(await d.command('at'), '\r\nOK\r\n');
    assert.equal(await d.command('At'), '\r\nERROR\r\n');
  } finally {
    d.close();
  }
});

test('the shipped profiles echo from power-up (docs/field-evidence.md#echo-at-power-up: factory ATE1); ATE0 stops it', async () => {
  for (const variant of ['EC200N-CN', 'EC200S', 'EC200T', 'EC600N-CN', 'EC600S-CN', 'EG912Y']) {
    const d = new ModuleDriver({ variant, atHabits: 'profile' });
    try {
      assert.equal(await d.command('AT'), 'AT\r\r\nOK\r\n', variant);
      assert.equal(await d.command('ATE0'), 'ATE0\r\r\nOK\r\n', variant);
      assert.equal(await d.command('AT'), '\r\nOK\r\n', variant);
    } finally {
      d.close();
    }
  }
});

test('a profile with echo off at power-up: ATE1 echoes the line plus <CR>; ATE0 stops it', async () => {
  const d = new ModuleDriver();
  try {
    assert.equal(await d.command('ATE1'), '\r\nOK\r\n');
    assert.equal(await d.command('AT'), 'AT\r\r\nOK\r\n');
    assert.equal(await d.command('ATE0'), 'ATE0\r\r\nOK\r\n');
    assert.equal(await d.command('AT'), '\r\nOK\r\n');
    assert.equal(await d.command('ATE2'), '\r\nERROR\r\n');
  } finally {
    d.close();
  }
});

test('ATI, AT+GMR and AT+CGMR report the profile model and revision', async () => {
  const d = new ModuleDriver({ variant: 'EG912Y' });
  try {
    assert.deepEqual(ModuleDriver.lines(await d.command('ATI')), [
      'Quectel',
      'EG912Y',
      'Revision: EG912YEUAAR01A04M08',
      'OK',
    ]);
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+GMR')), ['EG912YEUAAR01A04M08', 'OK']);
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+CGMR')), ['EG912YEUAAR01A04M08', 'OK']);
  } finally {
    d.close();
  }
});

test('AT+CMEE selects plain, numeric or verbose handler errors; syntax errors stay plain', async () => {
  const d = new ModuleDriver();
  try {
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+CMEE?')), ['+CMEE: 0', 'OK']);
    assert.equal(await d.command('AT+QMTCFG="keepalive",0,3601'), '\r\nERROR\r\n');
    await d.command('AT+CMEE=1');
    assert.equal(await d.command('AT+QMTCFG="keepalive",0,3601'), '\r\n+CME ERROR: 50\r\n');
    await d.command('AT+CMEE=2');
    assert.equal(await d.command('AT+QMTCFG="keepalive",0,3601'), '\r\n+CME ERROR: Incorrect parameters\r\n');
    assert.equal(await d.command('AT+NOSUCH'), '\r\nERROR\r\n');
    assert.equal(await d.command('AT+CMEE=3'), '\r\n+CME ERROR: Incorrect parameters\r\n');
  } finally {
    d.close();
  }
});

test('unknown commands, overlong lines and garbage answer ERROR and the module keeps working', async () => {
  const d = new ModuleDriver({ mqttSide: fakeMqttSide().factory });
  try {
    assert.equal(await d.command('AT+FOO=1'), '\r\nERROR\r\n');
    assert.equal(await d.command(`AT+QMTCFG="will",0,1,0,0,"${'t'.repeat(1600)}","m"`), '\r\nERROR\r\n');
    assert.equal(await d.command('hello'), '\r\nERROR\r\n');
    assert.equal(await d.command('AT+QMTCFG="keepalive,0'), '\r\nERROR\r\n');
    assert.equal(await d.command('AT+QMTCFG="keepalive", 0'), '\r\nERROR\r\n');
    assert.equal(await d.command('AT+QMTCFG="kéepalive",0'), '\r\nERROR\r\n');
    assert.equal(await d.command('AT+QMTOPEN=?'), '\r\nERROR\r\n', 'no MQTT handler in the fake side → unknown');
    assert.equal(await d.command('AT'), '\r\nOK\r\n');
  } finally {
    d.close();
  }
});

test('random byte input never crashes the module', async () => {
  const d = new ModuleDriver();
  try {
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const alphabet = 'AT+QMCFG=?",0123456789\r\n ;\x00\xff>aEIk/';
    for (let i = 0; i < 300; i++) {
      const len = Math.floor(rand() * 40);
      let s = '';
      for (let j = 0; j < len; j++) s += alphabet[Math.floor(rand() * alphabet.length)];
      d.send(Buffer.from(s, 'latin1'));
    }
    // Whatever state the noise left (possibly a prompt waiting for data), a reset line gets through.
    d.send(Buffer.alloc(300, 0x20));
    await ModuleDriver.pause(20);
    d.take();
    assert.match(await d.command('\rAT'), /OK\r\n$/);
  } finally {
    d.close();
  }
});

test('a handler exception becomes ERROR, not a crash', async () => {
  const d = new ModuleDriver({
    mqttSide: () => ({
      hasConnection: () => false,
      hasSentConnect: () => false,
      reset: () => {},
      handlers: {
        '+QMTOPEN': () => {
          throw new Error('boom');
        },
        '+QMTCLOSE': async () => {
          throw new Error('async boom');
        },
      },
    }),
  });
  try {
    assert.equal(await d.command('AT+QMTOPEN=0,"localhost",1883'), '\r\nERROR\r\n');
    assert.equal(await d.command('AT+QMTCLOSE=0'), '\r\nERROR\r\n');
    assert.equal(await d.command('AT'), '\r\nOK\r\n');
  } finally {
    d.close();
  }
});

test('lines sent while a command runs wait for its final result', async () => {
  let finish: (() => void) | undefined;
  const d = new ModuleDriver({
    mqttSide: () => ({
      hasConnection: () => false,
      hasSentConnect: () => false,
      reset: () => {},
      handlers: {
        '+QMTDISC': (_c, ctx) =>
          new Promise<void>((resolve) => {
            finish = () => {
              ctx.out.ok();
              resolve();
            };
          }),
      },
    }),
  });
  try {
    d.send('AT+QMTDISC=0\rATI\r');
    await ModuleDriver.pause(20);
    assert.equal(d.peek(), '', 'ATI must not be answered before QMTDISC ends');
    finish!();
    const text = await d.waitFor(/Revision: .*\r\n\r\nOK\r\n$/);
    assert.ok(text.startsWith('\r\nOK\r\n\r\nQuectel'));
  } finally {
    d.close();
  }
});
