/**
 * Every place where the application note allows more than one answer, as data: an id (the English
 * reference's A-number where it has one, a descriptive id otherwise), the answers the note's words
 * allow, and those words. A scenario that meets one of these accepts every allowed value, records
 * the one it observed, and still fails on anything else. A variant profile declares one value per
 * reading for strict runs (`qmt run --profile`).
 *
 * The first value of each list is the reading the EC200N-CN profile declares; `alternate-readings`
 * declares the second. Order carries no preference of the note's.
 */
export interface ReadingDefinition {
  /** Allowed answers; anything else is non-conformance. */
  readonly values: readonly [string, string, ...string[]];
  /** Where the note says it (section / figure). */
  readonly where: string;
  /** The note's words that leave the choice open, short. */
  readonly words: string;
}

function reading<const V extends readonly [string, string, ...string[]]>(values: V, where: string, words: string) {
  return { values, where, words } as const;
}

export const READINGS = {
  A3: reading(
    ['excep1', 'retransmit'],
    'Fig. 1 / 3.3.4',
    'figure 1 pairs CONNECT with Excep1 (disconnect TCP), yet 3.3.4 lists <result> 1 "packet retransmission" for AT+QMTCONN',
  ),
  A4: reading(
    ['urc', 'no-urc'],
    'Fig. 1 / 3.3.8 / 5.1',
    'figure 1 shows no +QMTPUBEX for QoS 0; example 5.1 shows +QMTPUBEX: 0,0,0',
  ),
  A9: reading(
    ['keep-previous', 'error'],
    '3.1.1 / 3.3.1',
    '3.1.1: an omitted optional parameter keeps its previous or default value; 3.3.1 does not say whether that holds for a partial omission',
  ),
  A10: reading(
    ['after-open', 'after-connect'],
    '3.3.1',
    'sets are allowed "if the MQTT connection has not been created": created by a successful AT+QMTOPEN, or by the CONNECT of AT+QMTCONN',
  ),
  A11: reading(
    ['ignore-extra', 'error'],
    '3.3.1 note 1',
    'when <will_fg> is not 1 the Will parameters "will be omitted" (must be left out, or are ignored)',
  ),
  A11willex: reading(
    ['no-prompt', 'prompt'],
    '3.3.1 "willex"',
    'the note does not say whether "willex" with <will_fg> 0 shows the > prompt',
  ),
  A13: reading(['ok', 'no-ok'], '3.3.1 "qmtping"', 'the "qmtping" query branch shows no final OK'),
  A14: reading(
    ['trailing-optional', 'not-settable'],
    '3.3.1 "hwauth"/"hwprodid"',
    '<hw_time_enable> appears only in the query responses; no set syntax names it',
  ),
  A14query: reading(
    ['printed', 'omitted'],
    '3.3.1 "hwauth"/"hwprodid"',
    'the query responses show [,<hw_time_enable>] as optional',
  ),
  A15: reading(['independent', 'shared'], '3.3.1', '"send/mode" and "dataformat" both take <send_mode>, defined once'),
  A17: reading(
    ['always', 'when-enabled'],
    '3.3.1 "edit/timeout"',
    'the query response shows [,<edit_time>] as optional',
  ),
  A20: reading(
    ['after-first', 'including-first'],
    '3.3.1 / 3.3.6-3.3.8',
    '<retry_times>: retransmissions after a timeout, or retries after a failure; whether the first send counts is not stated',
  ),
  A22: reading(['quoted', 'bare'], '3.3.2', 'the query syntax shows <host_name> bare; the examples quote it'),
  A25: reading(
    ['no-value', 'value'],
    '3.3.7 / 5.1',
    '<value> of +QMTUNS is "a vector of granted QoS"; example 5.1 prints +QMTUNS: 0,2,0',
  ),
  A26: reading(
    ['may-zero', 'must-zero'],
    '3.3.8',
    '<msgid> "0 only when <qos>=0": QoS 0 may use any msgid, or must use 0',
  ),
  A28: reading(
    ['error', 'clip'],
    '3.3.8 / 5.1',
    'bytes beyond <length> are deleted; example 5.1: the excess beyond 1500 bytes is ignored',
  ),
  A30: reading(
    ['consume', 'keep'],
    '3.3.9',
    'the note does not say whether AT+QMTRECV reading a message removes it from the buffer',
  ),
  A33: reading(['quoted', 'bare'], '5.1 / 5.2', 'the +QMTRECV payload is quoted in two examples and bare in one'),
  A34: reading(['case-insensitive', 'lower-only'], '5.2', 'example 5.2 writes "SSL"; 3.3.1 defines "ssl"'),
  'ssl-query': reading(
    ['both-fields', 'ctx-when-enabled'],
    '3.3.1 "ssl"',
    'the query response is +QMTCFG: "ssl",<SSL_enable>[,<SSL_ctx_idx>]',
  ),
  'conn-ret-code': reading(
    ['printed', 'omitted'],
    '3.3.4',
    'the result is +QMTCONN: <client_idx>,<result>[,<ret_code>]; omitted only where it would be 0 (accepted): a refusal without its <ret_code> 1~5 would read as an accepted connection',
  ),
  'stat-malformed': reading(
    ['7', '1'],
    'Table 4',
    'no code names a malformed packet from the server: 7 "link not working or server unavailable", or 1 "connection closed or reset by the server"',
  ),
  'stat-no-connack': reading(
    ['4', '1'],
    '3.3.4 / Table 4',
    'a server that closes the link instead of sending CONNACK: code 4 "receiving CONNACK timed out or failed" (接收 CONNACK 包超时或者失败), or code 1 "closed or reset by the server"; a +QMTCONN: <idx>,2 ("failed to send") may come with either',
  ),
  'close-stat': reading(
    ['8', 'none'],
    '3.3.3 / Table 4',
    'code 8 "the client actively closed the MQTT connection" (客户端主动断开 MQTT 连接) may name the host\'s own AT+QMTCLOSE, or only a close the client decides itself: +QMTCLOSE: <idx>,0 already reports the host\'s close, and no example closes a connected client',
  ),
  'disc-stat': reading(
    ['none', '5'],
    '3.3.5 / Table 4 / 5.1',
    'code 5: the server closed the connection after DISCONNECT, "a normal process"; example 5.1 shows AT+QMTDISC without any +QMTSTAT',
  ),
  'disc-state': reading(
    ['gone', '4'],
    '3.3.4 / 3.3.5',
    '<state> 4 "disconnecting" (正在断开) is not tied to an event: listed while the link stays up after DISCONNECT, or the client has closed its network right after sending DISCONNECT (MQTT 3.1.1 §3.14.4) and lists no state. (Listing 3 "connected" after DISCONNECT went out is not allowed: the client announced the end of the MQTT connection.)',
  ),
  'disc-unconnected': reading(
    ['-1', '0'],
    '3.3.5',
    'AT+QMTDISC on an opened but never connected client: -1 "failed to disconnect", or 0 (nothing left to disconnect)',
  ),
  'open-bad-host': reading(
    ['4', '1', '-1', 'error'],
    '3.3.2',
    'a <host_name> that is neither an IP address nor a domain name ("qmt broker#1"): 4 "failed to parse the domain name" (域名解析失败), 1 "wrong parameter", -1 "failed to open the network", or ERROR at once ("if there is any error", the value is outside <host_name>\'s definition)',
  ),
  // ----- connection lifecycle (audit-conn) -----
  'stat-refused': reading(
    ['1', '4'],
    '3.3.4 / Table 4',
    'after a CONNACK with a refusal <ret_code> the server closes the link (MQTT 3.1.1 §3.2.2.3): code 1 "closed by the server", or code 4 "receiving CONNACK ... failed", whose solution is "check the user name and password, make sure the client ID is not in use"',
  ),
  'stat-connect-exhausted': reading(
    ['3', '4'],
    '3.3.4 / Table 4',
    'every send of CONNECT went without CONNACK (A3 "retransmit", <retry_times> used up): code 3 "sending CONNECT timed out or failed" (发送 CONNECT 包超时或者失败), or code 4 "receiving CONNACK timed out or failed"',
  ),
  A31: reading(
    ['reported', 'not-reported'],
    '4.3 / Table 3',
    '+QMTPING: <idx>,1 is tied to the server dropping a silent client (4.3 lead text) or to any link-layer change (table 3), never to an unanswered PINGREQ, which table 4 reports as +QMTSTAT code 2',
  ),
  'open-out-of-range': reading(
    ['error', '1'],
    '3.3.2',
    '<port> outside 1~65535 or a <host_name> of 0 or more than 100 bytes: "if there is any error", ERROR at once, or OK and <result> 1 "wrong parameter"',
  ),
  'close-unopened': reading(
    ['-1', 'error'],
    '3.3.3',
    'AT+QMTCLOSE on a client without an open network: OK then <result> -1 "failed to close the network", or ERROR ("if there is any error")',
  ),
  'disc-unopened': reading(
    ['-1', 'error'],
    '3.3.5',
    'AT+QMTDISC on a client without any network: OK then <result> -1 "failed to disconnect", or ERROR ("if there is any error")',
  ),
  'conn-unopened': reading(
    ['error', '2'],
    '3.3.4',
    'AT+QMTCONN on a client without an open network: ERROR ("if there is any error"), or OK then +QMTCONN: <idx>,2 "failed to send the packet"',
  ),
  // twin: places the field evidence (docs/field-evidence.md) shows firmware answering differently where the note is silent.
  'close-after-disc': reading(
    ['none', 'result'],
    '3.3.3 / 3.3.5',
    'AT+QMTCLOSE "closes the network" and reports +QMTCLOSE; after AT+QMTDISC has already closed it the note does not say whether a result follows (field evidence: EC200U gives none, docs/field-evidence.md#close-after-disconnect)',
  ),
  'excep1-conn-result': reading(
    ['stat-only', 'result-first'],
    'Fig. 1 / 3.3.4 / Table 4',
    'a CONNECT without CONNACK under Excep1 (figure 1: disconnect TCP) is reported by +QMTSTAT code 4 "receiving CONNACK timed out or failed"; 3.3.4 also lists <result> 2 "failed to send the packet" for AT+QMTCONN and orders neither against the other',
  ),
  'disc-pending-result': reading(
    ['dropped', 'reported'],
    '3.3.5 / 3.3.6-3.3.8',
    'AT+QMTDISC "disconnects the client from the server"; the note does not say whether a +QMTSUB / +QMTUNS / +QMTPUBEX still pending then is reported (with <result> 2 "failed to send the packet") or dropped',
  ),
  'close-pending-result': reading(
    ['dropped', 'reported'],
    '3.3.3 / 3.3.6-3.3.8',
    'AT+QMTCLOSE "closes the network for the MQTT client"; the note does not say whether a result still pending then is reported (with <result> 2 "failed to send the packet") or dropped',
  ),
  'payload-echo': reading(
    ['not-echoed', 'echoed'],
    '3.1 / 3.3.8',
    'ATE1 echoes the command line; the note does not say whether the data typed after the > prompt of AT+QMTPUBEX is echoed too',
  ),
  // --- AT+QMTCFG and AT syntax (audit-cfg) ---
  A10willex: reading(
    ['accepted', 'refused'],
    '3.3.1 "willex"',
    'the configure branch of "willex" says only "if the optional parameters are specified", without the "and the MQTT connection has not been created" of the other seventeen sub-options',
  ),
  'test-form-layout': reading(
    ['as-printed', 'reformatted'],
    '3.3.1 test command',
    'the test response is typeset with a space after two commas of the "dataformat" line; field evidence (docs/field-evidence.md#ec600s-test-form-listing): an EC600S lists the sub-options without spaces, in another order, with an extra "CTWing"',
  ),
} as const satisfies Record<string, ReadingDefinition>;

