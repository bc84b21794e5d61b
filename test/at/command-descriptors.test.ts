/**
 * The per-command tables derived from the descriptors (src/at/commands) against the tables the
 * code kept by hand before them: the same entries, except where a difference is named here with
 * its reason. And every command of the note has a descriptor that says what the note says.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spec } from '../../src/spec/catalog';
import { COMMANDS, commandDescriptor } from '../../src/at/commands';
import {
  answersUntagged,
  dataPromptFor,
  OTHER_DOCUMENT_COMMANDS,
  ONE_SHOT,
  PER_MESSAGE,
  PROMPTED_COMMAND,
  SECRET_ARGUMENTS,
  TIMER_PACKETS,
  timeLimitRule,
  URC_ON_SET,
} from '../../src/at/commands/tables';

const sorted = (names: Iterable<string>) => [...names].sort();

test('every command of the note has a descriptor citing its section', () => {
  for (const command of spec.commands) {
    const descriptor = commandDescriptor(command.name.replace(/^AT/, ''));
    assert.ok(descriptor, command.name);
    assert.deepEqual(descriptor.document, { note: command.section }, command.name);
  }
  const fromNote = COMMANDS.filter((c) => 'note' in c.document).map((c) => `AT${c.name}`);
  assert.deepEqual(sorted(fromNote), sorted(spec.commands.map((c) => c.name)));
});

test('no two descriptors share a name', () => {
  assert.equal(new Set(COMMANDS.map((c) => c.name)).size, COMMANDS.length);
});

test('URCs on set: the old table without +QMTPUB, a command the note does not have and no step sends', () => {
  const before = ['+QMTOPEN', '+QMTCLOSE', '+QMTCONN', '+QMTDISC', '+QMTSUB', '+QMTUNS', '+QMTPUBEX', '+QMTPUB'];
  assert.deepEqual(sorted(URC_ON_SET), sorted([...before.filter((n) => n !== '+QMTPUB'), '+CFUN', '+CPIN']));
});

test('one-shot and per-message result URCs are the ones urc-match kept', () => {
  assert.deepEqual(sorted(ONE_SHOT), sorted(['+QMTOPEN', '+QMTCLOSE', '+QMTCONN', '+QMTDISC']));
  assert.deepEqual(sorted(PER_MESSAGE), sorted(['+QMTSUB', '+QMTUNS', '+QMTPUBEX']));
});

test('timer packets are the ones the host kept (spec figure 1)', () => {
  assert.deepEqual(TIMER_PACKETS, {
    '+QMTCONN': ['connect'],
    '+QMTSUB': ['subscribe'],
    '+QMTUNS': ['unsubscribe'],
    '+QMTPUBEX': ['pubrel', 'publish'],
  });
});

test('commands of other documents: the old six, plus the identification commands and +CPIN', () => {
  for (const name of ['+QFUPL', '+QSSLCFG', '+CFUN', '+CGSN', 'E0', 'E1'])
    assert.equal(OTHER_DOCUMENT_COMMANDS.has(name), true, name);
  // Sent only by src/rig (identify, doctor) through the AT client, never through the QMT host whose
  // answerFailure reads this table: the difference changes no verdict.
  const added = ['E', 'I', 'I0', '+GMI', '+GMM', '+GMR', '+GSN', '+CGMI', '+CGMM', '+CGMR', '+CIMI', '+QGMR', '+CPIN'];
  for (const name of added) assert.equal(OTHER_DOCUMENT_COMMANDS.has(name), true, name);
  for (const command of spec.commands) assert.equal(OTHER_DOCUMENT_COMMANDS.has(command.name.slice(2)), false);
  assert.equal(OTHER_DOCUMENT_COMMANDS.has('+QMTFOO'), false);
});

test('untagged answers: the old list and ATI with any number', () => {
  const before = ['I', '+GMR', '+CGMR', '+CGMI', '+CGMM', '+GMI', '+GMM', '+CGSN', '+GSN', '+CIMI', '+QGMR'];
  for (const name of [...before, 'I0', 'I9']) assert.equal(answersUntagged(name), true, name);
  for (const name of ['+QMTCFG', '+CFUN', 'E0', '+QMTRECV', '+QMTFOO', '']) assert.equal(answersUntagged(name), false);
});

test('data prompts: CONNECT for AT+QFUPL only', () => {
  assert.equal(dataPromptFor('+QFUPL'), 'CONNECT');
  for (const name of ['+QMTPUBEX', '+QMTCFG', '+QMTFOO']) assert.equal(dataPromptFor(name), '>');
});

test('secret arguments are the ones secrets.ts kept, found from the note syntax', () => {
  assert.deepEqual(SECRET_ARGUMENTS, {
    '+QMTCONN': [3],
    '+QMTCFG': { aliauth: [4], onenet: [3], hwauth: [3], hwprodid: [3] },
  });
});

test('prompted command lines match what observed-at-habits matched before', () => {
  const before = /^AT\+QMTPUBEX=|^AT\+QMTCFG="willex"/i;
  const lines = [
    'AT+QMTPUBEX=0,1,1,0,"t",5',
    'at+qmtpubex=0,0,0,0,"t",1',
    'AT+QMTPUBEX?',
    'AT+QMTCFG="willex",0,1,1,0,"t",5',
    'AT+QMTCFG="willex",0',
    'AT+QMTCFG="will",0,1,1,0,"t","m"',
    'AT+QMTSUB=0,1,"t",0',
    'AT+QFUPL="UFS:a",10',
  ];
  for (const line of lines) assert.equal(PROMPTED_COMMAND.test(line), before.test(line), line);
});

test('time limits: the note rule for its commands, the old harness limits for the rest', () => {
  const note = (name: string) => timeLimitRule(name).rule;
  assert.deepEqual(note('+QMTCFG'), { by: 'note', section: '3.3.1', text: '300 ms', ms: 300 });
  assert.equal(timeLimitRule('+QMTCFG').resultUrc, false);
  assert.deepEqual(note('+QMTOPEN'), {
    by: 'note',
    section: '3.3.2',
    text: '120 s, determined by network status',
    ms: 120_000,
  });
  assert.equal(timeLimitRule('+QMTOPEN').resultUrc, true);
  assert.equal((note('+QMTCONN') as { expression: string }).expression, '<pkt_timeout>');
  for (const name of ['+QMTSUB', '+QMTUNS', '+QMTPUBEX'])
    assert.equal((note(name) as { expression: string }).expression, '<pkt_timeout> × <retry_times>');
  const harness = {
    '+CFUN': 15_000,
    '+QFUPL': 10_000,
    '+QMTRECV': 5_000,
    '+QSSLCFG': 1_000,
    E0: 1_000,
    '+QMTFOO': 1_000,
  };
  for (const [name, ms] of Object.entries(harness)) assert.deepEqual(note(name), { by: 'harness', ms }, name);
});
