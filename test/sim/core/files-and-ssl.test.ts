import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatChecksum, qfuplChecksum } from '../../../src/sim/handlers/basic/checksum';
import { fakeMqttSide, ModuleDriver } from './module-driver';

test('QFUPL checksum: XOR of big-endian 16-bit words, odd byte padded low', () => {
  assert.equal(qfuplChecksum(Buffer.from([0x12, 0x34, 0x56, 0x78])), 0x1234 ^ 0x5678);
  assert.equal(qfuplChecksum(Buffer.from([0x12, 0x34, 0xab])), 0x1234 ^ 0xab00);
  assert.equal(formatChecksum(0x384a), '384a');
  assert.equal(formatChecksum(0x0a0b), 'a0b');
});

test('AT+QFUPL: CONNECT, exactly <size> bytes, +QFUPL: <size>,<checksum>, OK; later bytes are commands (spec 5.2)', async () => {
  const fake = fakeMqttSide();
  const d = new ModuleDriver({ mqttSide: fake.factory });
  try {
    d.send('AT+QFUPL="UFS:cacert.pem",6,100\r');
    await d.waitFor(/CONNECT\r\n$/);
    assert.equal(d.take(), '\r\nCONNECT\r\n');
    d.send('abc');
    d.send('defAT\r');
    await d.waitFor(/OK\r\n\r\nOK\r\n$/);
    const sum = formatChecksum(qfuplChecksum(Buffer.from('abcdef')));
    assert.equal(d.take(), `\r\n+QFUPL: 6,${sum}\r\n\r\nOK\r\n\r\nOK\r\n`);
    assert.equal(fake.env!.files.get('UFS:cacert.pem')?.toString(), 'abcdef');
  } finally {
    d.close();
  }
});

test('AT+QFUPL ends with an error when the data does not arrive within <timeout>', async () => {
  const d = new ModuleDriver({ mqttSide: fakeMqttSide().factory });
  try {
    d.send('AT+QFUPL="a.pem",10,1\r');
    await d.waitFor(/CONNECT\r\n$/);
    d.send('abc');
    await d.waitFor(/ERROR\r\n$/, 2000);
    assert.equal(await d.command('AT'), '\r\nOK\r\n');
    assert.equal(await d.command('AT+QFUPL="a.pem",0'), '\r\nERROR\r\n');
    assert.equal(await d.command('AT+QFUPL=a.pem,1'), '\r\nERROR\r\n');
  } finally {
    d.close();
  }
});

test('AT+QSSLCFG stores the example 5.2 settings in the SSL context', async () => {
  const fake = fakeMqttSide();
  const d = new ModuleDriver({ mqttSide: fake.factory });
  try {
    for (const line of [
      'AT+QSSLCFG="cacert",2,"UFS:cacert.pem"',
      'AT+QSSLCFG="clientcert",2,"UFS:client.pem"',
      'AT+QSSLCFG="clientkey",2,"user_key.pem"',
      'AT+QSSLCFG="seclevel",2,2',
      'AT+QSSLCFG="sslversion",2,4',
      'AT+QSSLCFG="ciphersuite",2,0xFFFF',
      'AT+QSSLCFG="ignorelocaltime",2,1',
    ]) {
      assert.equal(await d.command(line), '\r\nOK\r\n', line);
    }
    assert.deepEqual(fake.env!.sslContexts[2], {
      cacert: 'UFS:cacert.pem',
      clientcert: 'UFS:client.pem',
      clientkey: 'UFS:user_key.pem',
      seclevel: 2,
      sslversion: 4,
      ciphersuite: '0xFFFF',
      ignorelocaltime: 1,
    });
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+QSSLCFG="cacert",2')), [
      '+QSSLCFG: "cacert",2,"UFS:cacert.pem"',
      'OK',
    ]);
    for (const bad of [
      '"seclevel",2,3',
      '"sslversion",6,4',
      '"nosuch",2,1',
      '"ciphersuite",2,FFFF',
      '"cacert",2,cacert',
    ]) {
      assert.equal(await d.command(`AT+QSSLCFG=${bad}`), '\r\nERROR\r\n', bad);
    }
  } finally {
    d.close();
  }
});
