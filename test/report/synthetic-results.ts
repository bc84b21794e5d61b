// Writes small allure-cucumberjs-shaped results folders for the report tests, using the same
// label function the run hooks use, so tests exercise the real label contract.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scenarioLabels } from '../../src/report/labels';
import type { DeclaredProfile } from '../../src/report/declared-profile';
import { writeRunMetadata } from '../../src/report/run-metadata';

export interface SyntheticScenario {
  name: string;
  variant: string;
  status: 'passed' | 'failed' | 'broken' | 'skipped';
  specIds: string[];
  message?: string;
  feature?: string;
  rule?: string;
  firmware?: string;
  start?: number;
  transcript?: string;
  /** Value of an `applicability` label, as the run hook writes it for a not-applicable skip. */
  applicability?: string;
  /** `reading` labels the run hook writes when a step observes a reading: "A10=after-open". */
  readings?: string[];
  /** Extra Gherkin tags, e.g. "@interoperability". */
  tags?: string[];
}

export interface SyntheticRunOptions {
  /** Strict run: the profile the run declared (written as declared-profile.json). */
  declaredProfile?: DeclaredProfile;
}

const created: string[] = [];
// Each test file runs in its own process: leave no temp folders behind it.
process.on('exit', () => created.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `qmt-report-${prefix}-`));
  created.push(dir);
  return dir;
}

export function writeSyntheticResults(
  dir: string,
  scenarios: SyntheticScenario[],
  withMetadata = true,
  run: SyntheticRunOptions = {},
): string {
  mkdirSync(dir, { recursive: true });
  for (const s of scenarios) {
    const uuid = randomUUID();
    const start = s.start ?? Date.UTC(2026, 10, 25, 10, 0, 0);
    const attachments = [];
    if (s.transcript !== undefined) {
      const source = `${randomUUID()}-attachment.txt`;
      writeFileSync(join(dir, source), s.transcript);
      attachments.push({ name: 'AT transcript', type: 'text/plain', source });
    }
    const labels = [
      ...scenarioLabels({
        variant: s.variant,
        firmware: s.firmware ?? `${s.variant}R01A01`,
        model: s.variant,
        imei: '861234567891234',
        rig: 'in-process simulator',
        harness: '0.1.0',
        featureName: s.feature ?? 'AT+QMTCFG keepalive',
        ruleName: s.rule,
        tags: s.specIds.map((id) => `@spec:${id}`),
      }),
      ...s.specIds.map((id) => ({ name: 'tag', value: `@spec:${id}` })),
      ...(s.tags ?? []).map((tag) => ({ name: 'tag', value: tag })),
      ...(s.readings ?? []).map((r) => ({ name: 'reading', value: r })),
      { name: 'feature', value: s.feature ?? 'AT+QMTCFG keepalive' },
      ...(s.applicability !== undefined ? [{ name: 'applicability', value: s.applicability }] : []),
    ];
    const result = {
      uuid,
      // Same scenario name → same historyId in every variant, as allure-cucumberjs would write it.
      historyId: `h-${s.name}`,
      testCaseId: `t-${s.name}`,
      fullName: `features/x.feature#${s.name}`,
      name: s.name,
      status: s.status,
      statusDetails: s.message !== undefined ? { message: s.message } : {},
      stage: 'finished',
      steps: [],
      attachments,
      parameters: (s.readings ?? []).map((r) => ({
        name: `reading ${r.split('=')[0]}`,
        value: r.split('=')[1],
        excluded: true,
      })),
      labels,
      links: [],
      start,
      stop: start + 1000,
    };
    writeFileSync(join(dir, `${uuid}-result.json`), JSON.stringify(result));
  }
  if (withMetadata && scenarios.length > 0) {
    const v = scenarios[0].variant;
    writeRunMetadata(dir, {
      variant: v,
      firmware: scenarios[0].firmware ?? `${v}R01A01`,
      model: v,
      rig: 'in-process simulator',
      harness: '0.1.0',
      startedAt: new Date(Date.UTC(2026, 10, 25, 10, 0, 0)),
      brokerHost: '127.0.0.1',
      declaredProfile: run.declaredProfile,
    });
  }
  return dir;
}

