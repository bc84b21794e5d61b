import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { resolveProfile } from '../../src/variants/catalog';
import { loadProfileFile, PROFILES_DIR, VARIANT_FILES } from '../../src/variants/profiles';
import { READINGS, UNSTATED_DEFAULTS } from '../../src/variants/readings';

test('every bundled profile validates and declares every reading and unstated default with a source', () => {
  for (const name of [...VARIANT_FILES, 'alternate-readings']) {
    const profile = loadProfileFile(path.join(PROFILES_DIR, `${name}.json`));
    for (const id of Object.keys(READINGS))
      assert.ok(profile.sources[`readings.${id}`], `${name}: readings.${id} has a source`);
    for (const key of Object.keys(UNSTATED_DEFAULTS))
      assert.ok(profile.sources[`defaults.${key}`], `${name}: defaults.${key} has a source`);
  }
});

test('every value of a shipped variant profile names its source (the field evidence, the note\'s section, or "our reading")', () => {
  for (const name of VARIANT_FILES) {
    const profile = loadProfileFile(path.join(PROFILES_DIR, `${name}.json`));
    const paths = [
      ...['name', 'series', 'model', 'manufacturer', 'revision', 'detect'],
      ...Object.keys(profile.capabilities).map((k) => `capabilities.${k}`),
      ...Object.keys(profile.at ?? {}).map((k) => `at.${k}`),
      ...(profile.recvLayout ? ['recvLayout'] : []),
    ];
    assert.deepEqual(
      paths.filter((p) => !profile.sources[p]),
      [],
      `${name}: values without a source`,
    );
  }
});

test('alternate-readings takes the other reading everywhere and a different value for every unstated default but one', () => {
  const base = resolveProfile('EC200N-CN');
  const alt = resolveProfile('alternate-readings');
  for (const id of Object.keys(READINGS) as (keyof typeof READINGS)[])
    assert.notEqual(alt.readings[id], base.readings[id], id);
  const same = Object.keys(UNSTATED_DEFAULTS).filter(
    (k) => alt.defaults[k as keyof typeof alt.defaults] === base.defaults[k as keyof typeof base.defaults],
  );
  // SSL stays off by default: a module that starts with TLS on could not open the plain-TCP scenarios.
  assert.deepEqual(same, ['sslEnable']);
});

test('a malformed profile file names the file and each bad field', () => {
  const file = path.join(tmpdir(), `qmt-bad-profile-${process.pid}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      ...JSON.parse(JSON.stringify(resolveProfile('EC200N-CN'))),
      sources: undefined,
      readings: { A10: 'maybe' },
    }),
  );
  assert.throws(
    () => loadProfileFile(file),
    (e: Error) =>
      e.message.startsWith(`invalid variant profile ${file}:`) &&
      /readings\.A10/.test(e.message) &&
      /readings\.A3/.test(e.message),
  );
  writeFileSync(file, '{ not json');
  assert.throws(() => loadProfileFile(file), /profile .*: /);
  assert.throws(() => resolveProfile('no-such-profile'), /unknown profile "no-such-profile"/);
});
