/**
 * spec 4.2: `+QMTRECV: <client_idx>,<msgid>,<topic>,…` — "<msgid> the message identifier of the
 * packet"; spec 3.3.9: it "can be 0 only when <qos>=0". So for a QoS 1 or QoS 2 message the wire
 * decides it: the packet identifier of the PUBLISH the broker sent (which the module's PUBACK /
 * PUBREC carries back). A QoS 0 PUBLISH has no packet identifier (MQTT 3.1.1 §2.3.1), and the note
 * says nothing more of its <msgid> than that it may be 0: any value of 0~65535 passes there.
 */
import type { Packet } from 'mqtt-packet';
import type { Urc } from '../at/types';
import type { MsgidCheck } from './urc-match';

/** The PUBLISH packets the module received, as the broker fixture recorded them. */
export type Deliveries = () => readonly { readonly packet: Packet }[];

export function publishMsgidCheck(deliveries: Deliveries): MsgidCheck {
  return (urc: Urc) => {
    const [, msgid, topic] = urc.fields;
    if (msgid === undefined || topic === undefined || !/^\d{1,5}$/.test(msgid) || Number(msgid) > 65_535) return false;
    return deliveries().some(({ packet }) => {
      if (packet.cmd !== 'publish' || !sameTopic(packet.topic, topic)) return false;
      if (urc.payload !== undefined && !Buffer.from(packet.payload).equals(urc.payload)) return false;
      return packet.qos === 0 || String(packet.messageId) === msgid;
    });
  };
}

/** The digester keeps a topic's bytes; a UTF-8 topic may reach here decoded either way. */
function sameTopic(sent: string, printed: string): boolean {
  return sent === printed || Buffer.from(sent, 'utf8').toString('latin1') === printed;
}
