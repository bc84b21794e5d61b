/**
 * Firmware faults of the simulated module's MQTT connection: opening and closing the network,
 * CONNECT and its CONNACK, keep-alive, DISCONNECT, the cloud sign-ins and the +QMTSTAT reports.
 * Each changes ONE behaviour; `targets` are the spec items (spec/quectel-mqtt-at.json `items`)
 * whose scenarios must go red on it.
 */
import type { FaultDefinition } from './types';

export const MQTT_CONNECTION_FAULTS = [
  {
    id: 'connack-timeout-conn-result-3',
    acts: { kind: 'flow', at: 'connack-wait.excep1-result' },
    description:
      'Under Excep1 a CONNECT without CONNACK is first reported as +QMTCONN: <idx>,3, a <result> the note does not list, then +QMTSTAT: <idx>,4.',
    targets: ['4.1:err_code=4', '3.3.4:result=1'],
  },
  {
    id: 'pending-result-reported-acked',
    acts: { kind: 'flow', at: 'pending-results.result' },
    description:
      'A request still unacknowledged at AT+QMTDISC or AT+QMTCLOSE is reported with <result> 0 "ACK received", though no acknowledgement came.',
    targets: ['3.3.5:set', '3.3.3:set'],
  },
  {
    id: 'connect-keepalive-zero',
    acts: { kind: 'packet', at: 'packet.connect-keepalive' },
    description: 'CONNECT carries keep-alive 0 instead of the configured keep-alive time.',
    targets: ['3.3.1:keepalive:set', '2:keepalive'],
  },
  {
    id: 'connect-ignores-clean-session',
    acts: { kind: 'packet', at: 'packet.connect-clean-flag-forced' },
    description: 'CONNECT always sets Clean Session, whatever AT+QMTCFG="session" says.',
    targets: ['3.3.1:session:set'],
  },
  {
    id: 'connect-level4-when-vsn3',
    acts: { kind: 'packet', at: 'packet.connect-protocol-level' },
    description: 'CONNECT uses MQTT 3.1.1 (level 4, "MQTT") even when vsn=3 asks for MQTT 3.1.',
    targets: ['3.3.1:version:set'],
  },
  {
    id: 'connect-drops-password',
    acts: { kind: 'packet', at: 'packet.connect-password' },
    description: 'CONNECT carries the user name but omits the password given to AT+QMTCONN.',
    targets: ['3.3.4:credentials'],
  },
  {
    id: 'will-retain-dropped',
    acts: { kind: 'packet', at: 'packet.connect-will-retain' },
    description: 'The Will Retain flag is never set in CONNECT, even with will_retain=1.',
    targets: ['3.3.1:will:set'],
  },
  {
    id: 'pingreq-never-sent',
    acts: { kind: 'flow', at: 'session.keepalive-timer' },
    description: 'The keep-alive timer never sends PINGREQ, so the broker drops an idle client.',
    targets: ['2:keepalive'],
  },
  {
    id: 'disc-sends-no-disconnect',
    acts: { kind: 'flow', at: 'session.disconnect-packet' },
    description: 'AT+QMTDISC closes the TCP connection without sending DISCONNECT (the Will is published).',
    targets: ['3.3.5:set'],
  },
  {
    id: 'open-refused-reports-success',
    acts: { kind: 'flow', at: 'qmtopen.refused-result' },
    description: '+QMTOPEN reports 0 although the TCP connection was refused.',
    targets: ['3.3.2:result=-1'],
  },
  {
    id: 'qmtstat-missing-on-server-close',
    acts: { kind: 'urc', at: 'urc.qmtstat-server-closed' },
    description: 'No +QMTSTAT: <idx>,1 when the server closes the connection.',
    targets: ['4.1:err_code=1'],
  },
  {
    id: 'aliauth-sign-omits-timestamp',
    acts: { kind: 'flow', at: 'cloud-auth.aliyun-sign' },
    description: 'The Alibaba Cloud password is signed without the timestamp that the MQTT client id announces.',
    targets: ['3.3.1:aliauth:set'],
  },
  {
    id: 'onenet-key-not-decoded',
    acts: { kind: 'flow', at: 'cloud-auth.onenet-key' },
    description: 'The OneNET token is signed with the access key text instead of its base64-decoded bytes.',
    targets: ['3.3.1:onenet:set'],
  },
  {
    id: 'huawei-hmac-key-swapped',
    acts: { kind: 'flow', at: 'cloud-auth.huawei-hmac' },
    description: 'The Huawei password is HMAC-SHA256 keyed by the secret instead of by the timestamp.',
    targets: ['3.3.1:hwauth:set', '3.3.1:hwprodid:set'],
  },
  {
    id: 'qmtconn-result-late',
    acts: { kind: 'urc', at: 'urc.qmtconn-delay' },
    description: '+QMTCONN arrives 1 s after <pkt_timeout>, beyond the maximum response time.',
    targets: ['3.3.4:max-response-time'],
  },
  {
    id: 'qmtopen-result-after-130s',
    acts: { kind: 'urc', at: 'urc.qmtopen-delay' },
    description: '+QMTOPEN arrives after 130 s, beyond the 120 s maximum response time.',
    targets: ['3.3.2:max-response-time'],
  },
  {
    id: 'mqtt-rejected-command-answers-ok',
    acts: { kind: 'answer', at: 'answer.mqtt-error' },
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
    acts: { kind: 'answer', at: 'answer.qmtconn-query-state' },
    description: 'AT+QMTCONN? reports state 3 (connected) for every client with an open network.',
    targets: ['3.3.4:query', '3.3.4:state=1', '3.3.4:state=2', '3.3.4:state=4'],
  },
  {
    id: 'qmtstat-always-code-1',
    acts: { kind: 'urc', at: 'urc.qmtstat-code' },
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
    acts: { kind: 'urc', at: 'urc.qmtclose-minus-1' },
    description: 'AT+QMTCLOSE on a client without a network reports +QMTCLOSE: idx,0 instead of -1.',
    targets: ['3.3.3:result=-1'],
  },
  {
    id: 'qmtdisc-unconnected-reports-0',
    acts: { kind: 'urc', at: 'urc.qmtdisc-minus-1' },
    description: 'AT+QMTDISC on a client that is not connected reports +QMTDISC: idx,0 instead of -1.',
    targets: ['3.3.5:result=-1'],
  },
  {
    id: 'qmtopen-failures-all-minus-1',
    acts: { kind: 'urc', at: 'urc.qmtopen-failure-result' },
    description: 'Every failed AT+QMTOPEN reports -1, never the specific result 1..5.',
    targets: ['3.3.2:result=1', '3.3.2:result=2', '3.3.2:result=3', '3.3.2:result=4', '3.3.2:result=5'],
  },
  {
    id: 'keepalive-zero-still-pings',
    acts: { kind: 'flow', at: 'session.keepalive-zero-period' },
    description: 'Keep-alive 0 is taken as 60 s: an idle client still sends PINGREQ.',
    targets: ['2:keepalive'],
  },
  {
    id: 'urc-comma-space',
    acts: { kind: 'urc', at: 'urc.separator' },
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
    acts: { kind: 'packet', at: 'packet.connect-clean-flag-inverted' },
    description: 'CONNECT carries the opposite of the configured clean session (1 becomes 0, 0 becomes 1).',
    targets: ['3.3.1:session:set'],
  },
  {
    id: 'qmtconn-query-lists-idle-clients',
    acts: { kind: 'flow', at: 'qmtconn.query-clients' },
    description: 'AT+QMTCONN? lists clients that have no network, with state 1.',
    targets: ['3.3.4:query'],
  },
  {
    id: 'result-urc-before-ok',
    acts: { kind: 'flow', at: 'qmtopen.result-order' },
    description: '+QMTOPEN: <idx>,<result> is printed before the OK of AT+QMTOPEN (the note prints OK first).',
    targets: ['3.3.2:set'],
  },
  {
    id: 'qmtstat-server-loss-as-8',
    acts: { kind: 'flow', at: 'link-loss.stat-code' },
    description:
      'A link the server or the network ended is reported as +QMTSTAT code 8, which table 4 keeps for the ' +
      'client closing it itself.',
    targets: ['4.1:err_code=1', '4.1:err_code=4', '4.1:err_code=5', '4.1:err_code=7'],
  },
  {
    id: 'qmtdisc-unconnected-sends-disconnect',
    acts: { kind: 'flow', at: 'session.disconnect-unconnected' },
    description:
      'AT+QMTDISC on an opened but never connected client sends DISCONNECT, the first packet on that ' +
      'connection (MQTT requires CONNECT first).',
    targets: ['3.3.5:result=-1'],
  },
  {
    id: 'qmtopen-bad-name-network-error',
    acts: { kind: 'flow', at: 'qmtopen.bad-host-name-result' },
    description:
      'A host name that is neither an IP address nor a domain name ends in +QMTOPEN result 5 "network ' +
      'disconnected".',
    targets: ['3.3.2:result=1'],
  },
] as const satisfies readonly FaultDefinition[];
