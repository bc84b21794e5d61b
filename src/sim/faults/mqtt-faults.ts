/**
 * Firmware faults of the simulated module's MQTT side. Each changes ONE behaviour; `targets`
 * are the spec items (spec/quectel-mqtt-at.json `items`) whose scenarios must go red on it.
 */
import type { FaultDefinition } from './types';

export const MQTT_FAULTS = [
  {
    id: 'connack-timeout-conn-result-3',
    description:
      'Under Excep1 a CONNECT without CONNACK is first reported as +QMTCONN: <idx>,3, a <result> the note does not list, then +QMTSTAT: <idx>,4.',
    targets: ['4.1:err_code=4', '3.3.4:result=1'],
  },
  {
    id: 'pending-result-reported-acked',
    description:
      'A request still unacknowledged at AT+QMTDISC or AT+QMTCLOSE is reported with <result> 0 "ACK received", though no acknowledgement came.',
    targets: ['3.3.5:set', '3.3.3:set'],
  },
  {
    id: 'recv-msgid-zero',
    description: '+QMTRECV reports <msgid> 0 for a QoS 1 or QoS 2 message instead of the PUBLISH packet identifier.',
    targets: ['4.2:message', '4.2:message-with-length', '3.3.9:set'],
  },
  {
    id: 'connect-keepalive-zero',
    description: 'CONNECT carries keep-alive 0 instead of the configured keep-alive time.',
    targets: ['3.3.1:keepalive:set', '2:keepalive'],
  },
  {
    id: 'connect-ignores-clean-session',
    description: 'CONNECT always sets Clean Session, whatever AT+QMTCFG="session" says.',
    targets: ['3.3.1:session:set'],
  },
  {
    id: 'connect-level4-when-vsn3',
    description: 'CONNECT uses MQTT 3.1.1 (level 4, "MQTT") even when vsn=3 asks for MQTT 3.1.',
    targets: ['3.3.1:version:set'],
  },
  {
    id: 'connect-drops-password',
    description: 'CONNECT carries the user name but omits the password given to AT+QMTCONN.',
    targets: ['3.3.4:credentials'],
  },
  {
    id: 'will-retain-dropped',
    description: 'The Will Retain flag is never set in CONNECT, even with will_retain=1.',
    targets: ['3.3.1:will:set'],
  },
  {
    id: 'qos1-never-retransmitted',
    description: 'An unacknowledged QoS 1 PUBLISH is never resent, though retries are counted and reported.',
    targets: ['2:retransmission', '3.3.8:qos1-flow'],
  },
  {
    id: 'retransmit-without-dup',
    description: 'A retransmitted PUBLISH does not set the DUP flag.',
    targets: ['2:retransmission', '3.3.8:qos1-flow'],
  },
  {
    id: 'timeout-notice-ignored',
    description: 'With timeout_notice=1 no "<result>=1" URC is reported for retransmissions.',
    targets: ['2:timeout-notice', '3.3.8:result=1', '3.3.6:result=1'],
  },
  {
    id: 'window-accepts-sixth',
    description: 'A sixth QoS 1/2 publish while five are in flight is accepted instead of ERROR.',
    targets: ['3.3.8:window'],
  },
  {
    id: 'pingreq-never-sent',
    description: 'The keep-alive timer never sends PINGREQ, so the broker drops an idle client.',
    targets: ['2:keepalive'],
  },
  {
    id: 'pubrel-never-sent',
    description: 'After PUBREC of a QoS 2 publish the module never sends PUBREL (no PUBCOMP, no URC).',
    targets: ['3.3.8:qos2-flow'],
  },
  {
    id: 'suback-reports-requested-qos',
    description: '+QMTSUB prints the requested QoS instead of the QoS granted in SUBACK.',
    targets: ['3.3.6:value'],
  },
  {
    id: 'disc-sends-no-disconnect',
    description: 'AT+QMTDISC closes the TCP connection without sending DISCONNECT (the Will is published).',
    targets: ['3.3.5:set'],
  },
  {
    id: 'open-refused-reports-success',
    description: '+QMTOPEN reports 0 although the TCP connection was refused.',
    targets: ['3.3.2:result=-1'],
  },
  {
    id: 'qmtstat-missing-on-server-close',
    description: 'No +QMTSTAT: <idx>,1 when the server closes the connection.',
    targets: ['4.1:err_code=1'],
  },
  {
    id: 'recv-length-missing',
    description: '+QMTRECV omits <payload_len> although msg_len_enable=1.',
    targets: ['4.2:message-with-length'],
  },
  {
    id: 'recv-payload-last-byte-lost',
    description: '+QMTRECV prints the payload without its last byte (the length still counts it).',
    targets: ['4.2:message', '4.2:message-with-length', '3.3.9:set'],
  },
  {
    id: 'recv-buffer-holds-six',
    description: 'The receive buffer of msg_recv_mode 1 stores a sixth message (recv_id 5).',
    targets: ['3.3.9:buffer-size'],
  },
  {
    id: 'publish-retain-ignored',
    description: 'AT+QMTPUBEX with retain=1 publishes without the RETAIN flag.',
    targets: ['3.3.8:retain'],
  },
  {
    id: 'sub-msgid-zero-accepted',
    description: 'AT+QMTSUB accepts <msgid>=0 instead of answering ERROR.',
    targets: ['3.3.6:msgid:range'],
  },
  {
    id: 'qmtrecv-without-connection-ok',
    description: 'AT+QMTRECV=<idx> answers OK instead of ERROR when the client has no MQTT connection.',
    targets: ['3.3.9:set'],
  },
  {
    id: 'aliauth-sign-omits-timestamp',
    description: 'The Alibaba Cloud password is signed without the timestamp that the MQTT client id announces.',
    targets: ['3.3.1:aliauth:set'],
  },
  {
    id: 'onenet-key-not-decoded',
    description: 'The OneNET token is signed with the access key text instead of its base64-decoded bytes.',
    targets: ['3.3.1:onenet:set'],
  },
  {
    id: 'huawei-hmac-key-swapped',
    description: 'The Huawei password is HMAC-SHA256 keyed by the secret instead of by the timestamp.',
    targets: ['3.3.1:hwauth:set', '3.3.1:hwprodid:set'],
  },
  {
    id: 'exhausted-send-reports-success',
    description: 'When every retransmission went unacknowledged the URC reports result 0 (success) instead of 2.',
    targets: ['3.3.6:result=2', '3.3.7:result=2', '3.3.8:result=2', '2:retransmission'],
  },
  {
    id: 'qmtconn-result-late',
    description: '+QMTCONN arrives 1 s after <pkt_timeout>, beyond the maximum response time.',
    targets: ['3.3.4:max-response-time'],
  },
  {
    id: 'qmtopen-result-after-130s',
    description: '+QMTOPEN arrives after 130 s, beyond the 120 s maximum response time.',
    targets: ['3.3.2:max-response-time'],
  },
  {
    id: 'mqtt-rejected-command-answers-ok',
    description: 'QMTOPEN … QMTRECV answer OK where they reject a parameter, then do nothing.',
    targets: [
      '3.3.2:port:range',
      '3.3.2:host_name:length',
      '3.3.6:msgid:range',
      '3.3.6:qos:range',
      '3.3.7:msgid:range',
      '3.3.8:msgid:range',
      '3.3.8:qos:range',
      '3.3.8:qos0-msgid',
      '3.3.8:max-input',
      '3.3.8:window',
      '3.3.9:recv_id:range',
      '3.3.9:set',
      '3.3.3:set',
      '3.3.4:set',
      '3.3.6:set',
      '3.3.7:set',
      '3.3.8:set',
    ],
  },
  {
    id: 'qmtconn-query-always-connected',
    description: 'AT+QMTCONN? reports state 3 (connected) for every client with an open network.',
    targets: ['3.3.4:query', '3.3.4:state=1', '3.3.4:state=2', '3.3.4:state=4'],
  },
  {
    id: 'qmtstat-always-code-1',
    description: 'Every +QMTSTAT carries err_code 1, whatever ended the link.',
    targets: [
      '4.1:err_code=2',
      '4.1:err_code=3',
      '4.1:err_code=4',
      '4.1:err_code=5',
      '4.1:err_code=6',
      '4.1:err_code=7',
      '4.1:err_code=8',
    ],
  },
  {
    id: 'qmtclose-unopened-reports-0',
    description: 'AT+QMTCLOSE on a client without a network reports +QMTCLOSE: idx,0 instead of -1.',
    targets: ['3.3.3:result=-1'],
  },
  {
    id: 'qmtdisc-unconnected-reports-0',
    description: 'AT+QMTDISC on a client that is not connected reports +QMTDISC: idx,0 instead of -1.',
    targets: ['3.3.5:result=-1'],
  },
  {
    id: 'qmtopen-failures-all-minus-1',
    description: 'Every failed AT+QMTOPEN reports -1, never the specific result 1..5.',
    targets: ['3.3.2:result=1', '3.3.2:result=2', '3.3.2:result=3', '3.3.2:result=4', '3.3.2:result=5'],
  },
  {
    id: 'packet-id-not-msgid',
    description:
      "SUBSCRIBE, UNSUBSCRIBE and PUBLISH carry the firmware's own packet id instead of the host's " + '<msgid>.',
    targets: ['3.3.6:msgid:range', '3.3.7:msgid:range', '3.3.8:msgid:range'],
  },
  {
    id: 'subscribe-qos-always-0',
    description: 'SUBSCRIBE requests QoS 0 for every topic, whatever <qos> says.',
    targets: ['3.3.6:qos:range'],
  },
  {
    id: 'sub-uns-first-topic-only',
    description: 'Of several topics in one AT+QMTSUB / AT+QMTUNS only the first reaches the wire.',
    targets: ['3.3.6:multi-topic', '3.3.7:multi-topic'],
  },
  {
    id: 'keepalive-zero-still-pings',
    description: 'Keep-alive 0 is taken as 60 s: an idle client still sends PINGREQ.',
    targets: ['2:keepalive'],
  },
  {
    id: 'qmtrecv-read-consumes-only-first',
    description:
      'AT+QMTRECV=<idx> reading several messages empties only the first slot and keeps the rest (neither ' +
      'A30 reading: consume all read, or keep all).',
    targets: ['3.3.9:set'],
  },
  {
    id: 'urc-comma-space',
    description: 'MQTT URCs separate their parameters with ", " instead of ",".',
    targets: [
      '3.3.2:set',
      '3.3.3:set',
      '3.3.4:set',
      '3.3.5:set',
      '3.3.6:set',
      '3.3.7:set',
      '3.3.8:set',
      '3.3.9:set',
      '4.2:message',
      '4.2:message-with-length',
      '4.2:buffered',
      '4.1:err_code=8',
      '3.3.8:max-input',
      '3.3.6:qos:range',
      '3.3.8:msgid:range',
      '2:retransmission',
      '2:timeout-notice',
      '3.3.2:port:range',
      '3.3.4:query',
    ],
  },
  {
    id: 'connect-clean-session-inverted',
    description: 'CONNECT carries the opposite of the configured clean session (1 becomes 0, 0 becomes 1).',
    targets: ['3.3.1:session:set'],
  },
  {
    id: 'qmtrecv-test-form-prints-ranges',
    description: 'AT+QMTRECV=? prints "+QMTRECV: (0-5),(0-4)" where the spec answers a bare OK.',
    targets: ['3.3.9:test'],
  },
  {
    id: 'qmtrecv-query-lists-idle-clients',
    description: 'AT+QMTRECV? lists store status for clients without an MQTT connection.',
    targets: ['3.3.9:query'],
  },
  {
    id: 'qmtconn-query-lists-idle-clients',
    description: 'AT+QMTCONN? lists clients that have no network, with state 1.',
    targets: ['3.3.4:query'],
  },
  {
    id: 'publish-extra-payload-bytes',
    description:
      'AT+QMTPUBEX publishes every byte typed after the > prompt, also those beyond <length> (spec 3.3.8: ' +
      'they are deleted).',
    targets: ['3.3.8:prompt'],
  },
  // ----- connection lifecycle (audit-conn): answers no reading of the note allows -----
  {
    id: 'result-urc-before-ok',
    description: '+QMTOPEN: <idx>,<result> is printed before the OK of AT+QMTOPEN (the note prints OK first).',
    targets: ['3.3.2:set'],
  },
  {
    id: 'qmtstat-server-loss-as-8',
    description:
      'A link the server or the network ended is reported as +QMTSTAT code 8, which table 4 keeps for the ' +
      'client closing it itself.',
    targets: ['4.1:err_code=1', '4.1:err_code=4', '4.1:err_code=5', '4.1:err_code=7'],
  },
  {
    id: 'qmtdisc-unconnected-sends-disconnect',
    description:
      'AT+QMTDISC on an opened but never connected client sends DISCONNECT, the first packet on that ' +
      'connection (MQTT requires CONNECT first).',
    targets: ['3.3.5:result=-1'],
  },
  {
    id: 'qmtopen-bad-name-network-error',
    description:
      'A host name that is neither an IP address nor a domain name ends in +QMTOPEN result 5 "network ' +
      'disconnected".',
    targets: ['3.3.2:result=1'],
  },
] as const satisfies readonly FaultDefinition[];
