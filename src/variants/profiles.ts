/**
 * Profile data for each module of table 1. Readings of the ambiguities are the choices this
 * project made for the simulated firmware (spec A-numbers in ./profile.ts); a QA team with a
 * different firmware reading edits its profile, not the features.
 */
const ALL_SUB_OPTIONS = [
  'version', 'pdpcid', 'ssl', 'keepalive', 'session', 'timeout', 'will', 'willex', 'recv/mode',
  'aliauth', 'qmtping', 'send/mode', 'onenet', 'hwauth', 'hwprodid', 'dataformat', 'view/mode', 'edit/timeout',
];

/**
 * A8: the note lost its underlined defaults. The simulated firmware takes: vsn 4 (v3.1.1),
 * clean_session 1, timeout_notice 0, msg_recv_mode 0 (URC), msg_len_enable 1 (example 5.2
 * shows the length), SSL off on context 0, string send/recv formats, view/edit modes 0,
 * edit_time 30 s, hw_time_enable 0. Stated defaults (cid 1, pkt_timeout 5, retry_times 3,
 * keepalive 120, qmtping 5) are fixed by the note and live in src/sim/handlers/qmtcfg/defaults.ts.
 */
const commonDefaults = {
  vsn: 4, cleanSession: 1, timeoutNotice: 0, msgRecvMode: 0, msgLenEnable: 1, sslEnable: 0, sslCtxIdx: 0,
  sendMode: 0, recvMode: 0, viewMode: 0, editMode: 0, editTime: 30, hwTimeEnable: 0,
} as const;

/**
 * The simulated firmware's reading of each ambiguity (spec appendix, A-numbers):
 * - A3  excep1: a CONNECT without CONNACK tears the TCP link down (+QMTSTAT), no result 1.
 * - A4  urc: QoS 0 publish reports +QMTPUBEX: idx,0,0 as example 5.1 shows.
 * - A9  keep-previous: a partial omission the bracket nesting allows ("ssl",0,1 without
 *       <SSL_ctx_idx>; "recv/mode",0,1 without <msg_len_enable>) keeps the previous value.
 *       Omissions the nesting does not allow ("timeout",0,10) are ERROR in every reading.
 * - A10 error: a set while QMTOPEN has created the connection answers ERROR. "willex" follows
 *       its literal text (no "not created" condition): it is accepted while connected and
 *       applies to the next CONNECT.
 * - A11 ignore-extra: will_fg=0 followed by more will parameters answers OK; the extra values
 *       are neither checked nor stored. A11willex no-prompt: "willex",idx,0 answers OK at once.
 * - A13 ok: the "qmtping" query ends with OK like every other query.
 * - A14 trailing-optional: <hw_time_enable> may follow the set parameters of "hwauth" and
 *       "hwprodid" (0/1, else ERROR); it is always printed in their query responses.
 * - A15 independent: "send/mode" and "dataformat" keep separate <send_mode> values.
 * - A17 always: the "edit/timeout" query always prints <edit_time>.
 * - A20 after-first, A22 quoted, A25 no-value, A26 may-zero, A28 error, A30 consume,
 *   A33 quoted: see src/variants/profile.ts; these are MQTT-side behaviours.
 * - A34 case-insensitive: "SSL" is the same sub-option as "ssl" (example 5.2 uses it).
 * Ambiguities every simulated variant reads the same way (behaviour fixed in src/sim, no switch):
 * - A2  T1 and T2 both start at CONNECT; T1 alone at every later request (figure 1).
 * - A5/A27 the +QMTRECV length field follows msg_len_enable; <payload_len> = <payload_length>.
 * - A31 keep-alive counts packets sent; a PINGREQ unanswered for <qmtping_interval> s gives
 *       +QMTPING: idx,1 and then +QMTSTAT: idx,2, and the link is closed.
 * - Table 4 code 5: after AT+QMTDISC the client waits up to <pkt_timeout> for the server to close
 *       (state 4 "disconnecting"); a server that closes gives +QMTSTAT: idx,5 ("a normal process")
 *       before +QMTDISC: idx,0. Code 3: every send of CONNECT timed out (A3 "retransmit" only).
 * - A1, A6–A8 (except defaults above), A12, A16, A18, A19, A21, A23, A24, A29, A32, A35 are
 *       wording issues with no behaviour to choose.
 * Not readings but choices the note leaves open, taken for every simulated variant:
 * - "ssl" query prints both <SSL_enable>,<SSL_ctx_idx>; "will"/"willex" queries print only
 *   <will_fg> while it is 0, the full set when 1.
 * - Echo is OFF after power-up (at.echo 0) so transcripts match the note's tables; ATE1
 *   turns it on. CMEE is 0 after power-up: every error is plain ERROR as the note prints.
 */
const commonReadings = {
  A3: 'excep1', A4: 'urc', A9: 'keep-previous', A10: 'error', A11: 'ignore-extra', A11willex: 'no-prompt',
  A13: 'ok', A14: 'trailing-optional', A15: 'independent', A17: 'always',
  A20: 'after-first', A22: 'quoted', A25: 'no-value', A26: 'may-zero', A28: 'error', A30: 'consume',
  A33: 'quoted', A34: 'case-insensitive',
} as const;

/** AT-link basics: echo off, CMEE 0, `RDY` 2 s after AT+CFUN=1,1 (field notes). */
const commonAt = { echo: 0, cmee: 0, rebootMs: 2000 } as const;

const capabilities = { ssl: true, cloudAuth: true, reboot: true, subOptions: ALL_SUB_OPTIONS };

export const profiles = [
  { name: 'EC200T', series: 'EC200x', model: 'EC200T', detect: ['EC200T'], revision: 'EC200TCNDAR02A09M16' },
  { name: 'EC200S', series: 'EC200x', model: 'EC200S', detect: ['EC200S'], revision: 'EC200SCNAAR03A11M08' },
  { name: 'EC200N-CN', series: 'EC200x', model: 'EC200N', detect: ['EC200N'], revision: 'EC200NCNAAR01A03M16' },
  { name: 'EC600S-CN', series: 'EC600x', model: 'EC600S', detect: ['EC600S'], revision: 'EC600SCNLAR01A05M08' },
  { name: 'EC600N-CN', series: 'EC600x', model: 'EC600N', detect: ['EC600N'], revision: 'EC600NCNLCR01A02M16' },
  // A3 retransmit: this firmware resends an unanswered CONNECT like SUBSCRIBE (spec 3.3.4
  // <result> 1/2) instead of tearing the link down (figure 1 Excep1), so the suite exercises
  // both readings of A3 (EG912Y is run with --variant EG912Y).
  { name: 'EG912Y', series: 'EG912Y', model: 'EG912Y', detect: ['EG912Y'], revision: 'EG912YEUAAR01A04M08', readings: { A3: 'retransmit' } },
].map((p) => ({
  ...p,
  manufacturer: 'Quectel',
  capabilities,
  defaults: { ...commonDefaults },
  readings: { ...commonReadings, ...('readings' in p ? p.readings : {}) },
  at: { ...commonAt },
}));
