import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { verifyConnect, type CloudIdentity } from '../../src/broker/cloud-credentials';
import { connectExpectingRefusal, connectModule, startRig } from './harness';

// Known answers are taken from the platforms' own documentation pages (cited in cloud-credentials.ts),
// so a mistake in the verifier cannot be mirrored by a mistake in the test.

test('aliauth: the Alibaba documentation example verifies; any wrong field is rejected', () => {
  const identity: CloudIdentity = {
    platform: 'aliauth',
    productKey: 'pk',
    deviceName: 'device',
    deviceSecret: 'secret',
  };
  const good = {
    clientId: '12345|securemode=3,signmethod=hmacsha1,timestamp=789|',
    username: 'device&pk',
    password: 'FAFD82A3D602B37FB0FA8B7892F24A477F851A14', // Alibaba's published example result
  };
  assert.deepEqual(verifyConnect(good, identity), { ok: true });
  const rejects = (connect: typeof good, pattern: RegExp) => {
    const verdict = verifyConnect(connect, identity);
    assert.equal(verdict.ok, false);
    if (!verdict.ok) assert.match(verdict.reason, pattern);
  };
  rejects({ ...good, password: 'FAFD82A3D602B37FB0FA8B7892F24A477F851A15' }, /password is not the hmacsha1 signature/);
  rejects({ ...good, username: 'device&other' }, /user name/);
  rejects({ ...good, clientId: '12345|securemode=3,signmethod=hmacsha1,timestamp=790|' }, /password/);
  rejects({ ...good, clientId: '12345|securemode=7,signmethod=hmacsha1|' }, /securemode 7/);
  rejects({ ...good, clientId: '12345' }, /client id/);
  assert.equal(verifyConnect(good, { ...identity, deviceSecret: 'other' }).ok, false);
});

test('aliauth: hmacsha256 without timestamp and the hmacmd5 default', () => {
  const identity: CloudIdentity = {
    platform: 'aliauth',
    productKey: 'a1X2bEn',
    deviceName: 'example1',
    deviceSecret: 'ga7XA6Kd',
  };
  const content = 'clientIdabcdeviceNameexample1productKeya1X2bEn';
  const sha256 = createHmac('sha256', 'ga7XA6Kd').update(content).digest('hex');
  const md5 = createHmac('md5', 'ga7XA6Kd').update(content).digest('hex');
  assert.equal(
    verifyConnect(
      { clientId: 'abc|securemode=2,signmethod=hmacsha256|', username: 'example1&a1X2bEn', password: sha256 },
      identity,
    ).ok,
    true,
  );
  assert.equal(
    verifyConnect({ clientId: 'abc|securemode=2|', username: 'example1&a1X2bEn', password: md5 }, identity).ok,
    true,
  );
  assert.equal(
    verifyConnect({ clientId: 'abc|securemode=2|', username: 'example1&a1X2bEn', password: sha256 }, identity).ok,
    false,
  );
});

test('onenet: a token signed with the access key verifies (product and device res); tampering is rejected', () => {
  const accessKey = Buffer.from('0123456789abcdef0123456789abcdef').toString('base64');
  const identity: CloudIdentity = { platform: 'onenet', productId: '452870', accessKey };
  const token = (res: string, et: string, method: string, key = accessKey) => {
    const sign = createHmac(method, Buffer.from(key, 'base64'))
      .update(`${et}\n${method}\n${res}\n2018-10-31`)
      .digest('base64');
    return `version=2018-10-31&res=${encodeURIComponent(res)}&et=${et}&method=${method}&sign=${encodeURIComponent(sign)}`;
  };
  const device = { clientId: 'esp_device001', username: '452870' };
  assert.deepEqual(verifyConnect({ ...device, password: token('products/452870', '4092512761', 'sha1') }, identity), {
    ok: true,
  });
  assert.equal(
    verifyConnect(
      { ...device, password: token('products/452870/devices/esp_device001', '4092512761', 'md5') },
      identity,
    ).ok,
    true,
  );
  assert.equal(
    verifyConnect({ ...device, password: token('products/452870', '4092512761', 'sha256') }, identity).ok,
    true,
  );
  // The documented token shape: URL-encoded res and sign.
  assert.match(
    token('products/452870', '4092512761', 'md5'),
    /^version=2018-10-31&res=products%2F452870&et=4092512761&method=md5&sign=/,
  );

  const reason = (password: string, connect = device, now?: Date) => {
    const verdict = verifyConnect({ ...connect, password }, identity, { now });
    return verdict.ok ? 'ok' : verdict.reason;
  };
  assert.match(
    reason(token('products/452870', '4092512761', 'sha1', Buffer.from('wrong key').toString('base64'))),
    /sign does not verify/,
  );
  assert.match(reason(token('products/999', '4092512761', 'sha1')), /res products\/999/);
  assert.match(reason(token('products/452870/devices/other', '4092512761', 'sha1')), /res/);
  assert.match(reason(token('products/452870', '4092512761', 'sha1'), { ...device, username: '999' }), /user name/);
  assert.match(reason(token('products/452870', '1000', 'sha1'), device, new Date('2024-01-01T00:00:00Z')), /expired/);
  assert.match(
    reason(token('products/452870', '4092512761', 'sha1').replace('et=4092512761', 'et=4092512762')),
    /sign does not verify/,
  );
});

