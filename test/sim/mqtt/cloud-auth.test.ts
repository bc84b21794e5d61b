import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { aliyunCredentials, huaweiCredentials, onenetCredentials } from '../../../src/sim/mqtt/cloud-auth';

const healthy = { at: () => false };

test('Alibaba Cloud signing matches the published worked example', () => {
  // Worked example of the Aliyun "MQTT-TCP connection" signing (productKey a14Xib5kdYd, SN1928339).
  const c = aliyunCredentials(
    { productKey: 'a14Xib5kdYd', deviceName: 'light1983432', deviceSecret: 'oLyaKqVxtRvjH284LdhqVgVUx1UPy6zq' },
    'SN1928339',
    false,
    1539421321846,
    healthy,
  );
  assert.equal(c.clientId, 'SN1928339|securemode=3,signmethod=hmacsha1,timestamp=1539421321846|');
  assert.equal(c.username, 'light1983432&a14Xib5kdYd');
  assert.equal(c.password, 'b2488041f64f425016b467ee1c94959ebd592ad1');
});

test('OneNET token has the documented fields, URL-encoded, and a verifiable sign', () => {
  const key = Buffer.from('secret-key').toString('base64');
  const c = onenetCredentials({ productId: '123123', accessKey: key }, 'dev1', 1537255523000 - 86400_000, healthy);
  assert.equal(c.clientId, 'dev1');
  assert.equal(c.username, '123123');
  const params = new URLSearchParams(c.password);
  assert.equal(params.get('version'), '2018-10-31');
  assert.equal(params.get('res'), 'products/123123');
  assert.equal(params.get('et'), '1537255523');
  assert.equal(params.get('method'), 'sha1');
  assert.match(c.password ?? '', /res=products%2F123123/);
  const expected = createHmac('sha1', Buffer.from('secret-key'))
    .update('1537255523\nsha1\nproducts/123123\n2018-10-31')
    .digest('base64');
  assert.equal(params.get('sign'), expected);
});

test('Huawei IoTDA client id carries the YYYYMMDDHH UTC timestamp and the sign type', () => {
  const at = Date.UTC(2018, 6, 24, 17, 56, 20);
  const c = huaweiCredentials('prod', 'node1', 'devsecret', true, at, healthy);
  assert.equal(c.clientId, 'prod_node1_0_1_2018072417');
  assert.equal(c.username, 'prod_node1');
  assert.equal(c.password, createHmac('sha256', '2018072417').update('devsecret').digest('hex'));
});
