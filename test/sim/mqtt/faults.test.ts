import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MQTT_FAULTS } from '../../../src/sim/faults/mqtt-faults';

const root = join(__dirname, '../../..');

function sources(dir: string): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? readFileSync(join(dir, e.name), 'utf8') : ''))
    .join('\n');
}

test('at least 14 MQTT faults with unique ids, each targeting existing spec items', () => {
  const items = new Set((JSON.parse(readFileSync(join(root, 'spec/quectel-mqtt-at.json'), 'utf8')).items as { id: string }[]).map((i) => i.id));
  assert.ok(MQTT_FAULTS.length >= 14);
  assert.equal(new Set(MQTT_FAULTS.map((f) => f.id)).size, MQTT_FAULTS.length);
  for (const fault of MQTT_FAULTS) {
    assert.ok(fault.targets.length > 0, fault.id);
    for (const target of fault.targets) assert.ok(items.has(target), `${fault.id}: unknown spec item ${target}`);
  }
});

test('every MQTT fault is guarded in exactly one place of the MQTT side', () => {
  const code = sources(join(root, 'src/sim/mqtt')) + sources(join(root, 'src/sim/handlers/mqtt'));
  for (const fault of MQTT_FAULTS) {
    const guards = code.split(`has('${fault.id}')`).length - 1;
    assert.equal(guards, 1, `${fault.id} guarded ${guards} times`);
  }
});
