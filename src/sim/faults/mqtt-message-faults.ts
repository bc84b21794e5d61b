/**
 * Firmware faults of the simulated module's MQTT messages: SUBSCRIBE, UNSUBSCRIBE, PUBLISH with
 * its acknowledgements and retransmissions, and receiving (+QMTRECV, AT+QMTRECV). Each changes
 * ONE behaviour; `targets` are the spec items (spec/quectel-mqtt-at.json `items`) whose
 * scenarios must go red on it.
 */
import type { FaultDefinition } from './types';

export const MQTT_MESSAGE_FAULTS = [
  {
    id: 'recv-msgid-zero',
    acts: { kind: 'flow', at: 'inbound.recv-msgid' },
    description: '+QMTRECV reports <msgid> 0 for a QoS 1 or QoS 2 message instead of the PUBLISH packet identifier.',
    targets: ['4.2:message', '4.2:message-with-length', '3.3.9:set'],
  },
  {
    id: 'qos1-never-retransmitted',
    acts: { kind: 'packet', at: 'packet.publish-qos1-resend' },
    description: 'An unacknowledged QoS 1 PUBLISH is never resent, though retries are counted and reported.',
    targets: ['2:retransmission', '3.3.8:qos1-flow'],
  },
  {
    id: 'retransmit-without-dup',
    acts: { kind: 'packet', at: 'packet.publish-dup' },
    description: 'A retransmitted PUBLISH does not set the DUP flag.',
    targets: ['2:retransmission', '3.3.8:qos1-flow'],
  },
  {
    id: 'timeout-notice-ignored',
    acts: { kind: 'urc', at: 'urc.retransmission-notice' },
    description: 'With timeout_notice=1 no "<result>=1" URC is reported for retransmissions.',
    targets: ['2:timeout-notice', '3.3.8:result=1', '3.3.6:result=1'],
  },
  {
    id: 'window-accepts-sixth',
    acts: { kind: 'flow', at: 'qmtpubex.window' },
    description: 'A sixth QoS 1/2 publish while five are in flight is accepted instead of ERROR.',
    targets: ['3.3.8:window'],
  },
  {
    id: 'pubrel-never-sent',
    acts: { kind: 'flow', at: 'requests.pubrel' },
    description: 'After PUBREC of a QoS 2 publish the module never sends PUBREL (no PUBCOMP, no URC).',
    targets: ['3.3.8:qos2-flow'],
  },
  {
    id: 'suback-reports-requested-qos',
    acts: { kind: 'flow', at: 'inbound.suback-qos' },
    description: '+QMTSUB prints the requested QoS instead of the QoS granted in SUBACK.',
    targets: ['3.3.6:value'],
  },
  {
    id: 'recv-length-missing',
    acts: { kind: 'flow', at: 'recv-format.payload-length' },
    description: '+QMTRECV omits <payload_len> although msg_len_enable=1.',
    targets: ['4.2:message-with-length'],
  },
  {
    id: 'recv-payload-last-byte-lost',
    acts: { kind: 'flow', at: 'recv-format.payload-text' },
    description: '+QMTRECV prints the payload without its last byte (the length still counts it).',
    targets: ['4.2:message', '4.2:message-with-length', '3.3.9:set'],
  },
  {
    id: 'recv-buffer-holds-six',
    acts: { kind: 'flow', at: 'inbound.recv-buffer-capacity' },
    description: 'The receive buffer of msg_recv_mode 1 stores a sixth message (recv_id 5).',
    targets: ['3.3.9:buffer-size'],
  },
  {
    id: 'publish-retain-ignored',
    acts: { kind: 'packet', at: 'packet.publish-retain' },
    description: 'AT+QMTPUBEX with retain=1 publishes without the RETAIN flag.',
    targets: ['3.3.8:retain'],
  },
  {
    id: 'sub-msgid-zero-accepted',
    acts: { kind: 'range', at: 'range.qmtsub-msgid' },
    description: 'AT+QMTSUB accepts <msgid>=0 instead of answering ERROR.',
    targets: ['3.3.6:msgid:range'],
  },
  {
    id: 'qmtrecv-without-connection-ok',
    acts: { kind: 'flow', at: 'qmtrecv.no-connection-answer' },
    description: 'AT+QMTRECV=<idx> answers OK instead of ERROR when the client has no MQTT connection.',
    targets: ['3.3.9:set'],
  },
  {
    id: 'exhausted-send-reports-success',
    acts: { kind: 'flow', at: 'requests.exhausted-result' },
    description: 'When every retransmission went unacknowledged the URC reports result 0 (success) instead of 2.',
    targets: ['3.3.6:result=2', '3.3.7:result=2', '3.3.8:result=2', '2:retransmission'],
  },
  {
    id: 'packet-id-not-msgid',
    acts: { kind: 'flow', at: 'requests.packet-id' },
    description:
      "SUBSCRIBE, UNSUBSCRIBE and PUBLISH carry the firmware's own packet id instead of the host's " + '<msgid>.',
    targets: ['3.3.6:msgid:range', '3.3.7:msgid:range', '3.3.8:msgid:range'],
  },
  {
    id: 'subscribe-qos-always-0',
    acts: { kind: 'packet', at: 'packet.subscribe-qos' },
    description: 'SUBSCRIBE requests QoS 0 for every topic, whatever <qos> says.',
    targets: ['3.3.6:qos:range'],
  },
  {
    id: 'sub-uns-first-topic-only',
    acts: { kind: 'flow', at: 'requests.topic-list' },
    description: 'Of several topics in one AT+QMTSUB / AT+QMTUNS only the first reaches the wire.',
    targets: ['3.3.6:multi-topic', '3.3.7:multi-topic'],
  },
  {
    id: 'qmtrecv-read-consumes-only-first',
    acts: { kind: 'flow', at: 'qmtrecv.read-consumes' },
    description:
      'AT+QMTRECV=<idx> reading several messages empties only the first slot and keeps the rest (neither ' +
      'A30 reading: consume all read, or keep all).',
    targets: ['3.3.9:set'],
  },
  {
    id: 'qmtrecv-test-form-prints-ranges',
    acts: { kind: 'answer', at: 'answer.qmtrecv-test-form' },
    description: 'AT+QMTRECV=? prints "+QMTRECV: (0-5),(0-4)" where the spec answers a bare OK.',
    targets: ['3.3.9:test'],
  },
  {
    id: 'qmtrecv-query-lists-idle-clients',
    acts: { kind: 'flow', at: 'qmtrecv.query-clients' },
    description: 'AT+QMTRECV? lists store status for clients without an MQTT connection.',
    targets: ['3.3.9:query'],
  },
  {
    id: 'publish-extra-payload-bytes',
    acts: { kind: 'flow', at: 'qmtpubex.input-length' },
    description:
      'AT+QMTPUBEX publishes every byte typed after the > prompt, also those beyond <length> (spec 3.3.8: ' +
      'they are deleted).',
    targets: ['3.3.8:prompt'],
  },
] as const satisfies readonly FaultDefinition[];
