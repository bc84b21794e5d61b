import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FAULTS } from '../../../src/sim/faults/catalog';
import { MQTT_FAULTS } from '../../../src/sim/faults/mqtt-faults';

const root = join(__dirname, '../../..');

function sources(dir: string, skip: ReadonlySet<string>): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((e) => {
      if (e.isDirectory()) return sources(join(dir, e.name), skip);
      return e.name.endsWith('.ts') && !skip.has(e.name) ? readFileSync(join(dir, e.name), 'utf8') : '';
    })
    .join('\n');
}

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

test('every fault is wired in at exactly one place of the simulator (a guard, a wrapper or a table row)', () => {
  const catalogs = new Set(['core-faults.ts', 'mqtt-faults.ts']);
  const code = sources(join(root, 'src/sim'), catalogs);
  // echo-stuck-on is one firmware bug seen twice: the power-up echo and the ATE0 that does not clear it.
  const places: Record<string, number> = { 'echo-stuck-on': 2 };
  for (const fault of FAULTS) {
    const uses = code.split(`'${fault.id}'`).length - 1;
    assert.equal(uses, places[fault.id] ?? 1, `${fault.id} wired in at ${uses} places`);
  }
});
