import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findVariant } from '../../../src/variants/catalog';
import { ModuleDriver } from './module-driver';

// Profile field at.prompt: spec 3.3.8 prints `>`; docs/field-evidence.md#prompt-framing: EC200U frames it `\r\n> `.
const framed = (prompt: '>' | '\r\n> ' | undefined) => {
  const base = findVariant('EC200N-CN');
  return { ...base, at: { ...(base.at ?? { cmee: 0 as const, rebootMs: 2000 }), echo: 0 as const, prompt } };
};

test('a profile without at.prompt sends the bare `>` of spec 3.3.8', async () => {
  const d = new ModuleDriver({ variant: framed(undefined), atHabits: 'profile' });
  try {
    d.take();
    d.send('AT+QMTCFG="willex",2,1,1,1,"w/t",5\r');
    assert.equal(await d.waitFor(/>$/), '>');
  } finally {
    d.close();
  }
});

test('at.prompt "\\r\\n> " frames the willex prompt as EC200U does, and the payload still goes through', async () => {
  const d = new ModuleDriver({ variant: framed('\r\n> '), atHabits: 'profile' });
  try {
    d.take();
    d.send('AT+QMTCFG="willex",2,1,1,1,"w/t",5\r');
    assert.equal(await d.waitFor(/> $/), '\r\n> ');
    d.take();
    d.send('HELLO');
    assert.equal(await d.waitFor(/OK\r\n$/), '\r\nOK\r\n');
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+QMTCFG="will",2')), [
      '+QMTCFG: "will",1,1,1,"w/t","HELLO"',
      'OK',
    ]);
  } finally {
    d.close();
  }
});
