/**
 * `qmt-sim import-log`: a field log out as an AT transcript that --replay reads; bad input is one
 * line and exit code 2 before anything is written, and an existing file is never overwritten.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { simMain } from '../../../src/cli/sim-cli';
import { loadRecording } from '../../../src/sim/replay/recording';

async function run(args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await simMain(
    args,
    stdout as unknown as typeof process.stdout,
    stderr as unknown as typeof process.stderr,
  );
  return { code, out, err };
}

const LOG = `[12:00:00.000] >> AT+CGMM
[12:00:00.010] << BG770A-GL
[12:00:00.011] << OK
[12:00:01.000] >> AT+QMTOPEN=0,"broker.example.com",1883
[12:00:01.010] << OK
[12:00:02.500] << +QMTOPEN: 0,0
`;

test('import-log writes the transcript --replay reads, with the logged timing', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'qmt-import-'));
  const log = path.join(dir, 'field.log');
  writeFileSync(log, LOG);
  const out = path.join(dir, 'field.transcript');
  const r = await run(['import-log', log, '--out', out]);
  assert.equal(r.code, 0, r.err);
  assert.match(readFileSync(out, 'utf8'), /^\[ {3}1\.000 s\] >> AT\+QMTOPEN=0,"broker\.example\.com",1883<CR>$/m);
  assert.match(readFileSync(out, 'utf8'), /^\[ {3}2\.500 s\] << <CR><LF>\+QMTOPEN: 0,0<CR><LF>$/m);
  const [track] = loadRecording(out).tracks;
  assert.deepEqual(
    track.steps.map((s) => [s.text, s.outputs.map((o) => o.afterMs)]),
    [
      ['AT+CGMM', [10, 11]],
      ['AT+QMTOPEN=0,"broker.example.com",1883', [10, 1500]],
    ],
  );
  // The log itself replays the same way.
  assert.deepEqual(
    loadRecording(log).tracks[0].steps.map((s) => s.text),
    track.steps.map((s) => s.text),
  );
  // Printed when no --out is given.
  const printed = await run(['import-log', log]);
  assert.equal(printed.code, 0);
  assert.equal(printed.out, readFileSync(out, 'utf8'));
});

test('import-log refuses bad input with one line and exit code 2, overwriting nothing', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'qmt-import-'));
  const log = path.join(dir, 'field.log');
  writeFileSync(log, LOG);
  const existing = path.join(dir, 'kept.txt');
  writeFileSync(existing, 'mine');
  const noCommands = path.join(dir, 'prose.log');
  writeFileSync(noCommands, 'the module rebooted twice\n');
  for (const [args, message] of [
    [['import-log', path.join(dir, 'missing.log')], /missing\.log: no such file/],
    [['import-log', log, '--out', existing], /--out .*kept\.txt exists; choose a new file name/],
    [['import-log', log, '--out', path.join(dir, 'nope', 'x.txt')], /folder .*nope does not exist/],
    [['import-log', noCommands], /no command line found/],
    [['import-log'], /missing required argument/],
  ] as const) {
    const r = await run([...args]);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
    assert.match(r.err, message);
    assert.equal(r.err.trim().split('\n').length, 1, r.err);
  }
  assert.equal(readFileSync(existing, 'utf8'), 'mine');
});
