/**
 * Every AT+QMTCFG sub-option: power-up query, set at the range edges, query of what was set,
 * and ERROR just outside the range or with the wrong type (spec 3.3.1).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ModuleDriver } from './module-driver';

interface Case {
  name: string;
  defaultQuery: string;
  valid: { set: string; query: string }[];
  invalid: string[];
}

const CASES: Case[] = [
  {
    name: 'version',
    defaultQuery: '"version",4',
    valid: [
      { set: '3', query: '"version",3' },
      { set: '4', query: '"version",4' },
    ],
    invalid: ['2', '5', '"4"', '', '3,1'],
  },
  {
    name: 'pdpcid',
    defaultQuery: '"pdpcid",1',
    valid: [
      { set: '15', query: '"pdpcid",15' },
      { set: '1', query: '"pdpcid",1' },
    ],
    invalid: ['0', '16', '-1', 'a'],
  },
  {
    name: 'ssl',
    defaultQuery: '"ssl",0,0',
    valid: [
      { set: '1,5', query: '"ssl",1,5' },
      { set: '0', query: '"ssl",0,5' },
      { set: '0,0', query: '"ssl",0,0' },
    ],
    invalid: ['2,0', '1,6', '1,0,0', '"1",0'],
  },
  {
    name: 'keepalive',
    defaultQuery: '"keepalive",120',
    valid: [
      { set: '0', query: '"keepalive",0' },
      { set: '3600', query: '"keepalive",3600' },
    ],
    invalid: ['3601', '-1', '60,1'],
  },
  {
    name: 'session',
    defaultQuery: '"session",1',
    valid: [
      { set: '0', query: '"session",0' },
      { set: '1', query: '"session",1' },
    ],
    invalid: ['2'],
  },
  {
    name: 'timeout',
    defaultQuery: '"timeout",5,3,0',
    // A9 keep-previous: a partial omission keeps the omitted values (spec 3.1.1).
    valid: [
      { set: '1,0,1', query: '"timeout",1,0,1' },
      { set: '60,10,0', query: '"timeout",60,10,0' },
      { set: '10', query: '"timeout",10,10,0' },
      { set: '20,4', query: '"timeout",20,4,0' },
    ],
    invalid: ['0,3,0', '61,3,0', '5,11,0', '5,3,2', '0', '5,3,0,1'],
  },
  {
    name: 'recv/mode',
    // <msg_len_enable> 0 by default (docs/field-evidence.md#message-length-off-by-default; the profile's defaults.msgLenEnable).
    defaultQuery: '"recv/mode",0,0',
    valid: [
      { set: '1,0', query: '"recv/mode",1,0' },
      { set: '0,1', query: '"recv/mode",0,1' },
      { set: '1', query: '"recv/mode",1,1' },
    ],
    invalid: ['2,0', '0,2', '0,0,0'],
  },
  {
    name: 'aliauth',
    defaultQuery: '"aliauth","","",""',
    valid: [
      { set: '"pk","dn","ds"', query: '"aliauth","pk","dn","ds"' },
      { set: '"pk2","dn2"', query: '"aliauth","pk2","dn2","ds"' },
    ],
    invalid: ['pk,"dn","ds"', '"pk","dn","ds","x"'],
  },
  {
    name: 'qmtping',
    defaultQuery: '"qmtping",5',
    valid: [
      { set: '60', query: '"qmtping",60' },
      { set: '5', query: '"qmtping",5' },
    ],
    invalid: ['4', '61'],
  },
  {
    name: 'send/mode',
    defaultQuery: '"send/mode",0',
    valid: [{ set: '1', query: '"send/mode",1' }],
    invalid: ['2'],
  },
  {
    name: 'onenet',
    defaultQuery: '"onenet","",""',
    valid: [
      { set: '"123","key"', query: '"onenet","123","key"' },
      { set: '"456"', query: '"onenet","456","key"' },
    ],
    invalid: ['123,"key"', '"1","k","x"'],
  },
  {
    name: 'hwauth',
    defaultQuery: '"hwauth","","",0',
    valid: [
      { set: '"pid","sec"', query: '"hwauth","pid","sec",0' },
      { set: '"pid","sec",1', query: '"hwauth","pid","sec",1' },
      { set: '"p2"', query: '"hwauth","p2","sec",1' },
    ],
    invalid: ['pid', '"pid","sec",2', '"pid","sec","1"'],
  },
  {
    name: 'hwprodid',
    defaultQuery: '"hwprodid","","","",0',
    valid: [
      { set: '"p","s","n"', query: '"hwprodid","p","s","n",0' },
      { set: '"p2","s2"', query: '"hwprodid","p2","s2","n",0' },
    ],
    invalid: ['p,"s"', '"p","s","n",2'],
  },
  {
    name: 'dataformat',
    defaultQuery: '"dataformat",0,0',
    valid: [
      { set: '1,1', query: '"dataformat",1,1' },
      { set: '0', query: '"dataformat",0,1' },
    ],
    invalid: ['2', '2,0', '0,2', '0,0,0'],
  },
  {
    name: 'view/mode',
    defaultQuery: '"view/mode",0',
    valid: [{ set: '1', query: '"view/mode",1' }],
    invalid: ['2'],
  },
  {
    name: 'edit/timeout',
    defaultQuery: '"edit/timeout",0,30',
    valid: [
      { set: '1,1', query: '"edit/timeout",1,1' },
      { set: '0,120', query: '"edit/timeout",0,120' },
      { set: '1', query: '"edit/timeout",1,120' },
    ],
    invalid: ['2', '1,0', '1,121', '2,30'],
  },
];

for (const c of CASES) {
  test(`"${c.name}": query, set at the edges, ERROR outside (spec 3.3.1)`, async () => {
    const d = new ModuleDriver();
    try {
      assert.deepEqual(ModuleDriver.lines(await d.command(`AT+QMTCFG="${c.name}",3`)), [
        `+QMTCFG: ${c.defaultQuery}`,
        'OK',
      ]);
      for (const v of c.valid) {
        assert.equal(await d.command(`AT+QMTCFG="${c.name}",3,${v.set}`), '\r\nOK\r\n', `set ${v.set}`);
        assert.deepEqual(ModuleDriver.lines(await d.command(`AT+QMTCFG="${c.name}",3`)), [`+QMTCFG: ${v.query}`, 'OK']);
      }
      const last = c.valid[c.valid.length - 1].query;
      for (const bad of c.invalid) {
        assert.equal(await d.command(`AT+QMTCFG="${c.name}",3,${bad}`), '\r\nERROR\r\n', `set ${bad}`);
      }
      // A refused set changes nothing; other clients keep their own configuration.
      assert.deepEqual(ModuleDriver.lines(await d.command(`AT+QMTCFG="${c.name}",3`)), [`+QMTCFG: ${last}`, 'OK']);
      assert.deepEqual(ModuleDriver.lines(await d.command(`AT+QMTCFG="${c.name}",4`)), [
        `+QMTCFG: ${c.defaultQuery}`,
        'OK',
      ]);
    } finally {
      d.close();
    }
  });
}

test('client_idx 0..5 only; 6, -1, quoted or missing → ERROR', async () => {
  const d = new ModuleDriver();
  try {
    assert.match(await d.command('AT+QMTCFG="keepalive",0'), /OK/);
    assert.match(await d.command('AT+QMTCFG="keepalive",5'), /OK/);
    for (const idx of ['6', '-1', '"0"', '']) {
      assert.equal(await d.command(`AT+QMTCFG="keepalive",${idx}`), '\r\nERROR\r\n', idx);
    }
    assert.equal(await d.command('AT+QMTCFG="keepalive"'), '\r\nERROR\r\n');
  } finally {
    d.close();
  }
});

test('sub-option names: A34 case-insensitive by profile; unknown or unquoted → ERROR', async () => {
  const d = new ModuleDriver();
  try {
    assert.equal(await d.command('AT+QMTCFG="SSL",0,1,2'), '\r\nOK\r\n');
    assert.deepEqual(ModuleDriver.lines(await d.command('AT+QMTCFG="ssl",0')), ['+QMTCFG: "ssl",1,2', 'OK']);
    assert.equal(await d.command('AT+QMTCFG="nosuch",0'), '\r\nERROR\r\n');
    assert.equal(await d.command('AT+QMTCFG=ssl,0'), '\r\nERROR\r\n');
  } finally {
    d.close();
  }
});
