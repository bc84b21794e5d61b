/**
 * Firmware faults of the module core (AT link and AT+QMTCFG). Each changes ONE behaviour and
 * names the spec items whose scenarios must catch it; targets that cover a whole family of
 * items come from the spec's item list (./spec-items.ts), not from a list copied by hand.
 */
import {
  QMTCFG_NOT_WHILE_CONNECTED,
  QMTCFG_QUERIES,
  QMTCFG_SETS_AND_RANGES,
  TEST_FORMS_WITH_RANGES,
} from './spec-items';
import type { FaultDefinition } from './types';

export const CORE_FAULTS = [
  {
    id: 'at-port-hangs-once',
    acts: { kind: 'flow', at: 'simulated-module.first-qmtsub-wedges-port' },
    description:
      'The first AT+QMTSUB wedges the AT port: no answer to anything until AT+CFUN=1,1 restarts the ' + 'module.',
    targets: ['3.3.6:set'],
  },
  {
    id: 'keepalive-accepts-3601',
    acts: { kind: 'range', at: 'range.keepalive' },
    description: 'AT+QMTCFG="keepalive" accepts 3601 s, one above the documented maximum 3600.',
    targets: ['3.3.1:keepalive:keep_alive_time:range'],
  },
  {
    id: 'keepalive-default-60',
    acts: { kind: 'power-up', at: 'power-up.keepalive' },
    description: 'The keep-alive time powers up as 60 s instead of the documented 120 s.',
    targets: ['3.3.1:keepalive:keep_alive_time:default'],
  },
  {
    id: 'pkt-timeout-accepts-0',
    acts: { kind: 'range', at: 'range.pkt-timeout' },
    description: 'AT+QMTCFG="timeout" accepts <pkt_timeout> 0, below the documented minimum 1.',
    targets: ['3.3.1:timeout:pkt_timeout:range'],
  },
  {
    id: 'pkt-timeout-default-10',
    acts: { kind: 'power-up', at: 'power-up.pkt-timeout' },
    description: '<pkt_timeout> powers up as 10 s instead of the documented 5 s.',
    targets: ['3.3.1:timeout:pkt_timeout:default'],
  },
  {
    id: 'retry-times-accepts-11',
    acts: { kind: 'range', at: 'range.retry-times' },
    description: 'AT+QMTCFG="timeout" accepts <retry_times> 11, above the documented maximum 10.',
    targets: ['3.3.1:timeout:retry_times:range'],
  },
  {
    id: 'vsn-accepts-5',
    acts: { kind: 'range', at: 'range.vsn' },
    description: 'AT+QMTCFG="version" accepts <vsn> 5 (MQTT 5), which the note does not list.',
    targets: ['3.3.1:version:vsn:range'],
  },
  {
    id: 'version-query-reports-default',
    acts: { kind: 'answer', at: 'answer.qmtcfg-version-query' },
    description: 'The "version" query reports the power-up protocol version instead of the configured one.',
    targets: ['3.3.1:version:query'],
  },
  {
    id: 'cid-accepts-16',
    acts: { kind: 'range', at: 'range.cid' },
    description: 'AT+QMTCFG="pdpcid" accepts <cid> 16, above the documented maximum 15.',
    targets: ['3.3.1:pdpcid:cid:range'],
  },
  {
    id: 'cid-default-0',
    acts: { kind: 'power-up', at: 'power-up.cid' },
    description: '<cid> powers up as 0 instead of the documented 1.',
    targets: ['3.3.1:pdpcid:cid:default'],
  },
  {
    id: 'ssl-ctx-accepts-6',
    acts: { kind: 'range', at: 'range.ssl-ctx-idx' },
    description: 'AT+QMTCFG="ssl" accepts <SSL_ctx_idx> 6, above the documented maximum 5.',
    targets: ['3.3.1:ssl:SSL_ctx_idx:range'],
  },
  {
    id: 'willtopic-accepts-257',
    acts: { kind: 'range', at: 'range.willtopic' },
    description: 'AT+QMTCFG="will" and "willex" accept a 257-byte <willtopic> (maximum 256).',
    targets: ['3.3.1:will:willtopic:range', '3.3.1:willex:willtopic:range'],
  },
  {
    id: 'willmessage-accepts-257',
    acts: { kind: 'range', at: 'range.willmessage' },
    description: 'AT+QMTCFG="will" accepts a 257-byte <willmessage> (maximum 256).',
    targets: ['3.3.1:will:willmessage:range'],
  },
  {
    id: 'will-len-accepts-257',
    acts: { kind: 'range', at: 'range.will-len' },
    description: 'AT+QMTCFG="willex" accepts <will_len> 257 (maximum 256).',
    targets: ['3.3.1:willex:will_len:range'],
  },
  {
    id: 'willex-ignores-will-len',
    acts: { kind: 'flow', at: 'will-options.willex-input-length' },
    description:
      'After the "willex" prompt the firmware keeps every byte of the input instead of the first ' + '<will_len>.',
    targets: ['3.3.1:willex:set'],
  },
  {
    id: 'recv-mode-query-swapped',
    acts: { kind: 'answer', at: 'answer.qmtcfg-recv-mode-query' },
    description: 'The "recv/mode" query prints <msg_len_enable> and <msg_recv_mode> in swapped order.',
    targets: ['3.3.1:recv/mode:query'],
  },
  {
    id: 'qmtping-accepts-4',
    acts: { kind: 'range', at: 'range.qmtping' },
    description: 'AT+QMTCFG="qmtping" accepts 4 s, below the documented minimum 5.',
    targets: ['3.3.1:qmtping:qmtping_interval:range'],
  },
  {
    id: 'qmtping-default-10',
    acts: { kind: 'power-up', at: 'power-up.qmtping' },
    description: 'The heartbeat interval powers up as 10 s instead of the documented 5 s.',
    targets: ['3.3.1:qmtping:qmtping_interval:default'],
  },
  {
    id: 'edit-time-accepts-0',
    acts: { kind: 'range', at: 'range.edit-time' },
    description: 'AT+QMTCFG="edit/timeout" accepts <edit_time> 0, below the documented minimum 1.',
    targets: ['3.3.1:edit/timeout:edit_time:range'],
  },
  {
    id: 'client-idx-6-accepted',
    acts: { kind: 'range', at: 'range.client-idx' },
    description: 'AT+QMTCFG accepts <client_idx> 6 (range 0~5).',
    targets: ['3.3.1:client_idx:range'],
  },
  {
    id: 'test-form-missing-timeout',
    acts: { kind: 'answer', at: 'answer.qmtcfg-test-form-timeout-line' },
    description: 'The AT+QMTCFG=? response leaves out the "timeout" line.',
    targets: ['3.3.1:test'],
  },
  {
    id: 'qmtcfg-set-while-connected',
    acts: { kind: 'flow', at: 'qmtcfg.refuse-while-connected' },
    description: 'AT+QMTCFG settings are accepted while the MQTT connection exists.',
    targets: QMTCFG_NOT_WHILE_CONNECTED,
  },
  {
    id: 'qmtcfg-set-after-connect',
    acts: { kind: 'flow', at: 'qmtcfg.refuse-after-connect' },
    description: 'AT+QMTCFG sets are accepted once AT+QMTCONN has sent CONNECT, which no reading of A10 allows.',
    targets: QMTCFG_NOT_WHILE_CONNECTED,
  },
  {
    id: 'qmtcfg-refused-set-stored',
    acts: { kind: 'flow', at: 'qmtcfg.refused-set-stores' },
    description:
      'An AT+QMTCFG set refused because of the connection answers ERROR but has already changed the ' + 'setting.',
    targets: QMTCFG_NOT_WHILE_CONNECTED,
  },
  {
    id: 'test-form-keepalive-range-7200',
    acts: { kind: 'answer', at: 'answer.qmtcfg-test-form-keepalive-line' },
    description: 'AT+QMTCFG=? lists "keepalive" with (0-7200) where the note\'s range is 0~3600.',
    targets: ['3.3.1:test'],
  },
  {
    id: 'qmtcfg-survives-reboot',
    acts: { kind: 'flow', at: 'module-state.qmtcfg-reset-on-reboot' },
    description: 'AT+QMTCFG settings survive AT+CFUN=1,1 although the note says they are not saved.',
    targets: ['3.3.1:not-saved'],
  },
  {
    id: 'qmtcfg-slow-response',
    acts: { kind: 'answer', at: 'answer.qmtcfg-response-time' },
    description: 'AT+QMTCFG answers after 500 ms, beyond its 300 ms maximum response time.',
    targets: ['3.3.1:max-response-time'],
  },
  {
    id: 'lowercase-at-rejected',
    acts: { kind: 'flow', at: 'simulated-module.lowercase-prefix' },
    description: 'Command lines starting with the lower-case prefix "at" answer ERROR.',
    targets: ['3.1:syntax'],
  },
  {
    id: 'response-lf-only',
    acts: { kind: 'flow', at: 'framing.line-ends' },
    description: 'Responses end with <LF> only and have no leading <CR><LF>.',
    targets: ['3.1:syntax'],
  },
  {
    id: 'payload-echo-with-ate0',
    acts: { kind: 'flow', at: 'simulated-module.payload-echo' },
    description: 'The data typed after the > prompt is echoed back even with ATE0 in effect.',
    targets: ['3.3.8:set'],
  },
  {
    id: 'echo-stuck-on',
    acts: { kind: 'flow', at: 'module-state.echo-stuck' },
    description: 'Echo is on after power-up and ATE0 answers OK without switching it off.',
    targets: ['3.1:syntax'],
  },
  {
    id: 'qmtcfg-rejected-set-answers-ok',
    acts: { kind: 'flow', at: 'qmtcfg.rejected-set-answer' },
    description:
      'An AT+QMTCFG set whose value is rejected answers OK instead of ERROR (the value is silently ' + 'dropped).',
    targets: QMTCFG_SETS_AND_RANGES,
  },
  {
    id: 'qmtcfg-set-not-stored',
    acts: { kind: 'flow', at: 'qmtcfg.set-stores' },
    description: 'AT+QMTCFG sets answer OK but store nothing; queries keep reporting the power-up values.',
    targets: QMTCFG_QUERIES,
  },
  {
    id: 'test-forms-answer-bare-ok',
    acts: { kind: 'answer', at: 'answer.test-form-ranges' },
    description: 'Every test form (=?) answers a bare OK without the supported ranges.',
    targets: TEST_FORMS_WITH_RANGES,
  },
  {
    id: 'qmtcfg-query-comma-space',
    acts: { kind: 'answer', at: 'answer.qmtcfg-query-commas' },
    description: 'AT+QMTCFG query answers put a space after each comma (+QMTCFG: "keepalive", 120).',
    targets: QMTCFG_QUERIES,
  },
  {
    id: 'client-idx-lenient-parse',
    acts: { kind: 'flow', at: 'qmtcfg.client-idx-parse' },
    description: 'AT+QMTCFG reads <client_idx> like C atoi: "x" becomes client 0 and "-1" client 1, instead of ERROR.',
    targets: ['3.3.1:client_idx:range'],
  },
] as const satisfies readonly FaultDefinition[];
