import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ModuleDriver } from './module-driver';

test('"will": will_fg=1 needs all four; topic 1..256, message 0..256 bytes (spec 3.3.1)', async () => {
  const d = new ModuleDriver();
  try {
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+QMTCFG="will",0')), ['+QMTCFG: "will",0', 'OK']);
    const topic = 't'.repeat(256);
    assert.equal(await d.command(`AT+QMTCFG="will",0,1,2,1,"${topic}",""`), '\r\nOK\r\n');
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+QMTCFG="will",0')), [
      `+QMTCFG: "will",1,2,1,"${topic}",""`,
      'OK',
    ]);
    assert.equal(await d.command(`AT+QMTCFG="will",0,1,1,0,"a","${'m'.repeat(256)}"`), '\r\nOK\r\n');
    for (const bad of [
      `1,1,0,"${'t'.repeat(257)}","m"`,
      `1,1,0,"","m"`,
      `1,1,0,"a","${'m'.repeat(257)}"`,
      '1,3,0,"a","m"',
      '1,1,2,"a","m"',
      '1,1,0,"a"',
      '1',
      '2',
      '1,1,0,a,"m"',
    ]) {
      assert.equal(await d.command(`AT+QMTCFG="will",0,${bad}`), '\r\nERROR\r\n', bad);
    }
  } finally {
    d.close();
  }
});

test('"will" A11 ignore-extra: will_fg=0 with more parameters answers OK and clears the Will', async () => {
  const d = new ModuleDriver();
  try {
    await d.command('AT+QMTCFG="will",1,1,1,0,"a","m"');
    assert.equal(await d.command('AT+QMTCFG="will",1,0,1,0,"b","n"'), '\r\nOK\r\n');
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+QMTCFG="will",1')), ['+QMTCFG: "will",0', 'OK']);
  } finally {
    d.close();
  }
});

test('"willex": `>` prompt, reads <will_len> bytes, drops the extra bytes of that input', async () => {
  const d = new ModuleDriver();
  try {
    d.take();
    d.send('AT+QMTCFG="willex",2,1,1,1,"w/t",5\r');
    assert.equal(await d.waitFor(/>$/), '>');
    d.take();
    d.send('HELLOWORLD');
    assert.equal(await d.waitFor(/OK\r\n$/), '\r\nOK\r\n');
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+QMTCFG="willex",2')), [
      '+QMTCFG: "willex",1,1,1,"w/t",5',
      'OK',
    ]);
    // Both sub-options describe the same Will.
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+QMTCFG="will",2')), [
      '+QMTCFG: "will",1,1,1,"w/t","HELLO"',
      'OK',
    ]);
  } finally {
    d.close();
  }
});

test('"willex": input split over several writes is waited for; fewer bytes keep the prompt open', async () => {
  const d = new ModuleDriver();
  try {
    d.send('AT+QMTCFG="willex",0,1,0,0,"t",4\r');
    await d.waitFor(/>$/);
    d.take();
    d.send('ab');
    await ModuleDriver.pause(20);
    assert.equal(d.peek(), '', 'still waiting for 2 more bytes');
    d.send('c\r');
    assert.equal(await d.waitFor(/OK\r\n$/), '\r\nOK\r\n');
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+QMTCFG="willex",0')), [
      '+QMTCFG: "willex",1,0,0,"t",4',
      'OK',
    ]);
  } finally {
    d.close();
  }
});

test('"willex": will_len 0 completes at once; out-of-range or incomplete → ERROR without prompt', async () => {
  const d = new ModuleDriver();
  try {
    assert.equal(await d.command('AT+QMTCFG="willex",0,1,0,0,"t",0'), '>\r\nOK\r\n');
    for (const bad of ['1,0,0,"t",257', '1,0,0,"t"', '1,3,0,"t",1', '1,0,0,"",1', '2']) {
      assert.equal(await d.command(`AT+QMTCFG="willex",0,${bad}`), '\r\nERROR\r\n', bad);
    }
    // A11willex no-prompt: will_fg=0 answers OK at once.
    assert.equal(await d.command('AT+QMTCFG="willex",0,0'), '\r\nOK\r\n');
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+QMTCFG="willex",0')), ['+QMTCFG: "willex",0', 'OK']);
  } finally {
    d.close();
  }
});
