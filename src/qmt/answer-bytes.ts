/**
 * The raw bytes of the module's answer to the last command, read from the AT transcript, for
 * checks the digester deliberately forgives: spec 3.1.2 framing (<CR><LF><response><CR><LF>)
 * and echo (ATE0 / ATE1). The digester tolerates bare LF and missing CR LF so that a sloppy
 * module can still be tested; these checks are where such a module is called out.
 */
import { escapeBytes } from '../at/byte-text';
import type { TranscriptEntry } from '../at/transcript';
import { nonConformance } from './verdict';

const CR = 0x0d;
const LF = 0x0a;
const CRLF = Buffer.from('\r\n');
const FINAL = /^(OK|ERROR|\+CME ERROR:.*)$/;

/** Every byte the module sent after the host's last write (the last command line). */
export function answerBytes(entries: readonly TranscriptEntry[]): Buffer {
  let lastTx = -1;
  entries.forEach((e, i) => {
    if (e.direction === 'tx') lastTx = i;
  });
  if (lastTx < 0) throw new Error('harness: no command has been sent in this scenario');
  return Buffer.concat(entries.slice(lastTx + 1).map((e) => e.bytes));
}

/**
 * Spec 3.1.2: each response line is <CR><LF><text><CR><LF>. Reads lines up to and including the
 * final result and returns what breaks the framing (empty when every line is framed).
 */
export function framingViolations(answer: Buffer): string[] {
  const problems: string[] = [];
  let p = 0;
  while (p < answer.length) {
    if (answer[p] !== CR || answer[p + 1] !== LF) {
      problems.push(`a line does not start with <CR><LF>: ${escapeBytes(answer.subarray(p, p + 40))}`);
      // Resynchronise on the next <CR><LF>, where a framed line may start again.
      const next = answer.indexOf(CRLF, p + 1);
      if (next < 0) break;
      p = next;
      continue;
    }
    const start = p + 2;
    let end = start;
    while (end < answer.length && answer[end] !== CR && answer[end] !== LF) end++;
    const text = answer.subarray(start, end).toString('latin1');
    if (text === '') {
      // <CR><LF><CR><LF>: an empty line, framed — tolerated (some firmware doubles the separator).
      p = start;
      continue;
    }
    if (answer[end] !== CR || answer[end + 1] !== LF) {
      problems.push(`"${text}" does not end with <CR><LF>: ${escapeBytes(answer.subarray(start, end + 2))}`);
      p = answer[end] === LF ? end + 1 : end;
    } else {
      p = end + 2;
    }
    if (FINAL.test(text)) break;
  }
  return problems;
}

export function expectFramedAnswer(entries: readonly TranscriptEntry[]): void {
  const answer = answerBytes(entries);
  if (answer.length === 0) throw nonConformance('the module sent no answer to the last command');
  const problems = framingViolations(answer);
  if (problems.length) {
    throw nonConformance(
      `the answer is not framed <CR><LF>…<CR><LF> (spec 3.1.2): ${problems.join('; ')} — answer bytes: ${escapeBytes(answer)}`,
    );
  }
}

/** ATE1 in effect: the module sends the command line back before its answer. */
export function answerEchoes(answer: Buffer, command: string): boolean {
  return answer.subarray(0, Buffer.byteLength(command)).equals(Buffer.from(command, 'utf8'));
}

export function expectEcho(entries: readonly TranscriptEntry[], command: string, echoed: boolean): void {
  const answer = answerBytes(entries);
  if (answerEchoes(answer, command) !== echoed) {
    throw nonConformance(
      `${command} was ${echoed ? 'not echoed although ATE1 is in effect' : 'echoed although ATE0 answered OK'}; answer bytes: ${escapeBytes(answer)}`,
    );
  }
}