test('hwauth: the Huawei documentation example verifies; a wrong secret, id or hour is rejected', () => {
  // Huawei's page: secret 12345678, timestamp 2025041401 -> c75150e6…820a
  const identity: CloudIdentity = {
    platform: 'hwauth',
    deviceId: '5f052ac562369102d42b0fb6_node1',
    deviceSecret: '12345678',
  };
  const good = {
    clientId: '5f052ac562369102d42b0fb6_node1_0_0_2025041401',
    username: '5f052ac562369102d42b0fb6_node1',
    password: 'c75150e6cb841417396819e4d2ee4358a416344a03a083e3a8567074ddec820a',
  };
  assert.deepEqual(verifyConnect(good, identity), { ok: true });
  assert.equal(verifyConnect(good, { ...identity, deviceSecret: '87654321' }).ok, false);
  assert.equal(verifyConnect({ ...good, username: 'someone-else' }, identity).ok, false);
  assert.equal(verifyConnect({ ...good, clientId: 'other_0_0_2025041401' }, identity).ok, false);
  assert.equal(
    verifyConnect({ ...good, clientId: '5f052ac562369102d42b0fb6_node1_0_0_2025041402' }, identity).ok,
    false,
  );
  assert.equal(verifyConnect({ ...good, clientId: '5f052ac562369102d42b0fb6_node1_0_0_20250414' }, identity).ok, false);
  // Signature type 1: the hour must also be the platform's current hour.
  const checked = { ...good, clientId: '5f052ac562369102d42b0fb6_node1_0_1_2025041401' };
  assert.equal(verifyConnect(checked, identity, { now: new Date('2025-04-14T01:59:00Z') }).ok, true);
  assert.equal(verifyConnect(checked, identity, { now: new Date('2025-04-14T03:00:00Z') }).ok, false);
});

test('hwprodid: device id <product id>_<node id>, signed with the product secret', () => {
  const identity: CloudIdentity = {
    platform: 'hwprodid',
    productId: 'prod77',
    productSecret: '12345678',
    nodeId: 'imei42',
  };
  const password = 'c75150e6cb841417396819e4d2ee4358a416344a03a083e3a8567074ddec820a'; // same HMAC as the hwauth example
  assert.equal(
    verifyConnect({ clientId: 'prod77_imei42_0_0_2025041401', username: 'prod77_imei42', password }, identity).ok,
    true,
  );
  assert.equal(
    verifyConnect({ clientId: 'prod77_other_0_0_2025041401', username: 'prod77_other', password }, identity).ok,
    false,
  );
  assert.equal(
    verifyConnect(
      { clientId: 'prod77_imei42_0_0_2025041401', username: 'prod77_imei42', password },
      { ...identity, productSecret: 'x' },
    ).ok,
    false,
  );
});

test('expectCloudIdentity: the tap refuses bad credentials with CONNACK 4 and records why, accepts good ones', async () => {
  const rig = await startRig();
  try {
    rig.fixture.expectCloudIdentity({ platform: 'hwauth', deviceId: 'dev1', deviceSecret: '12345678' });
    const error = await connectExpectingRefusal(rig, {
      clientId: 'dev1_0_0_2025041401',
      username: 'dev1',
      password: 'not-the-signature',
    });
    assert.equal(error.code, 4);
    const connack = rig.fixture.packets().find((p) => p.packet.cmd === 'connack');
    assert.equal(connack?.injected, true);
    assert.match(connack?.note ?? '', /refused: huawei: password is not HMAC-SHA256/);
    assert.doesNotMatch(rig.fixture.packetLog(), /not-the-signature/);
    assert.match(rig.fixture.packetLog(), /CONNACK \(by fixture\) sessionPresent=false returnCode=4 — refused: huawei/);

    await connectModule(rig, {
      clientId: 'dev1_0_0_2025041401',
      username: 'dev1',
      password: 'c75150e6cb841417396819e4d2ee4358a416344a03a083e3a8567074ddec820a',
    });
    assert.equal(rig.fixture.connections().at(-1)?.state, 'open');
  } finally {
    await rig.done();
  }
});
