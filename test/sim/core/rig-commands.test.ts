/**
 * What the rig code needs from the simulator: the doctor's AT+CPIN? / AT+CEREG? /
 * AT+CGACT? / AT+CCLK?, and the at-port-hangs-once fault (a wedged AT port that only
 * AT+CFUN=1,1 clears, once per process).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeMqttSide, ModuleDriver } from './module-driver';

test('SIM ready, registered, PDP context 1 active, clock in UTC; radio off deregisters', async () => {
  const d = new ModuleDriver({ mqttSide: fakeMqttSide().factory });
  try {
    await d.command('ATE0');
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+CPIN?')), ['+CPIN: READY', 'OK']);
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+CEREG?')), ['+CEREG: 0,1', 'OK']);
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+CGACT?')), ['+CGACT: 1,1', 'OK']);
    const [clock] = ModuleDriver.lines(await d.command('AT+CCLK?'));
    assert.match(clock, /^\+CCLK: "\d{2}\/\d{2}\/\d{2},\d{2}:\d{2}:\d{2}\+00"$/);
    await d.command('AT+CFUN=4');
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+CEREG?')), ['+CEREG: 0,0', 'OK']);
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+CGACT?')), ['+CGACT: 1,0', 'OK']);
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+CPIN=1234')), ['ERROR']);
  } finally {
    d.close();
  }
});

test('at-port-hangs-once: the first AT+QMTSUB wedges the port until AT+CFUN=1,1, and never again', async () => {
  const d = new ModuleDriver({ faults: ['at-port-hangs-once'], mqttSide: fakeMqttSide(new Set([0])).factory });
  try {
    await d.command('ATE0');
    d.send('AT+QMTSUB=0,1,"t",0\r');
    d.send('AT\r');
    await assert.rejects(d.waitFor(/OK|ERROR/, 500));
    assert.equal(d.take(), '', 'a wedged port says nothing, not even an echo');
    assert.equal(await d.command('AT+CFUN=1,1'), '\r\nOK\r\n');
    await d.waitFor(/APP RDY\r\n$/, 5000);
    d.take();
    assert.deepEqual(ModuleDriver.lines(await d.command('AT')), ['OK']);
    assert.notEqual(
      await d.command('AT+QMTSUB=0,2,"t",0').catch(() => 'no answer'),
      'no answer',
      'the fault fires once',
    );
  } finally {
    d.close();
  }
});
