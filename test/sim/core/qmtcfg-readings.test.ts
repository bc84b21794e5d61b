/** The ambiguity readings of the variant profile drive QMTCFG behaviour (A9–A17, A34). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findVariant } from '../../../src/variants/catalog';
import { parseVariantProfile, type Readings } from '../../../src/variants/profile';
import { fakeMqttSide, ModuleDriver } from './module-driver';

function withReadings(readings: Partial<Readings>) {
  const base = findVariant('EC200N-CN');
  return parseVariantProfile({ ...base, readings: { ...base.readings, ...readings } }, 'test');
}

test('A10 error: set refused while connected, query still answered, other clients unaffected', async () => {
  const fake = fakeMqttSide(new Set([1]));
  const d = new ModuleDriver({ mqttSide: fake.factory });
  try {
    for (const set of [
      '"keepalive",1,60',
      '"version",1,3',
      '"timeout",1,10,3,0',
      '"will",1,0',
      '"aliauth",1,"a","b","c"',
    ]) {
      assert.equal(await d.command(`AT+QMTCFG=${set}`), '\r\nERROR\r\n', set);
    }
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+QMTCFG="keepalive",1')), [
      '+QMTCFG: "keepalive",120',
      'OK',
    ]);
    assert.equal(await d.command('AT+QMTCFG="keepalive",2,60'), '\r\nOK\r\n');
    // "willex" has no "connection not created" condition in the note.
    d.take();
    d.send('AT+QMTCFG="willex",1,1,0,0,"t",1\r');
    assert.equal(await d.waitFor(/>$/), '>');
    d.take();
    d.send('x');
    assert.equal(await d.waitFor(/OK\r\n$/), '\r\nOK\r\n');
  } finally {
    d.close();
  }
});

test('A10 after-connect: every reading refuses a set once CONNECT went out', async () => {
  const d = new ModuleDriver({
    variant: withReadings({ A10: 'after-connect' }),
    mqttSide: fakeMqttSide(new Set([0])).factory,
  });
  try {
    assert.equal(await d.command('AT+QMTCFG="keepalive",0,60'), '\r\nERROR\r\n');
  } finally {
    d.close();
  }
});

test('A9 error: partial omission answers ERROR', async () => {
  const d = new ModuleDriver({ variant: withReadings({ A9: 'error' }) });
  try {
    assert.equal(await d.command('AT+QMTCFG="ssl",0,1'), '\r\nERROR\r\n');
    assert.equal(await d.command('AT+QMTCFG="recv/mode",0,1'), '\r\nERROR\r\n');
    assert.equal(await d.command('AT+QMTCFG="timeout",0,10'), '\r\nERROR\r\n');
    assert.equal(await d.command('AT+QMTCFG="aliauth",0,"pk"'), '\r\nERROR\r\n');
    assert.equal(await d.command('AT+QMTCFG="ssl",0,1,1'), '\r\nOK\r\n');
  } finally {
    d.close();
  }
});

test('A11 error: will_fg=0 with more parameters answers ERROR', async () => {
  const d = new ModuleDriver({ variant: withReadings({ A11: 'error' }) });
  try {
    assert.equal(await d.command('AT+QMTCFG="will",0,0,1,0,"b","n"'), '\r\nERROR\r\n');
    assert.equal(await d.command('AT+QMTCFG="will",0,0'), '\r\nOK\r\n');
  } finally {
    d.close();
  }
});

test('A13 no-ok: the "qmtping" query ends without OK and the next command still runs', async () => {
  const d = new ModuleDriver({ variant: withReadings({ A13: 'no-ok' }) });
  try {
    d.send('AT+QMTCFG="qmtping",0\rAT\r');
    assert.equal(await d.waitFor(/OK\r\n$/), '\r\n+QMTCFG: "qmtping",5\r\n\r\nOK\r\n');
  } finally {
    d.close();
  }
});

test('A14 not-settable: a trailing <hw_time_enable> is ERROR', async () => {
  const d = new ModuleDriver({ variant: withReadings({ A14: 'not-settable' }) });
  try {
    assert.equal(await d.command('AT+QMTCFG="hwauth",0,"p","s",1'), '\r\nERROR\r\n');
    assert.equal(await d.command('AT+QMTCFG="hwauth",0,"p","s"'), '\r\nOK\r\n');
  } finally {
    d.close();
  }
});

test('A15: independent by default, shared when the profile says so', async () => {
  const independent = new ModuleDriver();
  const shared = new ModuleDriver({ variant: withReadings({ A15: 'shared' }) });
  try {
    await independent.command('AT+QMTCFG="send/mode",0,1');
    assert.deepEqual(ModuleDriver.lines(await independent.command('AT+QMTCFG="dataformat",0')), [
      '+QMTCFG: "dataformat",0,0',
      'OK',
    ]);
    await shared.command('AT+QMTCFG="send/mode",0,1');
    assert.deepEqual(ModuleDriver.lines(await shared.command('AT+QMTCFG="dataformat",0')), [
      '+QMTCFG: "dataformat",1,0',
      'OK',
    ]);
  } finally {
    independent.close();
    shared.close();
  }
});

test('A17 when-enabled: <edit_time> printed only while <edit_mode>=1', async () => {
  const d = new ModuleDriver({ variant: withReadings({ A17: 'when-enabled' }) });
  try {
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+QMTCFG="edit/timeout",0')), [
      '+QMTCFG: "edit/timeout",0',
      'OK',
    ]);
    await d.command('AT+QMTCFG="edit/timeout",0,1,9');
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+QMTCFG="edit/timeout",0')), [
      '+QMTCFG: "edit/timeout",1,9',
      'OK',
    ]);
  } finally {
    d.close();
  }
});

test('A34 lower-only: "SSL" is ERROR', async () => {
  const d = new ModuleDriver({ variant: withReadings({ A34: 'lower-only' }) });
  try {
    assert.equal(await d.command('AT+QMTCFG="SSL",0,1,2'), '\r\nERROR\r\n');
    assert.equal(await d.command('AT+QMTCFG="ssl",0,1,2'), '\r\nOK\r\n');
  } finally {
    d.close();
  }
});

test('ssl-query ctx-when-enabled: the context index is printed only while SSL is on', async () => {
  const d = new ModuleDriver({ variant: withReadings({ 'ssl-query': 'ctx-when-enabled' }) });
  try {
    assert.equal(await d.command('AT+QMTCFG="ssl",0,0,3'), '\r\nOK\r\n');
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+QMTCFG="ssl",0')), ['+QMTCFG: "ssl",0', 'OK']);
    assert.equal(await d.command('AT+QMTCFG="ssl",0,1'), '\r\nOK\r\n');
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+QMTCFG="ssl",0')), ['+QMTCFG: "ssl",1,3', 'OK']);
  } finally {
    d.close();
  }
});

test('A14query omitted: the Huawei queries leave out <hw_time_enable>', async () => {
  const d = new ModuleDriver({ variant: withReadings({ A14query: 'omitted' }) });
  try {
    assert.equal(await d.command('AT+QMTCFG="hwauth",0,"p","s"'), '\r\nOK\r\n');
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+QMTCFG="hwauth",0')), ['+QMTCFG: "hwauth","p","s"', 'OK']);
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+QMTCFG="hwprodid",0')), [
      '+QMTCFG: "hwprodid","","",""',
      'OK',
    ]);
  } finally {
    d.close();
  }
});

test('A10willex refused: "willex" is refused once CONNECT went out, like the other sub-options', async () => {
  const d = new ModuleDriver({
    variant: withReadings({ A10willex: 'refused' }),
    mqttSide: fakeMqttSide(new Set([0])).factory,
  });
  try {
    assert.equal(await d.command('AT+QMTCFG="willex",0,1,0,0,"t",1'), '\r\nERROR\r\n');
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+QMTCFG="willex",0')), ['+QMTCFG: "willex",0', 'OK']);
  } finally {
    d.close();
  }
});

test('A11willex prompt: <will_fg> 0 with the full list prompts, drops the input and clears the Will', async () => {
  const d = new ModuleDriver({ variant: withReadings({ A11willex: 'prompt', A11: 'error' }) });
  try {
    d.send('AT+QMTCFG="willex",0,0,1,0,"t",2\r');
    assert.equal(await d.waitFor(/>$/), '>');
    d.take();
    d.send('xy');
    assert.equal(await d.waitFor(/OK\r\n$/), '\r\nOK\r\n');
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+QMTCFG="willex",0')), ['+QMTCFG: "willex",0', 'OK']);
  } finally {
    d.close();
  }
});

test('test-form-layout reformatted: no spaces, "keepalive" last, an extra "CTWing", the same ranges', async () => {
  const plain = new ModuleDriver();
  const d = new ModuleDriver({ variant: withReadings({ 'test-form-layout': 'reformatted' }) });
  try {
    const note = ModuleDriver.lines(await plain.command('AT+QMTCFG=?'));
    const lines = ModuleDriver.lines(await d.command('AT+QMTCFG=?'));
    assert.equal(lines.at(-2), '+QMTCFG: "keepalive",(0-5),(0-3600)');
    assert.ok(lines.includes('+QMTCFG: "CTWing",(0-5),"client_id","feature_string"'));
    assert.ok(lines.includes('+QMTCFG: "dataformat",(0-5),(0,1),(0,1)'));
    assert.equal(lines.length, note.length + 1);
  } finally {
    plain.close();
    d.close();
  }
});
