import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MQTT_CONNECTION_FAULTS } from '../../../src/sim/faults/mqtt-connection-faults';
import { MQTT_MESSAGE_FAULTS } from '../../../src/sim/faults/mqtt-message-faults';

const root = join(__dirname, '../../..');
const MQTT_FAULTS = [...MQTT_CONNECTION_FAULTS, ...MQTT_MESSAGE_FAULTS];

test('at least 14 MQTT faults with unique ids, each targeting existing spec items', () => {
  const items = new Set(
    (JSON.parse(readFileSync(join(root, 'spec/quectel-mqtt-at.json'), 'utf8')).items as { id: string }[]).map(
      (i) => i.id,
    ),
  );
  assert.ok(MQTT_FAULTS.length >= 14);
  assert.equal(new Set(MQTT_FAULTS.map((f) => f.id)).size, MQTT_FAULTS.length);
  for (const fault of MQTT_FAULTS) {
    assert.ok(fault.targets.length > 0, fault.id);
    for (const target of fault.targets) assert.ok(items.has(target), `${fault.id}: unknown spec item ${target}`);
  }
});
