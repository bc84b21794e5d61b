/**
 * The simulator's command registry (src/sim/command-registry.ts) serves both dispatchers: the
 * core's findHandler answers exactly the names the old switch did, the MQTT side's handler map has
 * exactly the registry's MQTT entries, and every command of the note has an entry.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import raw from '../../../spec/quectel-mqtt-at.json';
import { SIM_COMMANDS } from '../../../src/sim/command-registry';
import { findHandler } from '../../../src/sim/core/dispatcher';
import type { CommandHandler } from '../../../src/sim/types';
import { makeModule } from '../mqtt/helpers';

/** The names the dispatcher's switch listed before the registry. */
const CORE_BEFORE = ['', 'E', 'E0', 'E1', 'I', 'I0', '+GMR', '+CGMR', '+CMEE', '+CGSN', '+CFUN', '+CPIN'];
const CORE_BEFORE_TOO = ['+CEREG', '+CGACT', '+CCLK', '+QFUPL', '+QSSLCFG', '+QMTCFG'];
const MQTT_BEFORE = ['+QMTOPEN', '+QMTCLOSE', '+QMTCONN', '+QMTDISC', '+QMTSUB', '+QMTUNS', '+QMTPUBEX', '+QMTRECV'];

test('the MQTT side builds its handler map from the registry, and the core finds them there', () => {
  const module = makeModule();
  try {
    assert.deepEqual(Object.keys(module.mqtt.handlers).sort(), [...MQTT_BEFORE].sort());
    for (const name of MQTT_BEFORE) assert.equal(findHandler(name, module.mqtt.handlers), module.mqtt.handlers[name]);
  } finally {
    module.stop();
  }
});

test('the core answers the names the old switch did, and no others', () => {
  const none: Record<string, CommandHandler> = {};
  for (const name of [...CORE_BEFORE, ...CORE_BEFORE_TOO]) assert.ok(findHandler(name, none), JSON.stringify(name));
  assert.deepEqual([...SIM_COMMANDS.keys()].sort(), [...CORE_BEFORE, ...CORE_BEFORE_TOO, ...MQTT_BEFORE].sort());
  // An MQTT command the MQTT side does not implement is unknown; so is a prototype's property name.
  assert.equal(findHandler('+QMTOPEN', none), undefined);
  for (const name of ['+QMTFOO', '+CONSTRUCTOR', 'constructor', '__proto__', 'I1'])
    assert.equal(findHandler(name, none), undefined, name);
});

test('every command of the note has a registry entry', () => {
  for (const command of (raw as { commands: { name: string }[] }).commands)
    assert.ok(SIM_COMMANDS.has(command.name.replace(/^AT/, '')), command.name);
});
