import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskImei, maskRigCredentials, scenarioLabels, specIdsFromTags } from '../../src/report/labels';

const base = {
  variant: 'EC200T',
  firmware: 'EC200TCNHAR02A03M16',
  model: 'EC200T-CN',
  rig: '/dev/ttyUSB2 @115200',
  harness: '0.1.0',
  featureName: 'AT+QMTCFG keepalive',
  tags: [
    '@spec:3.3.1:keepalive:set',
    '@smoke',
    '@spec:3.3.1:keepalive:keep_alive_time:range',
    '@spec:3.3.1:keepalive:set',
  ],
};

const values = (labels: { name: string; value: string }[], name: string) =>
  labels.filter((l) => l.name === name).map((l) => l.value);

test('suite hierarchy: variant → feature → rule', () => {
  const labels = scenarioLabels({ ...base, ruleName: 'keep-alive time is 0..3600 s' });
  assert.deepEqual(values(labels, 'parentSuite'), ['EC200T']);
  assert.deepEqual(values(labels, 'suite'), ['AT+QMTCFG keepalive']);
  assert.deepEqual(values(labels, 'subSuite'), ['keep-alive time is 0..3600 s']);
});

test('no subSuite without a rule', () => {
  assert.deepEqual(values(scenarioLabels(base), 'subSuite'), []);
  assert.deepEqual(values(scenarioLabels({ ...base, ruleName: '  ' }), 'subSuite'), []);
});

test('identity labels are present', () => {
  const labels = scenarioLabels({ ...base, imei: '***********1234' });
  assert.deepEqual(values(labels, 'variant'), ['EC200T']);
  assert.deepEqual(values(labels, 'firmware'), ['EC200TCNHAR02A03M16']);
  assert.deepEqual(values(labels, 'model'), ['EC200T-CN']);
  assert.deepEqual(values(labels, 'rig'), ['/dev/ttyUSB2 @115200']);
  assert.deepEqual(values(labels, 'harness'), ['0.1.0']);
  assert.deepEqual(values(labels, 'imei'), ['***********1234']);
});

test('one spec label per distinct @spec tag, other tags ignored', () => {
  assert.deepEqual(values(scenarioLabels(base), 'spec'), [
    '3.3.1:keepalive:set',
    '3.3.1:keepalive:keep_alive_time:range',
  ]);
  assert.deepEqual(specIdsFromTags(['@spec:', '@specx', '@spec:5.1']), ['5.1']);
});

test('an unmasked IMEI is masked anyway; no imei label when absent', () => {
  assert.deepEqual(values(scenarioLabels({ ...base, imei: '861234567891234' }), 'imei'), ['***********1234']);
  assert.deepEqual(values(scenarioLabels(base), 'imei'), []);
});

test('maskImei keeps the last four digits and is idempotent', () => {
  assert.equal(maskImei('861234567891234'), '***********1234');
  assert.equal(maskImei(maskImei('861234567891234')), '***********1234');
  assert.equal(maskImei('1234'), '1234');
});

test('credentials in a rig URL never reach a label', () => {
  assert.equal(maskRigCredentials('tcp://admin:s3cret@127.0.0.1:4001'), 'tcp://***@127.0.0.1:4001');
  assert.equal(maskRigCredentials('tcp://127.0.0.1:4001'), 'tcp://127.0.0.1:4001');
  assert.deepEqual(values(scenarioLabels({ ...base, rig: 'tcp://u:p@127.0.0.1:4001' }), 'rig'), [
    'tcp://***@127.0.0.1:4001',
  ]);
});
