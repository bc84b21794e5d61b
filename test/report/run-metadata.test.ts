import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  CATEGORY_DEVIATION,
  CATEGORY_HARNESS,
  CATEGORY_INTEROPERABILITY,
  CATEGORY_OF,
  CATEGORY_PRECONDITION,
  classifyResult,
  statusForClass,
} from '../../src/report/failure-classes';
import { writeRunMetadata } from '../../src/report/run-metadata';
import { tempDir } from './synthetic-results';

const meta = {
  variant: 'EC600N-CN',
  firmware: 'EC600NCNLCR03A01M08',
  model: 'EC600N-CN',
  rig: 'tcp://127.0.0.1:4001',
  harness: '0.1.0',
  startedAt: new Date('2026-11-25T10:00:00Z'),
  brokerHost: '127.0.0.1',
  tags: '@smoke and not @slow',
  faults: ['drop-puback'],
};

interface Category {
  name: string;
  matchedStatuses: string[];
  messageRegex?: string;
}

// Allure evaluates messageRegex with Java String.matches (whole message); (?s) is Java's dotall.
function categoriesFor(categories: Category[], status: string, message: string): string[] {
  return categories
    .filter((c) => c.matchedStatuses.includes(status))
    .filter((c) => {
      if (c.messageRegex === undefined) return true;
      const dotAll = c.messageRegex.startsWith('(?s)');
      const body = dotAll ? c.messageRegex.slice(4) : c.messageRegex;
      return new RegExp(`^(?:${body})$`, dotAll ? 's' : '').test(message);
    })
    .map((c) => c.name);
}

function written() {
  const dir = tempDir('meta');
  const files = writeRunMetadata(dir, meta);
  return {
    env: readFileSync(files.environment, 'utf8'),
    executor: JSON.parse(readFileSync(files.executor, 'utf8')),
    categories: JSON.parse(readFileSync(files.categories, 'utf8')) as Category[],
  };
}

test('environment.properties names the module, firmware, rig and run', () => {
  const { env } = written();
  assert.match(env, /^Variant=EC600N-CN$/m);
  assert.match(env, /^Firmware=EC600NCNLCR03A01M08$/m);
  assert.match(env, /^Rig=tcp\\:\/\/127.0.0.1\\:4001$/m);
  assert.match(env, /^Started=2026-11-25T10\\:00\\:00.000Z$/m);
  assert.match(env, /^Broker=127.0.0.1$/m);
  assert.match(env, /^Faults=drop-puback$/m);
  assert.match(env, /^Tags=@smoke and not @slow$/m);
});

test('executor.json carries variant and firmware in the build name', () => {
  const { executor } = written();
  assert.equal(executor.name, 'qmt-conformance');
  assert.equal(typeof executor.type, 'string');
  assert.match(executor.buildName, /EC600N-CN/);
  assert.match(executor.buildName, /EC600NCNLCR03A01M08/);
});

