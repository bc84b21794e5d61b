import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeMqttSide, ModuleDriver } from './module-driver';

test('AT+CFUN=1,1: OK, deaf until RDY, power-up URCs, QMTCFG/echo/CMEE back to defaults, MQTT reset', async () => {
  const fake = fakeMqttSide(new Set([0]));
  const d = new ModuleDriver({ mqttSide: fake.factory });
  try {
    await d.command('AT+QMTCFG="keepalive",2,60');
    await d.command('AT+QMTCFG="will",2,1,1,0,"t","m"');
    await d.command('AT+CMEE=2');
    await d.command('ATE1');
    const before = d.clock.now();
    assert.equal(await d.command('AT+CFUN=1,1'), 'AT+CFUN=1,1\r\r\nOK\r\n');
    assert.equal(fake.resets, 1);
    d.send('AT\r'); // ignored while rebooting
    await d.waitFor(/APP RDY\r\n$/, 2000);
    const urcs = ModuleDriver.lines(d.take());
    assert.deepEqual(urcs, ['RDY', '+CFUN: 1', '+CPIN: READY', '+QUSIM: 1', '+QIND: SMS DONE', 'APP RDY']);
    assert.ok(d.clock.now() - before >= 2000, 'RDY comes about 2 s after OK on the module clock');
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+QMTCFG="keepalive",2')), [
      '+QMTCFG: "keepalive",120',
      'OK',
    ]);
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+QMTCFG="will",2')), ['+QMTCFG: "will",0', 'OK']);
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+CMEE?')), ['+CMEE: 0', 'OK']);
  } finally {
    d.close();
  }
});

test('the MQTT side keeps seeing the live configuration array after a reboot', async () => {
  const fake = fakeMqttSide();
  const d = new ModuleDriver({ mqttSide: fake.factory });
  try {
    await d.command('AT+CFUN=1,1');
    await d.waitFor(/APP RDY\r\n$/, 2000);
    await d.command('AT+QMTCFG="keepalive",0,77');
    assert.equal(fake.env!.config[0].keepAlive, 77);
  } finally {
    d.close();
  }
});

test('other AT+CFUN forms', async () => {
  const d = new ModuleDriver({ mqttSide: fakeMqttSide().factory });
  try {
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+CFUN?')), ['+CFUN: 1', 'OK']);
    assert.equal(await d.command('AT+CFUN=1'), '\r\nOK\r\n');
    assert.equal(await d.command('AT+CFUN=0,1'), '\r\nERROR\r\n');
    assert.equal(await d.command('AT+CFUN=2'), '\r\nERROR\r\n');
  } finally {
    d.close();
  }
});
