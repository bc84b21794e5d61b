/**
 * The parameter types keep the vocabulary unambiguous without look-aheads: a command ends at a
 * space outside quotes, so "… with payload …" is never part of it; a URC may hold spaces (a bare
 * payload), so the explicit limit leads ("within 5 seconds the module reports …"). Each line below
 * must match exactly one step, with these arguments.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

type Argument = { getValue(world: unknown): unknown };
type Step = { pattern: string; expression: { match(text: string): Argument[] | null } };
type StepsDoc = { supportLibrary: () => Promise<{ stepDefinitions: Step[] }> };
const { supportLibrary } = require('../../scripts/steps-doc.js') as StepsDoc;

const TEXT_PAYLOADS = '{clients} send(s) and receive(s) MQTT payloads as text';

const CASES: [string, string, unknown[]][] = [
  ['the host sends AT+QMTOPEN=0,"a b",{port}', 'the host sends {command}', ['AT+QMTOPEN=0,"a b",{port}']],
  ['the host sends AT+QMTOPEN=0,"127.0.0.1,1883', 'the host sends {command}', ['AT+QMTOPEN=0,"127.0.0.1,1883']],
  ['the host sends at', 'the host sends {command}', ['at']],
  [
    'the host sends AT+QMTPUBEX=0,0,0,0,"topic/pub",30 with payload "This is test data, hello MQTT."',
    'the host sends {command} with payload {string}',
    ['AT+QMTPUBEX=0,0,0,0,"topic/pub",30', 'This is test data, hello MQTT.'],
  ],
  [
    'the host sends AT+QMTPUBEX=0,15,1,0,"qmt/pub/big",1500 with a payload of 1500 bytes',
    'the host sends {command} with a payload of {int} bytes',
    ['AT+QMTPUBEX=0,15,1,0,"qmt/pub/big",1500', 1500],
  ],
  [
    'the module reports +QMTRECV: 0,0,"topic/pub",30,This is test data, hello MQTT.',
    'the module reports {urc}',
    ['+QMTRECV: 0,0,"topic/pub",30,This is test data, hello MQTT.'],
  ],
  ['within 6 seconds the module reports RDY', 'within {seconds} the module reports {urc}', [6000, 'RDY']],
  ['no +QMTPING URC arrives within 35 seconds', 'no {urc} URC arrives within {seconds}', ['+QMTPING', 35_000]],
  [
    'the broker receives no PUBLISH with packet id 6 within 1 second',
    'the broker receives no {packet} with packet id {int} within {seconds}',
    ['publish', 6, 1000],
  ],
  ['the broker receives an UNSUBSCRIBE with:', 'the broker receives a(n) {packet} with:', ['unsubscribe']],
  ['clients 0, 1 and 2 send and receive MQTT payloads as text', TEXT_PAYLOADS, [[0, 1, 2]]],
  ['client 0 sends and receives MQTT payloads as text', TEXT_PAYLOADS, [[0]]],
  ['2.5 seconds pass', '{seconds} pass', [2500]],
];

test('each phrasing matches exactly one step, with the arguments the step needs', async () => {
  const { stepDefinitions } = await supportLibrary();
  for (const [text, pattern, args] of CASES) {
    const matching = stepDefinitions.filter((s) => s.expression.match(text));
    assert.deepEqual(
      matching.map((s) => s.pattern),
      [pattern],
      text,
    );
    const values = await Promise.all((matching[0]?.expression.match(text) ?? []).map((a) => a.getValue(null)));
    assert.deepEqual(values, args, text);
  }
});
