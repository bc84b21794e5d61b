import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { scrubResultsDir } from '../../src/report/scrub-results';
import { tempDir, writeSyntheticResults } from './synthetic-results';

const PASSWORD = 'hunter2-"quoted"\\pw';
const DEVICE_SECRET = 'wN9Y6pZSIIy7Exa5qVzcmigEGO4kAazZ';

function folderWithSecrets(): string {
  const dir = writeSyntheticResults(tempDir('scrub'), [
    {
      name: `connect with password ${PASSWORD}`,
      variant: 'EC200T',
      status: 'failed',
      specIds: ['3.3.4:set'],
      message: `non-conformance: AT+QMTCFG="aliauth",0,"pk","dn","${DEVICE_SECRET}" answered ERROR`,
      transcript: `> AT+QMTCONN=0,"client","user","${PASSWORD}"\r\n< OK\r\n> AT+QMTCFG="aliauth",0,"pk","dn","${DEVICE_SECRET}"\r\n`,
    },
  ]);
  writeFileSync(join(dir, 'environment.properties'), `Broker=mqtt://user:${encodeURIComponent(PASSWORD)}@127.0.0.1\n`);
  return dir;
}

const everything = (dir: string) =>
  readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');

test('no secret survives in any file, in any spelling', () => {
  const dir = folderWithSecrets();
  assert.ok(everything(dir).includes(DEVICE_SECRET), 'fixture must contain the secret');
  const summary = scrubResultsDir(dir, [PASSWORD, DEVICE_SECRET]);
  const after = everything(dir);
  for (const form of [PASSWORD, DEVICE_SECRET, JSON.stringify(PASSWORD).slice(1, -1), encodeURIComponent(PASSWORD)]) {
    assert.ok(!after.includes(form), `still contains ${form}`);
  }
  assert.ok(after.includes('***'));
  assert.equal(summary.filesChanged.length, 3); // result JSON, transcript, environment.properties
  assert.ok(summary.replacements >= 5);
});

test('results stay valid JSON with masked values, even for a short secret', () => {
  const dir = folderWithSecrets();
  scrubResultsDir(dir, [DEVICE_SECRET, 'name', '1']);
  const file = readdirSync(dir).find((f) => f.endsWith('-result.json'))!;
  const result = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  assert.equal(typeof result.name, 'string'); // the key "name" itself is kept
  assert.match(result.statusDetails.message, /"\*\*\*" answered ERROR$/);
});

test('empty secrets are ignored and a missing folder is named', () => {
  const dir = folderWithSecrets();
  const before = everything(dir);
  assert.equal(scrubResultsDir(dir, ['']).replacements, 0);
  assert.equal(everything(dir), before);
  assert.throws(() => scrubResultsDir(join(dir, 'nope'), ['x']), /results folder not found: .*nope/);
});
