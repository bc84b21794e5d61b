import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkOutputFolder, claimResultsFolder, OUTPUT_MARKER } from '../../src/cli/output-folder';

const project = path.resolve(__dirname, '..', '..');
const fresh = () => mkdtempSync(path.join(tmpdir(), 'qmt-out-'));

test('a new, an empty and a marked folder are the harness’s; claiming empties and marks it', () => {
  const parent = fresh();
  assert.equal(checkOutputFolder('--results', path.join(parent, 'new'), 'results', project), path.join(parent, 'new'));
  assert.ok(checkOutputFolder('--results', parent, 'results', project));
  claimResultsFolder(parent, 'test');
  writeFileSync(path.join(parent, 'anything.bin'), 'x');
  assert.ok(checkOutputFolder('--results', parent, 'results', project));
  claimResultsFolder(parent, 'test');
  assert.deepEqual(readdirSync(parent), [OUTPUT_MARKER]);
});

test('an unmarked folder of Allure results (an older harness) is recognised, a stranger file is not', () => {
  const dir = fresh();
  writeFileSync(path.join(dir, '0f83bc92-9b05-4d9a-9053-ece8a39f7281-result.json'), '{}');
  writeFileSync(path.join(dir, 'environment.properties'), '');
  mkdirSync(path.join(dir, 'dev-pts-3'));
  writeFileSync(path.join(dir, 'dev-pts-3', 'c3342b09-be12-4976-b4bb-3497157520ba-attachment.txt'), '');
  assert.ok(checkOutputFolder('--results', dir, 'results', project));
  writeFileSync(path.join(dir, 'dev-pts-3', 'notes.txt'), 'mine');
  assert.throws(() => checkOutputFolder('--results', dir, 'results', project), /holds "dev-pts-3\/notes\.txt"/);
  assert.ok(existsSync(path.join(dir, 'dev-pts-3', 'notes.txt')));
});

test('a report folder may hold what the report step writes there by name, nothing else', () => {
  const dir = fresh();
  for (const entry of ['allure-report', 'allure-results', 'allure-results-EG912Y']) mkdirSync(path.join(dir, entry));
  writeFileSync(path.join(dir, 'compliance.html'), '');
  assert.ok(checkOutputFolder('--out', dir, 'report', project));
  writeFileSync(path.join(dir, 'budget.xlsx'), '');
  assert.throws(() => checkOutputFolder('--out', dir, 'report', project), /--out \S+: holds "budget\.xlsx"/);
});

test('the file system root, the current, home and project folders and their ancestors are refused', () => {
  assert.throws(() => checkOutputFolder('--results', '/', 'results', project), /root of the file system/);
  assert.throws(() => checkOutputFolder('--results', '.', 'results', project), /current folder/);
  assert.throws(() => checkOutputFolder('--results', require('node:os').homedir(), 'results', project), /home folder/);
  assert.throws(
    () => checkOutputFolder('--out', path.dirname(process.cwd()), 'report', project),
    /holds the current folder/,
  );
  const elsewhere = fresh();
  const cwd = process.cwd();
  process.chdir(elsewhere);
  try {
    assert.throws(() => checkOutputFolder('--results', project, 'results', project), /project folder/);
  } finally {
    process.chdir(cwd);
  }
});

test('a file is refused', () => {
  const file = path.join(fresh(), 'notes.txt');
  writeFileSync(file, 'x');
  assert.throws(() => checkOutputFolder('--results', file, 'results', project), /is a file, not a folder/);
});
