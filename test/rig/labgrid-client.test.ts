/**
 * Reading what labgrid-client prints (src/rig/labgrid/): the place's environment, the place
 * list, its one-line reasons, reservation filters, and which client command runs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUNDLED_LABGRID, clientCommand, failureReason } from '../../src/rig/labgrid/client';
import { exporterOfShow, readPlaceEnv, readPlaces } from '../../src/rig/labgrid/place-resources';
import { parseReservation } from '../../src/rig/labgrid/place-hold';

// As labgrid 26 prints `labgrid-client -p modA env` for an acquired place.
const ENV = `targets:
  modA:
    resources:
    - NetworkSerialPort:
        name: RawSerialPort
        port: 35051
        host: 127.0.0.1
        speed: 115200
`;

test('a NetworkSerialPort is an rfc2217:// port, or tcp:// when its protocol is raw; power resources are seen', () => {
  assert.deepEqual(readPlaceEnv(ENV, 'modA'), { serialPorts: ['rfc2217://127.0.0.1:35051'], power: false });
  const raw = `targets:\n  m:\n    resources:\n    - NetworkSerialPort: {host: rig7.lab, port: 4001, protocol: raw}\n    - NetworkUSBPowerPort: {host: rig7.lab, index: 2}\n`;
  assert.deepEqual(readPlaceEnv(raw, 'm'), { serialPorts: ['tcp://rig7.lab:4001'], power: true });
  // ser2net not started yet: no port to use.
  const pending = `targets:\n  m:\n    resources:\n    - NetworkSerialPort: {host: h, port: null}\n`;
  assert.deepEqual(readPlaceEnv(pending, 'm').serialPorts, []);
  assert.deepEqual(readPlaceEnv('targets:\n  m:\n    resources: []\n', 'm'), { serialPorts: [], power: false });
});

test('-v places / show: name, tags, holder, exporters, reservation', () => {
  const text = `Place 'modA':
  comment: healthy module
  tags: module=ec200n, pool=ci
  matches:
    rig1/modA/NetworkSerialPort
    rig1/modA/NetworkUSBPowerPort
  acquired: ci-host/alice
  acquired resources:
    rig1/modA/NetworkSerialPort/RawSerialPort
  created: 2026-12-06 11:43:26.302675
  changed: 2026-12-06 11:43:34.991000
Acquired resource 'RawSerialPort' (rig1/modA/NetworkSerialPort/RawSerialPort):
  {'acquired': 'modA',
   'avail': True}
Place 'modB':
  matches:
    rig2/modB/NetworkSerialPort
  acquired: None
  acquired resources:
  created: 2026-12-06 11:43:26.302675
  changed: 2026-12-06 11:43:34.991000
  reservation: 01EVNMP95Z
`;
  assert.deepEqual(readPlaces(text), [
    { name: 'modA', tags: { module: 'ec200n', pool: 'ci' }, acquired: 'ci-host/alice', exporters: ['rig1'] },
    { name: 'modB', tags: {}, exporters: ['rig2'], reservation: '01EVNMP95Z' },
  ]);
  assert.equal(exporterOfShow(text), 'rig1');
});

test("labgrid's reasons come out as one line without its program prefix; a dead coordinator is said plainly", () => {
  assert.equal(
    failureReason({
      code: 1,
      stdout: '',
      stderr:
        "client.py: Error: Place modA is already acquired by vm/bob. To work simultaneously, bob can execute 'labgrid-client -p modA allow vm/root' on vm.\n",
    }),
    "Place modA is already acquired by vm/bob. To work simultaneously, bob can execute 'labgrid-client -p modA allow vm/root' on vm.",
  );
  assert.equal(
    failureReason({
      code: 1,
      stdout: '',
      stderr:
        'ERROR              root: coordinator is unavailable: failed to connect to all addresses; last error: UNKNOWN: ipv4:127.0.0.1:1: Failed to connect to remote host: Connection refused\nServer error: Error: Could not connect to coordinator\n',
    }),
    'the labgrid coordinator at 127.0.0.1:1 does not answer (LG_COORDINATOR / --coordinator)',
  );
  assert.equal(failureReason({ code: 3, stdout: '', stderr: '' }), 'exit code 3');
});

test('--reserve takes key=value pairs in labgrid tag syntax', () => {
  assert.deepEqual(parseReservation('module=ec200n,pool=mqtt_ci'), ['module=ec200n', 'pool=mqtt_ci']);
  assert.throws(() => parseReservation('module'), /not key=value/);
  assert.throws(() => parseReservation('Module=x'), /tag key "Module"/);
  assert.throws(() => parseReservation('module=EC200'), /tag value "EC200"/);
  assert.throws(() => parseReservation('a=b=c'), /not key=value/);
});

test('the client command: given, QMT_LABGRID_CLIENT, labgrid-client on PATH, else the bundled copy', () => {
  assert.deepEqual(clientCommand('ssh lab labgrid-client', {}).argv, ['ssh', 'lab', 'labgrid-client']);
  assert.deepEqual(clientCommand(undefined, { QMT_LABGRID_CLIENT: 'lgc --debug' }).argv, ['lgc', '--debug']);
  const bin = mkdtempSync(path.join(tmpdir(), 'qmt-lgc-'));
  writeFileSync(path.join(bin, 'labgrid-client'), '#!/bin/sh\n');
  chmodSync(path.join(bin, 'labgrid-client'), 0o755);
  assert.deepEqual(clientCommand(undefined, { PATH: bin }).argv, ['labgrid-client']);
  const bundled = clientCommand(undefined, { PATH: '/nonexistent', PYTHONPATH: '/x' });
  assert.deepEqual(bundled.argv, ['/usr/bin/python3', '-m', 'labgrid.remote.client']);
  assert.equal(bundled.env.PYTHONPATH, `${BUNDLED_LABGRID}${path.delimiter}/x`);
});
