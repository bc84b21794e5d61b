/**
 * The acknowledged requests of spec 3.3.6–3.3.8 on one client: SUBSCRIBE, UNSUBSCRIBE and
 * PUBLISH (QoS 0/1/2), each with its URC, T1 retransmissions (figure 1, Excep2) and the
 * give-up path. The acknowledgements arrive through ./inbound.ts.
 */
import type { IPublishPacket, ISubscribePacket, Packet } from 'mqtt-packet';
import type { RequestHooks } from './retransmit';
import type { ClientSession } from './session';
import { PACKET_RESULT, QMTSTAT } from './stat-codes';

export interface Subscription {
  topic: string;
  qos: 0 | 1 | 2;
}

/** spec 3.3.6: SUBSCRIBE; +QMTSUB: idx,msgid,0,<granted QoS, comma-separated> on SUBACK. */
export function subscribe(session: ClientSession, msgid: number, subscriptions: Subscription[]): void {
  const packet: ISubscribePacket = {
    cmd: 'subscribe',
    messageId: wireId(session, msgid),
    subscriptions: firstOnly(session, subscriptions),
  };
  session.requests.start('subscribe', msgid, packet, session.retryPolicy(), hooks(session, '+QMTSUB', msgid));
}

/** spec 3.3.7: UNSUBSCRIBE; +QMTUNS: idx,msgid,0 on UNSUBACK. */
export function unsubscribe(session: ClientSession, msgid: number, topics: string[]): void {
  const packet: Packet = {
    cmd: 'unsubscribe',
    messageId: wireId(session, msgid),
    unsubscriptions: firstOnly(session, topics),
  };
  session.requests.start('unsubscribe', msgid, packet, session.retryPolicy(), hooks(session, '+QMTUNS', msgid));
}

/** spec 3.3.8 + figure 1 (2.f–2.h): PUBLISH at QoS 0, 1 or 2. */
export function publish(
  session: ClientSession,
  msgid: number,
  qos: 0 | 1 | 2,
  retain: boolean,
  topic: string,
  payload: Buffer,
): void {
  const packet: IPublishPacket = {
    cmd: 'publish',
    topic,
    payload,
    qos,
    retain,
    dup: false,
  };
  if (qos === 0) {
    const sent = session.send(packet);
    // A4 "urc": example 5.1 reports +QMTPUBEX: idx,msgid,0 for QoS 0; "no-urc": figure 1 shows none.
    if (!sent) session.urc(`+QMTPUBEX: ${session.idx},${msgid},${PACKET_RESULT.failed}`);
    else if (session.env.variant.readings.A4 === 'urc')
      session.urc(`+QMTPUBEX: ${session.idx},${msgid},${PACKET_RESULT.acked}`);
    return;
  }
  packet.messageId = wireId(session, msgid);
  const base = hooks(session, '+QMTPUBEX', msgid);
  session.requests.start('publish', msgid, packet, session.retryPolicy(), {
    ...base,
    // MQTT 3.1.1 §3.3.1.1: a re-delivered PUBLISH carries DUP = 1.
    send: (p, n) => {
      session.send({ ...(p as IPublishPacket), dup: n > 0 });
    },
  });
}

/** QoS 2 second step (figure 1, 2.h): PUBREC received → PUBREL with its own T1. */
export function release(session: ClientSession, msgid: number): void {
  if (session.env.faults.at('requests.pubrel')) return;
  const packet: Packet = { cmd: 'pubrel', messageId: msgid };
  session.requests.start('pubrel', msgid, packet, session.retryPolicy(), hooks(session, '+QMTPUBEX', msgid));
}

/** Common T1 hooks: send, `<urc>: idx,msgid,1,<n>` when timeout_notice = 1, `…,2` and +QMTSTAT 6 at the end. */
function hooks(session: ClientSession, urcName: string, msgid: number): RequestHooks {
  return {
    send: (packet) => {
      session.send(packet);
    },
    retransmitted: (count) => {
      if (session.config.timeoutNotice !== 1) return;
      session.urc(`${urcName}: ${session.idx},${msgid},${PACKET_RESULT.retransmission},${count}`);
    },
    exhausted: () => {
      // Fault: giving up is reported as success (result 0) instead of "failed to send" (2).
      const result = session.env.faults.at('requests.exhausted-result') ? PACKET_RESULT.acked : PACKET_RESULT.failed;
      session.urc(`${urcName}: ${session.idx},${msgid},${result}`);
      // spec 4.1 code 6: "the client actively closed the MQTT connection because sending kept failing".
      session.teardown(QMTSTAT.sendKeptFailing);
    },
  };
}

/** Fault: the firmware numbers packets with its own counter instead of the host's <msgid>. */
function wireId(session: ClientSession, msgid: number): number {
  return session.env.faults.at('requests.packet-id') ? (msgid % 65535) + 1 : msgid;
}

/** Fault: of several topics in one AT+QMTSUB / AT+QMTUNS only the first goes on the wire. */
function firstOnly<T>(session: ClientSession, items: T[]): T[] {
  return session.env.faults.at('requests.topic-list') ? items.slice(0, 1) : items;
}
