/**
 * Packets from the server to one client: acknowledgements of the client's requests, and
 * PUBLISH messages delivered as +QMTRECV (spec 4.2) or into the receive buffer (spec 3.3.9).
 */
import type { IPublishPacket, ISubackPacket, ISubscribePacket, Packet } from 'mqtt-packet';
import { formatReceived, type ReceivedMessage } from './recv-format';
import { RECV_SLOTS } from './recv-buffer';
import { release } from './requests';
import type { ClientSession } from './session';
import { PACKET_RESULT } from './stat-codes';

export function handleInbound(session: ClientSession, packet: Packet): void {
  const idx = session.idx;
  const id = packet.messageId ?? 0;
  switch (packet.cmd) {
    case 'connack':
      session.connackReceived(packet.returnCode ?? 0);
      return;
    case 'suback': {
      const request = session.requests.acknowledge('subscribe', id);
      if (request)
        session.urc(`+QMTSUB: ${idx},${id},${PACKET_RESULT.acked},${granted(session, packet, request.packet)}`);
      return;
    }
    case 'unsuback': {
      const request = session.requests.acknowledge('unsubscribe', id);
      if (!request) return;
      // A25 "no-value": example 5.1 prints +QMTUNS: 0,2,0. "value": one 0 per topic (MQTT 3.1.1 UNSUBACK carries no codes).
      const topics = request.packet.cmd === 'unsubscribe' ? request.packet.unsubscriptions.length : 0;
      const value = session.env.variant.readings.A25 === 'value' ? ',' + Array(topics).fill(0).join(',') : '';
      session.urc(`+QMTUNS: ${idx},${id},${PACKET_RESULT.acked}${value}`);
      return;
    }
    case 'puback':
      if (session.requests.acknowledge('publish', id)) session.urc(`+QMTPUBEX: ${idx},${id},${PACKET_RESULT.acked}`);
      return;
    case 'pubrec':
      if (session.requests.acknowledge('publish', id)) release(session, id);
      return;
    case 'pubcomp':
      if (session.requests.acknowledge('pubrel', id)) session.urc(`+QMTPUBEX: ${idx},${id},${PACKET_RESULT.acked}`);
      return;
    case 'publish':
      receivePublish(session, packet);
      return;
    case 'pubrel':
      // QoS 2 inbound, last step: PUBREL → PUBCOMP, and the id may be reused by the server.
      session.inboundQos2.delete(id);
      session.send({ cmd: 'pubcomp', messageId: id });
      return;
    case 'pingresp':
      session.pingResponse();
      return;
    default:
      return;
  }
}

/** spec 3.3.6 <value>: the granted QoS vector, printed comma-separated (README, A25). */
function granted(session: ClientSession, suback: ISubackPacket, request: Packet): string {
  if (session.env.faults.at('inbound.suback-qos') && request.cmd === 'subscribe') {
    return (request as ISubscribePacket).subscriptions.map((s) => s.qos).join(',');
  }
  return (suback.granted as (number | { qos: number })[]).map((g) => (typeof g === 'number' ? g : g.qos)).join(',');
}

function receivePublish(session: ClientSession, packet: IPublishPacket): void {
  const id = packet.messageId ?? 0;
  let duplicate = false;
  if (packet.qos === 1) session.send({ cmd: 'puback', messageId: id });
  if (packet.qos === 2) {
    duplicate = session.inboundQos2.has(id);
    session.inboundQos2.add(id);
    session.send({ cmd: 'pubrec', messageId: id });
  }
  if (duplicate) return;
  const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
  // spec 3.3.9 / 4.2: <msgid> is the PUBLISH's packet identifier, 0 only for QoS 0.
  const msgid = session.env.faults.at('inbound.recv-msgid') ? 0 : id;
  deliver(session, { msgid, topic: packet.topic, payload });
}

/** msg_recv_mode 0: the message in a URC; 1: into the buffer, announced as +QMTRECV: idx,recv_id (A30). */
function deliver(session: ClientSession, message: ReceivedMessage): void {
  const { config, env, idx } = session;
  if (config.msgRecvMode === 0) {
    session.urc(formatReceived(idx, message, config, env.variant, env.faults));
    return;
  }
  const capacity = env.faults.at('inbound.recv-buffer-capacity') ? RECV_SLOTS + 1 : RECV_SLOTS;
  const recvId = session.received.store(message, capacity);
  if (recvId !== undefined) session.urc(`+QMTRECV: ${idx},${recvId}`);
}
