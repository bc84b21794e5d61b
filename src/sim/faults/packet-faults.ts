/**
 * Faults that change a packet the module sends, applied in one place: where the packet leaves
 * the client (ClientSession.send). The protocol code builds the packet the note describes; the
 * faulty firmware's version of it is made here. Every transform is idempotent, so a resent
 * packet (T1 retransmission, figure 1) goes out the same way as the first one.
 */
import type { IConnectPacket, IPublishPacket, ISubscribePacket, Packet } from 'mqtt-packet';
import type { FaultSet } from '../types';
import type { HookOf } from './catalog';

/** The packet as the faulty firmware sends it; undefined when it never goes out. */
type PacketTransform = (packet: Packet) => Packet | undefined;

const onConnect = (change: (p: IConnectPacket) => IConnectPacket) => (p: Packet) =>
  p.cmd === 'connect' ? change(p) : p;
const onPublish = (change: (p: IPublishPacket) => IPublishPacket | undefined) => (p: Packet) =>
  p.cmd === 'publish' ? change(p) : p;
const onSubscribe = (change: (p: ISubscribePacket) => ISubscribePacket) => (p: Packet) =>
  p.cmd === 'subscribe' ? change(p) : p;

/**
 * One row per packet hook, applied in the order written: "inverted" before "forced", so with
 * both on Clean Session is set, as the forcing fault says; the QoS 1 resend is dropped before
 * "publish-dup" clears the DUP flag that shows it.
 */
const PACKET_FAULTS = {
  // spec 3.3.1 "version": vsn 3 asks for MQTT 3.1 ('MQIsdp', level 3).
  'packet.connect-protocol-level': onConnect((p) => ({ ...p, protocolId: 'MQTT', protocolVersion: 4 })),
  // spec 3.3.1 "session": clean_session 1 = clean, 0 = the server keeps the session.
  'packet.connect-clean-flag-inverted': onConnect((p) => ({ ...p, clean: !p.clean })),
  'packet.connect-clean-flag-forced': onConnect((p) => ({ ...p, clean: true })),
  // spec 3.3.1 "keepalive": the configured <keep_alive_time> belongs in CONNECT.
  'packet.connect-keepalive': onConnect((p) => ({ ...p, keepalive: 0 })),
  // spec 3.3.4 <password>.
  'packet.connect-password': onConnect(({ password: _dropped, ...p }) => p),
  // spec 3.3.1 "will" <will_retain>.
  'packet.connect-will-retain': onConnect((p) => (p.will ? { ...p, will: { ...p.will, retain: false } } : p)),
  // spec 3.3.6 <qos> of each topic.
  'packet.subscribe-qos': onSubscribe((p) => ({
    ...p,
    subscriptions: p.subscriptions.map((s) => ({ ...s, qos: 0 as const })),
  })),
  // Figure 1 Excep2: an unacknowledged QoS 1 PUBLISH is resent (with DUP, so the resend is recognisable).
  'packet.publish-qos1-resend': onPublish((p) => (p.qos === 1 && p.dup ? undefined : p)),
  // spec 3.3.8 <retain>.
  'packet.publish-retain': onPublish((p) => ({ ...p, retain: false })),
  // MQTT 3.1.1 §3.3.1.1: a re-delivered PUBLISH carries DUP = 1.
  'packet.publish-dup': onPublish((p) => ({ ...p, dup: false })),
} satisfies Record<HookOf<'packet'>, PacketTransform>;

/** The packet as the faulty firmware puts it on the wire (itself when no fault applies; undefined: not sent). */
export function applyPacketFaults(packet: Packet, faults: FaultSet): Packet | undefined {
  let wire: Packet | undefined = packet;
  for (const [hook, apply] of Object.entries(PACKET_FAULTS) as [HookOf<'packet'>, PacketTransform][])
    if (wire && faults.at(hook)) wire = apply(wire);
  return wire;
}
