import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findVariant } from '../../../src/variants/catalog';
import { parseVariantProfile } from '../../../src/variants/profile';
import { ModuleDriver } from './module-driver';

const EXPECTED = [
  '+QMTCFG: "version",(0-5),(3,4)',
  '+QMTCFG: "pdpcid",(0-5),(1-15)',
  '+QMTCFG: "ssl",(0-5),(0,1),(0-5)',
  '+QMTCFG: "keepalive",(0-5),(0-3600)',
  '+QMTCFG: "session",(0-5),(0,1)',
  '+QMTCFG: "timeout",(0-5),(1-60),(0-10),(0,1)',
  '+QMTCFG: "will",(0-5),(0,1),(0-2),(0,1),"willtopic","willmessage"',
  '+QMTCFG: "willex",(0-5),(0,1),(0-2),(0,1),"willtopic",(0-256)',
  '+QMTCFG: "recv/mode",(0-5),(0,1),(0,1)',
  '+QMTCFG: "aliauth",(0-5),"product key","device name","device secret"',
  '+QMTCFG: "qmtping",(0-5),(5-60)',
  '+QMTCFG: "send/mode",(0-5),(0,1)',
  '+QMTCFG: "onenet",(0-5),"product id","access key"',
  '+QMTCFG: "hwauth",(0-5),"product id","device secret"',
  '+QMTCFG: "hwprodid",(0-5),"product id","product secret","nodeid"',
  // spec 3.3.1 prints a space after two commas of this line; kept as printed.
  '+QMTCFG: "dataformat",(0-5), (0,1), (0,1)',
  '+QMTCFG: "view/mode",(0-5),(0,1)',
  '+QMTCFG: "edit/timeout",(0-5),(0,1),(1-120)',
  'OK',
];

test('AT+QMTCFG=? lists all 18 sub-options with ranges in spec order (spec 3.3.1)', async () => {
  const d = new ModuleDriver();
  try {
    const response = await d.command('AT+QMTCFG=?');
    assert.deepEqual(ModuleDriver.lines(response), EXPECTED);
    assert.ok(response.startsWith('\r\n+QMTCFG: "version"'));
    assert.ok(response.endsWith('\r\n\r\nOK\r\n'));
  } finally {
    d.close();
  }
});

test('a variant without a sub-option neither lists nor accepts it', async () => {
  const base = findVariant('EC200T');
  const variant = parseVariantProfile(
    {
      ...base,
      capabilities: { ...base.capabilities, subOptions: base.capabilities.subOptions.filter((s) => s !== 'onenet') },
    },
    'test',
  );
  const d = new ModuleDriver({ variant });
  try {
    const lines = ModuleDriver.lines(await d.command('AT+QMTCFG=?'));
    assert.equal(lines.length, EXPECTED.length - 1);
    assert.ok(!lines.some((l) => l.includes('"onenet"')));
    assert.equal(await d.command('AT+QMTCFG="onenet",0'), '\r\nERROR\r\n');
  } finally {
    d.close();
  }
});

test('AT+QMTCFG? and bare AT+QMTCFG are not defined → ERROR', async () => {
  const d = new ModuleDriver();
  try {
    assert.equal(await d.command('AT+QMTCFG?'), '\r\nERROR\r\n');
    assert.equal(await d.command('AT+QMTCFG'), '\r\nERROR\r\n');
  } finally {
    d.close();
  }
});
