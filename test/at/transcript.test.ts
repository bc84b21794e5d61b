/** Transcript: line-ish entries, readable escaping, hex dump, secrets masked when stored. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Transcript } from '../../src/at/transcript';
import { VirtualClock } from '../../src/clock/clock';
import { SecretMasker } from '../../src/secrets/masker';

function fresh() {
  const clock = new VirtualClock();
  const masker = new SecretMasker();
  return { clock, masker, transcript: new Transcript(clock, masker) };
}

test('renders one entry per line with clock time, direction and escaped bytes', () => {
  const { transcript } = fresh();
  transcript.record('tx', Buffer.from('AT+QMTCFG="keepalive",0\r'), 12_345);
  transcript.record('rx', Buffer.from('\r\n+QMTCFG: "keep'), 12_400);
  transcript.record('rx', Buffer.concat([Buffer.from('alive",120\r\n\r\nOK\r\n'), Buffer.from([0x00, 0xff])]), 12_401);
  const lines = transcript.render().trimEnd().split('\n');
  assert.match(lines[0], /^# AT transcript, first byte at \d{4}-\d\d-\d\dT/);
  assert.deepEqual(lines.slice(1), [
    '[  12.345 s] >> AT+QMTCFG="keepalive",0<CR>',
    '[  12.400 s] << <CR><LF>+QMTCFG: "keepalive",120<CR><LF>',
    '[  12.401 s] << <CR><LF>OK<CR><LF>',
    '[  12.401 s] << <0x00><0xFF>',
  ]);
});

test('a prompt without line end becomes its own entry when the direction changes', () => {
  const { transcript } = fresh();
  transcript.record('tx', Buffer.from('AT+QMTPUBEX=0,0,0,0,"t",2\r'), 0);
  transcript.record('rx', Buffer.from('\r\n> '), 5);
  transcript.record('tx', Buffer.from('hi'), 6);
  assert.deepEqual(
    transcript.entries().map((e) => [e.direction, e.at, e.bytes.toString()]),
    [
      ['tx', 0, 'AT+QMTPUBEX=0,0,0,0,"t",2\r'],
      ['rx', 5, '\r\n> '],
      ['tx', 6, 'hi'],
    ],
  );
  assert.ok(transcript.entries().every((e) => !Number.isNaN(Date.parse(e.wallTime))));
});

test('secrets are masked in stored entries, even when split across chunks', () => {
  const { transcript, masker } = fresh();
  masker.add('hunter22');
  transcript.record('tx', Buffer.from('AT+QMTCONN=0,"c","u","hunter22"\r'), 0);
  transcript.record('rx', Buffer.from('AT+QMTCONN=0,"c","u","hun'), 1);
  transcript.record('rx', Buffer.from('ter22"\r\n'), 2);
  const stored = transcript.entries().map((e) => e.bytes.toString());
  assert.deepEqual(stored, ['AT+QMTCONN=0,"c","u","***"\r', 'AT+QMTCONN=0,"c","u","***"\r\n']);
  assert.doesNotMatch(transcript.render() + transcript.renderHex(), /hunter22|68 75 6e 74 65 72 32 32/);
});

test('a secret registered after recording is masked when rendering', () => {
  const { transcript, masker } = fresh();
  transcript.record('tx', Buffer.from('AT+QMTCFG="aliauth",0,"pk","dn","devsecret"\r'), 0);
  masker.add('devsecret');
  assert.match(transcript.render(), /"dn","\*\*\*"<CR>/);
});

test('hex dump shows offsets, hex and ASCII', () => {
  const { transcript } = fresh();
  transcript.record('rx', Buffer.from('\r\nOK\r\n'), 1_000);
  const hex = transcript.renderHex();
  assert.match(hex, /\[ {3}1\.000 s\] \S+ rx 6 bytes\n {2}0000  0d 0a 4f 4b 0d 0a\s+\.\.OK\.\./);
});

test('time is relative to the clock when the transcript was made', () => {
  const clock = new VirtualClock({ start: 50_000 });
  const transcript = new Transcript(clock, new SecretMasker());
  transcript.record('tx', Buffer.from('AT\r'));
  assert.match(transcript.render(), /\[ {3}0\.000 s\] >> AT<CR>/);
});
