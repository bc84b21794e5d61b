/**
 * What the rig benchmarks share: the real-time scenario set (bench/parallel-rigs.ts says why
 * these) and writing a figure's section of docs/benchmarks.md between its own markers.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
export const TAGS =
  '(@spec:5.1 or @spec:3.3.1:keepalive:keep_alive_time:range or @spec:2:retransmission or @spec:2:keepalive) and not @reboot';
export const NAMES = [
  '^The 5\\.1 example',
  '^"keepalive" set to',
  '^An acknowledged QoS 1 PUBLISH is not resent',
  '^An idle client stays connected for four keep-alive periods',
  '^With keep-alive 0 an idle client sends no PINGREQ',
];

/** Replaces (or appends) the section between `name`'s markers; returns the file written. */
export function writeSection(name: string, lines: string[]): string {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const file = path.join(ROOT, 'docs', 'benchmarks.md');
  const section = [start, ...lines, end].join('\n');
  let text = existsSync(file)
    ? readFileSync(file, 'utf8')
    : "# Benchmarks\n\nThe harness's own speed (`npm run bench`); never a pass/fail threshold.\n";
  if (text.includes(start) && text.includes(end)) {
    text = text.slice(0, text.indexOf(start)) + section + text.slice(text.indexOf(end) + end.length);
  } else {
    text = `${text.trimEnd()}\n\n${section}\n`;
  }
  writeFileSync(file, text);
  return file;
}
