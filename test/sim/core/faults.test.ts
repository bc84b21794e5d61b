/**
 * Sensitivity of the fault catalogue: every core fault changes the behaviour it claims,
 * names existing spec items, and unknown ids are refused.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createSimulatedModule } from '../../../src/sim';
import { VirtualClock } from '../../../src/clock/clock';
import { CORE_FAULTS } from '../../../src/sim/faults/core-faults';
import { FAULTS } from '../../../src/sim/faults/catalog';
import { findVariant } from '../../../src/variants/catalog';
import { fakeMqttSide, ModuleDriver } from './module-driver';

/** Sends lines one by one, waiting a little real time after each; returns everything received. */
async function exchange(d: ModuleDriver, lines: string[], pauseMs = 15): Promise<string> {
  let text = '';
  for (const line of lines) {
    d.send(`${line}\r`);
    await ModuleDriver.pause(pauseMs);
    text += d.take();
  }
  return text;
}

type Probe = (d: ModuleDriver) => Promise<string>;
const q =
  (...lines: string[]): Probe =>
  (d) =>
    exchange(d, lines);

const PROBES: Record<string, Probe> = {
  'keepalive-accepts-3601': q('AT+QMTCFG="keepalive",1,3601'),
  'keepalive-default-60': q('AT+QMTCFG="keepalive",1'),
  'pkt-timeout-accepts-0': q('AT+QMTCFG="timeout",1,0,3,0'),
  'pkt-timeout-default-10': q('AT+QMTCFG="timeout",1'),
  'retry-times-accepts-11': q('AT+QMTCFG="timeout",1,5,11,0'),
  'vsn-accepts-5': q('AT+QMTCFG="version",1,5'),
  'version-query-reports-default': q('AT+QMTCFG="version",1,3', 'AT+QMTCFG="version",1'),
  'cid-accepts-16': q('AT+QMTCFG="pdpcid",1,16'),
  'cid-default-0': q('AT+QMTCFG="pdpcid",1'),
  'ssl-ctx-accepts-6': q('AT+QMTCFG="ssl",1,1,6'),
  'willtopic-accepts-257': q(`AT+QMTCFG="will",1,1,0,0,"${'t'.repeat(257)}","m"`),
  'willmessage-accepts-257': q(`AT+QMTCFG="will",1,1,0,0,"t","${'m'.repeat(257)}"`),
  'will-len-accepts-257': q('AT+QMTCFG="willex",1,1,0,0,"t",257'),
  'willex-ignores-will-len': q('AT+QMTCFG="willex",1,1,0,0,"t",2', 'abcd', 'AT+QMTCFG="willex",1'),
  'recv-mode-query-swapped': q('AT+QMTCFG="recv/mode",1,1,0', 'AT+QMTCFG="recv/mode",1'),
  'qmtping-accepts-4': q('AT+QMTCFG="qmtping",1,4'),
  'qmtping-default-10': q('AT+QMTCFG="qmtping",1'),
  'edit-time-accepts-0': q('AT+QMTCFG="edit/timeout",1,1,0'),
  'client-idx-6-accepted': q('AT+QMTCFG="keepalive",6'),
  'test-form-missing-timeout': q('AT+QMTCFG=?'),
  'qmtcfg-set-while-connected': q('AT+QMTCFG="keepalive",0,60'),
  // Client 0 has sent CONNECT (fakeMqttSide): a set accepted then is the fault.
  'qmtcfg-set-after-connect': q('AT+QMTCFG="keepalive",0,60'),
  'qmtcfg-refused-set-stored': q('AT+QMTCFG="keepalive",0,60', 'AT+QMTCFG="keepalive",0'),
  'test-form-keepalive-range-7200': q('AT+QMTCFG=?'),
  'qmtcfg-survives-reboot': async (d) => {
    await exchange(d, ['AT+QMTCFG="keepalive",1,60', 'AT+CFUN=1,1']);
    await d.waitFor(/APP RDY\r\n$/, 2000);
    d.take();
    return exchange(d, ['AT+QMTCFG="keepalive",1']);
  },
  'qmtcfg-slow-response': async (d) => {
    const start = d.clock.now();
    await exchange(d, ['AT+QMTCFG="keepalive",1'], 60);
    return `answered after ${d.clock.now() - start} ms`;
  },
  'lowercase-at-rejected': q('at'),
  'response-lf-only': q('AT'),
  'echo-stuck-on': q('ATE0', 'AT'),
  'payload-echo-with-ate0': q('ATE0', 'AT+QMTCFG="willex",1,1,0,0,"t",5', 'hello'),
  'qmtcfg-rejected-set-answers-ok': q('AT+QMTCFG="keepalive",1,3601'),
  'qmtcfg-set-not-stored': q('AT+QMTCFG="keepalive",1,60', 'AT+QMTCFG="keepalive",1'),
  'test-forms-answer-bare-ok': q('AT+QMTCFG=?'),
  'qmtcfg-query-comma-space': q('AT+QMTCFG="timeout",1'),
  'client-idx-lenient-parse': q('AT+QMTCFG="keepalive",x'),
  'at-port-hangs-once': q('AT+QMTSUB=0,1,"t",0', 'AT'),
};

function driver(faults: string[] = []): ModuleDriver {
  // Client 0 has a connection, so the set-while-connected fault can show.
  return new ModuleDriver({ faults, mqttSide: fakeMqttSide(new Set([0])).factory });
}

test('at least 14 core faults, every one with a probe', () => {
  assert.ok(CORE_FAULTS.length >= 14);
  assert.deepEqual(CORE_FAULTS.map((f) => f.id).sort(), Object.keys(PROBES).sort());
});

test('fault ids are unique and every target is a spec item id', () => {
  const spec = JSON.parse(readFileSync(join(__dirname, '../../../spec/quectel-mqtt-at.json'), 'utf8')) as {
    items: { id: string }[];
  };
  const items = new Set(spec.items.map((i) => i.id));
  assert.equal(new Set(FAULTS.map((f) => f.id)).size, FAULTS.length);
  for (const fault of CORE_FAULTS) {
    assert.ok(fault.targets.length > 0, fault.id);
    for (const target of fault.targets) assert.ok(items.has(target), `${fault.id}: unknown target ${target}`);
  }
});

test('an unknown fault id throws, naming the id and the known ones', () => {
  assert.throws(
    () =>
      createSimulatedModule({ variant: findVariant('EC200T'), clock: new VirtualClock(), faults: ['no-such-fault'] }),
    /unknown fault "no-such-fault".*keepalive-accepts-3601/,
  );
});

for (const fault of CORE_FAULTS) {
  test(`fault ${fault.id} changes what the module answers`, async () => {
    const healthy = driver();
    const faulty = driver([fault.id]);
    try {
      const expected = await PROBES[fault.id](healthy);
      const actual = await PROBES[fault.id](faulty);
      assert.notEqual(actual, expected, `${fault.id} shows no difference: ${JSON.stringify(actual)}`);
    } finally {
      healthy.close();
      faulty.close();
    }
  });
}
