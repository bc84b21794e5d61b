import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const shared = path.resolve(root, '..', 'shared', 'spec', 'quectel-mqtt-at.json');

test('the project copy of the spec catalog is in step with ../shared/spec', { skip: !existsSync(shared) && 'no ../shared/spec beside this checkout' }, () => {
  const ours = JSON.parse(readFileSync(path.join(root, 'spec', 'quectel-mqtt-at.json'), 'utf8'));
  const theirs = JSON.parse(readFileSync(shared, 'utf8'));
  assert.deepEqual(ours, theirs, 'spec/quectel-mqtt-at.json differs from ../shared/spec: copy the shared one over');
});
