/**
 * What the rig benchmarks share: the real-time scenario set (bench/parallel-rigs.ts says why
 * these). Each figure's section of docs/benchmarks.md is written by bench/doc-section.ts.
 */
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
