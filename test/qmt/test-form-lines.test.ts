/**
 * The AT+QMTCFG=? lines the test-form scenario compares with are the note's own lines
 * (spec/quectel-mqtt-at.json), each "(range/list of supported <x>)" filled with a range or list.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '../..');

test("features/qmtcfg/test-form.feature lists the note's test-form lines, placeholders filled", () => {
  const spec = JSON.parse(readFileSync(path.join(root, 'spec/quectel-mqtt-at.json'), 'utf8')) as {
    commands: { forms: { test?: { syntax: string; responses: { lines: string[] }[] } } }[];
  };
  const cfg = spec.commands.find((c) => c.forms.test?.syntax === 'AT+QMTCFG=?');
  const noteLines = (cfg?.forms.test?.responses[0]?.lines ?? []).filter((l) => l.startsWith('+QMTCFG:'));
  const feature = readFileSync(path.join(root, 'features/qmtcfg/test-form.feature'), 'utf8');
  const docString = /"""\n([\s\S]*?)\n\s*"""/.exec(feature)?.[1] ?? '';
  const scenarioLines = docString
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('+QMTCFG:'));
  assert.equal(scenarioLines.length, 18);
  assert.equal(scenarioLines.length, noteLines.length);
  noteLines.forEach((line, i) => {
    const pattern = line
      .split(/\((?:range|list) of supported <[^>]+>\)/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\((?:\\d+-\\d+|\\d+(?:,\\d+)*)\\)');
    assert.match(scenarioLines[i] as string, new RegExp(`^${pattern}$`), `line ${i + 1}: ${line}`);
  });
});