const H = CATEGORY_HARNESS;
const cases: [string, string, string[]][] = [
  ['failed', "Expected values to be strictly equal:\n\n'ERROR' !== 'OK'\n", ['Module non-conformance']],
  ['failed', 'non-conformance: expected +QMTOPEN: 0,0, observed +QMTOPEN: 0,3', ['Module non-conformance']],
  ['failed', 'non-conformance: broker received QoS 0, expected QoS 1', ['Module non-conformance']],
  ['failed', 'non-conformance: module reported ERROR where OK was expected', ['Module non-conformance']],
  ['failed', 'harness: step "x" has no domain method', [H]],
  ['failed', 'rig: serial port /dev/ttyUSB2 lost', [H]],
  ['failed', 'AT+QMTOPEN? timed out after 5000 ms\n(no byte received from the module)', [H]],
  ['failed', 'connect ECONNREFUSED 127.0.0.1:1883', [H]],
  ['failed', 'the broker failed to start', [H]],
  ['broken', 'Expected values to be strictly equal:\n\n1 !== 2\n', [H]],
  [
    'failed',
    "AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:\n\n'OK' !== 'ERROR'\n\n    at World.<anonymous> (/work/main/src/at/serial-port.ts:12:51)",
    ['Module non-conformance'],
  ],
  [
    'failed',
    'Error: non-conformance: the broker saw no PUBLISH\n    at World.<anonymous> (/w/steps/a.ts:1:1)',
    ['Module non-conformance'],
  ],
  [
    'failed',
    'Error: rig: serial port /dev/ttyUSB2 closed\n    at SerialPort.<anonymous> (/w/src/at/serial.ts:1:1)',
    [H],
  ],
  [
    'failed',
    'Error: AT+QMTCONN timed out after 5000 ms\n(no byte received from the module)\n    at Timeout (/w/src/at/queue.ts:1:1)',
    [H],
  ],
  // src/qmt/verdict.ts prefixes decide alone, whatever words follow and whatever the status.
  [
    'broken',
    'Error: precondition: AT+QFUPL="ca.pem",1200 answered ERROR\n    at World.<anonymous> (/w/steps/a.ts:1:1)',
    [CATEGORY_PRECONDITION],
  ],
  [
    'failed',
    'precondition: AT+QSSLCFG="cacert" answered ERROR; the broker port was never dialled',
    [CATEGORY_PRECONDITION],
  ],
  [
    'failed',
    'AssertionError [ERR_ASSERTION]: profile deviation: reading A10 declared after-open, observed after-connect (profile EC200N-CN); the broker saw no CONNECT',
    [CATEGORY_DEVIATION],
  ],
  [
    'failed',
    'AssertionError [ERR_ASSERTION]: interoperability: the broker refused the aliauth CONNECT',
    [CATEGORY_INTEROPERABILITY],
  ],
  [
    'broken',
    'Error: non-conformance: the module echoed 1 command line(s) after ATE0 switched echo off',
    ['Module non-conformance'],
  ],
  ['broken', 'Error: rig: ser2net closed', [H]],
  ['failed', 'AssertionError [ERR_ASSERTION]: harness: no broker', [H]],
  // A prefix later in the text is no prefix: an unprefixed assertion is still the module's answer.
  ['failed', 'expected OK; observed ERROR (precondition: none)', ['Module non-conformance']],
  ['failed', '', ['Module non-conformance']],
  ['broken', '', [H]],
  // The module talked but never ended its answer: its behaviour; silence is the rig's.
  [
    'broken',
    'AtTimeoutError: AT+QMTCFG="qmtping",0: no final result within 1689 ms (95 bytes received)\n    at Object.callback (/w/src/at/at-client.ts:115:35)',
    ['Module non-conformance'],
  ],
  [
    'failed',
    'AT+QMTCFG="qmtping",0: no final result within 300 ms (24 bytes received); broker idle',
    ['Module non-conformance'],
  ],
  [
    'broken',
    'AtTimeoutError: AT+QMTCONN=0,"c": no final result within 5000 ms (no byte received from the module)',
    [H],
  ],
  ['broken', 'AtTimeoutError: AT+QMTPUBEX=0,1,1,0,"t",5: no > prompt within 300 ms (0 bytes received)', [H]],
  ['skipped', 'not applicable: EG912Y has no TLS', ['Not applicable']],
  ['skipped', 'pending step', []],
  ['passed', '', []],
];

test('categories.json puts each failure in exactly one category', () => {
  const { categories } = written();
  assert.deepEqual(
    [...new Set(categories.map((c) => c.name))].sort(),
    [
      CATEGORY_DEVIATION,
      CATEGORY_INTEROPERABILITY,
      'Module non-conformance',
      'Not applicable',
      H,
      CATEGORY_PRECONDITION,
    ].sort(),
  );
  for (const [status, message, expected] of cases) {
    assert.deepEqual(categoriesFor(categories, status, message), expected, `${status}: ${message}`);
  }
});

test('classifyResult agrees with categories.json', () => {
  const byCategory: Record<string, string> = Object.fromEntries(
    Object.entries(CATEGORY_OF).map(([cls, name]) => [name, cls]),
  );
  for (const [status, message, expected] of cases) {
    const outcome = classifyResult(status as 'failed', message);
    const want = expected.length > 0 ? byCategory[expected[0]] : status === 'passed' ? 'passed' : 'not-run';
    assert.equal(outcome, want, `${status}: ${message}`);
  }
});

test('not judged is shown broken, what the note judges failed', () => {
  assert.equal(statusForClass('precondition'), 'broken');
  assert.equal(statusForClass('harness-trouble'), 'broken');
  assert.equal(statusForClass('non-conformance'), 'failed');
  assert.equal(statusForClass('profile-deviation'), 'failed');
  assert.equal(statusForClass('interoperability'), 'failed');
});

test('environment names the verdict mode, and a strict run leaves its declaration beside the results', () => {
  const dir = tempDir('meta-strict');
  const files = writeRunMetadata(dir, {
    ...meta,
    declaredProfile: { name: 'EC200N-CN', readings: { A10: 'after-open' }, defaults: { vsn: 4 } },
  });
  assert.match(readFileSync(files.environment, 'utf8'), /^Profile=EC200N-CN \(strict/m);
  assert.deepEqual(JSON.parse(readFileSync(files.declaredProfile, 'utf8')), {
    mode: 'strict',
    profile: { name: 'EC200N-CN', readings: { A10: 'after-open' }, defaults: { vsn: 4 } },
  });
  const plain = writeRunMetadata(tempDir('meta-default'), meta);
  assert.match(readFileSync(plain.environment, 'utf8'), /^Profile=none \(default mode/m);
  assert.deepEqual(JSON.parse(readFileSync(plain.declaredProfile, 'utf8')), { mode: 'default' });
});
