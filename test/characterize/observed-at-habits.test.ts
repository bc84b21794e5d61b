import { test } from 'node:test';
import assert from 'node:assert/strict';
import { habitsOfTranscript } from '../../src/characterize/observed-at-habits';

const transcript = (...lines: string[]) =>
  [
    '# AT transcript, first byte at 2026-12-02T00:00:00Z',
    ...lines.map((l, i) => `[${(i / 1000).toFixed(3).padStart(8)} s] ${l}`),
  ].join('\n');

test('a fresh module that echoes ATE0 and frames the prompt: echo 1 at power-up, \\r\\n> ', () => {
  const seen = habitsOfTranscript(
    transcript(
      '>> ATE0<CR>',
      '<< ATE0<CR><CR><LF>',
      '<< OK<CR><LF>',
      '>> AT+QMTPUBEX=0,1,1,0,"t",5<CR>',
      '<< <CR><LF>> ',
      '>> hello',
    ),
  );
  assert.equal(seen.echo?.value, 1);
  assert.equal(seen.prompt?.value, '\r\n> ');
});

test('no echo and the bare > of spec 3.3.8', () => {
  const seen = habitsOfTranscript(
    transcript('>> ATE0<CR>', '<< <CR><LF>OK<CR><LF>', '>> AT+QMTCFG="willex",0,1,0,0,"w",5<CR>', '<< >', '>> hello'),
  );
  assert.deepEqual([seen.echo?.value, seen.prompt?.value], [0, '>']);
});

test('after ATE1 neither habit is read; after a restart (RDY) the next ATE0 shows the power-up echo again', () => {
  const seen = habitsOfTranscript(
    transcript(
      '>> ATE1<CR>',
      '<< <CR><LF>OK<CR><LF>',
      '>> AT+QMTPUBEX=0,1,1,0,"t",5<CR>',
      '<< AT+QMTPUBEX=0,1,1,0,"t",5<CR><CR><LF>> ',
      '>> AT+CFUN=1,1<CR>',
      '<< AT+CFUN=1,1<CR><CR><LF>OK<CR><LF>',
      '<< <CR><LF>RDY<CR><LF>',
      '>> ATE0<CR>',
      '<< ATE0<CR><CR><LF>OK<CR><LF>',
    ),
  );
  assert.deepEqual([seen.echo?.value, seen.prompt], [1, undefined]);
});

test('a transcript with no ATE0 at power-up and no prompt says nothing', () => {
  assert.deepEqual(habitsOfTranscript(transcript('>> AT<CR>', '<< <CR><LF>OK<CR><LF>')), {});
});
