/**
 * Secrets never leak: known secrets go through a full run (AT transcript, packet log, Allure
 * results and HTML, compliance summary, console) and no file may contain one. The same check with
 * masking switched off must find them — otherwise the check could not fail.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT, tempDir } from './helpers';

const SECRETS = {
  password: 'PwLeakCheck1a2b',
  'device-secret': 'DevSecretLeak3c4d',
  'access-key': 'AccKeyLeak5e6f',
  'product-secret': 'ProdSecLeak7g8h',
};
// Scenarios that put secrets on the wire, into queries that print them back, and into CONNECT.
const TAGS = '(@spec:3.3.4:credentials or @cloud-auth or @spec:5.1) and not @reboot';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

function leaks(dirs: string[], console: string): string[] {
  const found: string[] = [];
  for (const file of dirs.flatMap(filesUnder)) {
    const text = readFileSync(file).toString('latin1');
    for (const secret of Object.values(SECRETS)) if (text.includes(secret)) found.push(`${secret} in ${file}`);
  }
  for (const secret of Object.values(SECRETS)) if (console.includes(secret)) found.push(`${secret} on the console`);
  return found;
}

function run(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'qmt.js'), 'run', '--tags', TAGS, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, QMT_RUN_SECRETS: JSON.stringify(SECRETS), ...env },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

test('no report file nor the console contains a secret after a full run with the report', { timeout: 300_000 }, () => {
  const base = tempDir('qmt-leak-');
  const results = path.join(base, 'results');
  const reports = path.join(base, 'reports');
  const outcome = run(['--results', results, '--report-dir', reports], {});
  assert.equal(outcome.status, 0, outcome.output);
  assert.ok(filesUnder(results).length > 5 && filesUnder(reports).length > 5, 'the run produced results and a report');
  assert.deepEqual(leaks([results, reports], outcome.output), []);
});

test('with masking switched off the same check finds the secrets (the check can fail)', { timeout: 300_000 }, () => {
  const results = path.join(tempDir('qmt-leak-off-'), 'results');
  const outcome = run(['--results', results, '--no-report'], { QMT_UNSAFE_NO_MASKING: '1' });
  assert.equal(outcome.status, 0, outcome.output);
  assert.notDeepEqual(leaks([results], outcome.output), []);
});