/** Two folders, two variants: the fixture most report tests share. */
export function twoVariantFolders(): { ec200t: string; eg912y: string } {
  const ec200t = writeSyntheticResults(tempDir('ec200t'), [
    { name: 'keepalive 60 is accepted', variant: 'EC200T', status: 'passed', specIds: ['3.3.1:keepalive:set'] },
    { name: 'keepalive query', variant: 'EC200T', status: 'passed', specIds: ['3.3.1:keepalive:query'] },
    {
      name: 'version 4 is accepted',
      variant: 'EC200T',
      status: 'failed',
      specIds: ['3.3.1:version:set'],
      message: "Expected values to be strictly equal:\n\n'ERROR' !== 'OK'\n",
    },
    {
      name: 'version query after set',
      variant: 'EC200T',
      status: 'passed',
      specIds: ['3.3.1:version:query'],
    },
  ]);
  const eg912y = writeSyntheticResults(tempDir('eg912y'), [
    { name: 'keepalive 60 is accepted', variant: 'EG912Y', status: 'passed', specIds: ['3.3.1:keepalive:set'] },
    {
      name: 'keepalive query',
      variant: 'EG912Y',
      status: 'skipped',
      specIds: ['3.3.1:keepalive:query'],
      message: 'not applicable: EG912Y profile has no keepalive query',
    },
    {
      name: 'version 4 is accepted',
      variant: 'EG912Y',
      status: 'failed',
      specIds: ['3.3.1:version:set'],
      message: 'rig: serial port /dev/ttyUSB2 lost (no byte received from the module)',
    },
  ]);
  return { ec200t, eg912y };
}

/**
 * The three verdict modes in two folders: a default-mode run that saw A10 both ways (to
 * be flagged) and a strict run declaring EC200N-CN's readings that saw one of them deviate; plus
 * an interoperability failure, a precondition outside the note and a profile deviation.
 */
export function readingsFolders(): { lenient: string; strict: string } {
  const lenient = writeSyntheticResults(tempDir('lenient'), [
    {
      name: 'sets after QMTOPEN',
      variant: 'EC200N-CN',
      status: 'passed',
      specIds: ['3.3.1:keepalive:set'],
      readings: ['A10=after-open'],
    },
    {
      name: 'sets after QMTOPEN, version',
      variant: 'EC200N-CN',
      status: 'passed',
      specIds: ['3.3.1:version:set'],
      readings: ['A10=after-open', 'conn-ret-code=printed'],
    },
    {
      name: 'sets after QMTOPEN, session',
      variant: 'EC200N-CN',
      status: 'passed',
      specIds: ['3.3.1:session:set'],
      readings: ['A10=after-connect'],
    },
    {
      name: 'fresh module recv/mode',
      variant: 'EC200N-CN',
      status: 'passed',
      specIds: ['3.3.1:recv/mode:query'],
      readings: ['default:msgLenEnable=1'],
    },
    {
      name: 'Alibaba Cloud signs the CONNECT',
      variant: 'EC200N-CN',
      status: 'failed',
      specIds: ['3.3.1:aliauth:set', '3.3.4:set'],
      tags: ['@interoperability'],
      readings: ['conn-ret-code=printed'],
      message:
        'AssertionError [ERR_ASSERTION]: interoperability: the broker refused the aliauth CONNECT: expected user name dev&a1, observed dev',
    },
    {
      name: 'OneNET signs the CONNECT',
      variant: 'EC200N-CN',
      status: 'passed',
      specIds: ['3.3.1:onenet:set', '3.3.4:set'],
      tags: ['@interoperability'],
    },
    {
      name: 'TLS with a CA uploaded',
      variant: 'EC200N-CN',
      status: 'broken',
      specIds: ['3.3.1:ssl:set'],
      message: 'Error: precondition: AT+QFUPL="ca.pem",1200 answered ERROR',
    },
  ]);
  const strict = writeSyntheticResults(
    tempDir('strict'),
    [
      {
        name: 'sets after QMTOPEN',
        variant: 'EC200N-CN',
        status: 'passed',
        specIds: ['3.3.1:keepalive:set'],
        readings: ['A10=after-open'],
      },
      {
        name: 'close reports +QMTSTAT 8',
        variant: 'EC200N-CN',
        status: 'failed',
        specIds: ['3.3.3:set'],
        readings: ['close-stat=none'],
        message:
          'AssertionError [ERR_ASSERTION]: profile deviation: reading close-stat declared 8, observed none (profile EC200N-CN); AT+QMTCLOSE=0',
      },
      {
        name: 'fresh module recv/mode',
        variant: 'EC200N-CN',
        status: 'passed',
        specIds: ['3.3.1:recv/mode:query'],
        readings: ['default:msgLenEnable=1'],
      },
    ],
    true,
    {
      declaredProfile: {
        name: 'EC200N-CN',
        readings: { A10: 'after-open', 'close-stat': '8' },
        defaults: { msgLenEnable: 1 },
      },
    },
  );
  return { lenient, strict };
}