export type ReadingId = keyof typeof READINGS;
export type ReadingValue<K extends ReadingId> = (typeof READINGS)[K]['values'][number];
export type Readings = { [K in ReadingId]: ReadingValue<K> };

export function isReadingId(id: string): id is ReadingId {
  return Object.prototype.hasOwnProperty.call(READINGS, id);
}

/** The first value of every reading: what EC200N-CN declares (see the file comment). */
export function firstReadings(): Readings {
  return Object.fromEntries(Object.entries(READINGS).map(([id, r]) => [id, r.values[0]])) as Readings;
}

/**
 * A8: the note states defaults only for <cid>, <pkt_timeout>, <retry_times>, <keep_alive_time> and
 * <qmtping_interval>. For every other parameter any value of its range is a conformant default;
 * a profile declares one for strict runs. Keys are the profile's `defaults` keys.
 */
export const UNSTATED_DEFAULTS = {
  vsn: { parameter: '<vsn>', values: [3, 4] },
  cleanSession: { parameter: '<clean_session>', values: [0, 1] },
  timeoutNotice: { parameter: '<timeout_notice>', values: [0, 1] },
  msgRecvMode: { parameter: '<msg_recv_mode>', values: [0, 1] },
  msgLenEnable: { parameter: '<msg_len_enable>', values: [0, 1] },
  sslEnable: { parameter: '<SSL_enable>', values: [0, 1] },
  sslCtxIdx: { parameter: '<SSL_ctx_idx>', values: [0, 1, 2, 3, 4, 5] },
  sendMode: { parameter: '<send_mode>', values: [0, 1] },
  recvMode: { parameter: '<recv_mode>', values: [0, 1] },
  viewMode: { parameter: '<view_mode>', values: [0, 1] },
  editMode: { parameter: '<edit_mode>', values: [0, 1] },
  editTime: { parameter: '<edit_time>', values: Array.from({ length: 120 }, (_, i) => i + 1) },
  hwTimeEnable: { parameter: '<hw_time_enable>', values: [0, 1] },
} as const;

export type UnstatedDefault = keyof typeof UNSTATED_DEFAULTS;

export function isUnstatedDefault(name: string): name is UnstatedDefault {
  return Object.prototype.hasOwnProperty.call(UNSTATED_DEFAULTS, name);
}
