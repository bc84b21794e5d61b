import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Command } from 'commander';
import { registerReportCommands } from '../../src/cli/report-cli';
import { tempDir, writeSyntheticResults } from './synthetic-results';

interface Outcome {
  stdout: string;
  stderr: string;
  exitCode: number | string | undefined;
}

async function qmt(...args: string[]): Promise<Outcome> {
  const program = new Command().name('qmt').exitOverride();
  const seen: Outcome = { stdout: '', stderr: '', exitCode: undefined };
  registerReportCommands(program, {
    out: (text) => void (seen.stdout += text),
    err: (text) => void (seen.stderr += text),
    setExitCode: (code) => void (seen.exitCode = code),
  });
  await program.parseAsync(['node', 'qmt', ...args]);
  return seen;
}

const fail = 'non-conformance: expected OK, observed ERROR';

test('compare prints regressions first and exits 0', async () => {
  const a = writeSyntheticResults(tempDir('cli-a'), [
    { name: 'open', variant: 'EC200S', status: 'failed', specIds: ['3.3.2:set'], message: fail },
    { name: 'close', variant: 'EC200S', status: 'passed', specIds: ['3.3.3:set'] },
  ]);
  const b = writeSyntheticResults(tempDir('cli-b'), [
    { name: 'open', variant: 'EC200S', status: 'passed', specIds: ['3.3.2:set'] },
    { name: 'close', variant: 'EC200S', status: 'failed', specIds: ['3.3.3:set'], message: fail },
  ]);
  const r = await qmt('compare', a, b);
  assert.equal(r.exitCode, undefined);
  assert.equal(r.stderr, '');
  assert.ok(r.stdout.indexOf('REGRESSED (1)') < r.stdout.indexOf('FIXED (1)'));
  assert.match(r.stdout, /3\.3\.3:set  EC200S  pass → fail/);

  const json = JSON.parse((await qmt('compare', a, b, '--json')).stdout);
  assert.deepEqual(
    json.changes.map((c: { kind: string; itemId: string }) => `${c.kind} ${c.itemId}`),
    ['regressed 3.3.3:set', 'fixed 3.3.2:set'],
  );
});

test('bad input: one line naming the problem, exit code 2', async () => {
  const r = await qmt('compare', '/nonexistent/a', '/nonexistent/b');
  assert.equal(r.exitCode, 2);
  assert.equal(r.stderr, 'qmt: results folder not found: /nonexistent/a\n');

  const out = tempDir('cli-out');
  const empty = tempDir('cli-empty');
  const rep = await qmt('report', empty, '--out', out);
  assert.equal(rep.exitCode, 2);
  assert.equal(rep.stderr.trim().split('\n').length, 1);
  assert.match(rep.stderr, new RegExp(`no \\*-result\\.json files: .*${empty.split('/').pop()}`));

  const cat = await qmt('compare', empty, empty, '--catalog', '/nonexistent/spec.json');
  assert.equal(cat.exitCode, 2);
  assert.match(cat.stderr, /spec catalog unreadable: \/nonexistent\/spec\.json/);
});

test('report prints the paths it wrote', { timeout: 60_000 }, async () => {
  const dir = writeSyntheticResults(tempDir('cli-run'), [
    { name: 'open', variant: 'EC200S', status: 'failed', specIds: ['3.3.2:set'], message: fail },
  ]);
  const out = tempDir('cli-report');
  const r = await qmt('report', dir, '--out', out, '--no-single-file', '--no-pdf');
  assert.equal(r.exitCode, undefined, r.stderr);
  for (const file of [
    join(out, 'allure-report', 'index.html'),
    join(out, 'compliance.html'),
    join(out, 'compliance.json'),
  ]) {
    assert.ok(r.stdout.includes(file), `prints ${file}`);
    assert.ok(existsSync(file), `writes ${file}`);
  }
  assert.match(r.stdout, /1 failing item result/);
  assert.match(r.stdout, /Verdict: +EC200S: does not conform — 1 spec item\(s\) failed/);
});

test('report does not call items failing that nobody judged (rig trouble)', { timeout: 60_000 }, async () => {
  const dir = writeSyntheticResults(tempDir('cli-not-judged'), [
    {
      name: 'open',
      variant: 'EC200S',
      status: 'broken',
      specIds: ['3.3.2:set'],
      message: 'Error: rig: /dev/ttyUSB2 closed while waiting for OK',
    },
  ]);
  const out = tempDir('cli-report-not-judged');
  const r = await qmt('report', dir, '--out', out, '--no-single-file', '--no-pdf');
  assert.equal(r.exitCode, undefined, r.stderr);
  assert.doesNotMatch(r.stdout, /failing item/);
  assert.match(
    r.stdout,
    /1 item result\(s\) not judged \(precondition or rig trouble; no evidence against the module\)/,
  );
  assert.match(r.stdout, /Verdict: +EC200S: incomplete — no spec item failed/);
});
