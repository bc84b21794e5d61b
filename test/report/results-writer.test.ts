/** The results writer: every file whole under its own name, no temporary file left behind. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestResult, TestResultContainer } from 'allure-js-commons';
import { ResultsWriter } from '../../src/report/results-writer';

test('results, containers and attachments land under their names, with nothing else in the folder', () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'qmt-writer-')), 'results');
  const writer = new ResultsWriter(dir);
  writer.writeResult({ uuid: 'r1', name: 'a scenario', status: 'passed' } as TestResult);
  writer.writeGroup({ uuid: 'g1', children: ['r1'] } as unknown as TestResultContainer);
  writer.writeAttachment('a1-attachment.txt', Buffer.from('AT+QMTOPEN?\r\n'));
  const source = path.join(path.dirname(dir), 'transcript.txt');
  writeFileSync(source, 'OK\r\n');
  writer.writeAttachmentFromPath('a2-attachment.txt', source);
  assert.deepEqual(readdirSync(dir).sort(), [
    'a1-attachment.txt',
    'a2-attachment.txt',
    'g1-container.json',
    'r1-result.json',
  ]);
  assert.equal((JSON.parse(readFileSync(path.join(dir, 'r1-result.json'), 'utf8')) as TestResult).name, 'a scenario');
  assert.equal(readFileSync(path.join(dir, 'a1-attachment.txt'), 'latin1'), 'AT+QMTOPEN?\r\n');
  assert.equal(readFileSync(path.join(dir, 'a2-attachment.txt'), 'latin1'), 'OK\r\n');
});
