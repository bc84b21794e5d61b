/**
 * Faults that change a packet the module sends, applied in one place: where the packet leaves
 * the client (ClientSession.send). The protocol code builds the packet the note describes; the
 * faulty firmware's version of it is made here. Every transform is idempotent, so a resent
 * packet (T1 retransmission, figure 1) goes out the same way as the first one.
 */
import type { IConnectPacket, IPublishPacket, ISubscribePacket, Packet } from 'mqtt-packet';
import type { FaultSet } from '../types';
import type { FaultId } from './catalog';

interface PacketFault {
  readonly fault: FaultId;
  /** The packet as the faulty firmware sends it; undefined when it never goes out. */
  readonly apply: (packet: Packet) => Packet | undefined;
}

const onConnect = (change: (p: IConnectPacket) => IConnectPacket) => (p: Packet) =>
  p.cmd === 'connect' ? change(p) : p;
const onPublish = (change: (p: IPublishPacket) => IPublishPacket | undefined) => (p: Packet) =>
  p.cmd === 'publish' ? change(p) : p;
const onSubscribe = (change: (p: ISubscribePacket) => ISubscribePacket) => (p: Packet) =>
  p.cmd === 'subscribe' ? change(p) : p;

/**
 * In order: "inverted" before "ignores", so with both on Clean Session is set, as that fault says;
 * the QoS 1 resend is dropped before "retransmit-without-dup" clears the DUP flag that shows it.
 */
const PACKET_FAULTS: readonly PacketFault[] = [
  // spec 3.3.1 "version": vsn 3 asks for MQTT 3.1 ('MQIsdp', level 3).
  { fault: 'connect-level4-when-vsn3', apply: onConnect((p) => ({ ...p, protocolId: 'MQTT', protocolVersion: 4 })) },
  // spec 3.3.1 "session": clean_session 1 = clean, 0 = the server keeps the session.
  { fault: 'connect-clean-session-inverted', apply: onConnect((p) => ({ ...p, clean: !p.clean })) },
  { fault: 'connect-ignores-clean-session', apply: onConnect((p) => ({ ...p, clean: true })) },
  // spec 3.3.1 "keepalive": the configured <keep_alive_time> belongs in CONNECT.
  { fault: 'connect-keepalive-zero', apply: onConnect((p) => ({ ...p, keepalive: 0 })) },
  // spec 3.3.4 <password>.
  { fault: 'connect-drops-password', apply: onConnect(({ password: _dropped, ...p }) => p) },
  // spec 3.3.1 "will" <will_retain>.
  {
    fault: 'will-retain-dropped',
    apply: onConnect((p) => (p.will ? { ...p, will: { ...p.will, retain: false } } : p)),
  },
  // spec 3.3.6 <qos> of each topic.
  {
    fault: 'subscribe-qos-always-0',
    apply: onSubscribe((p) => ({ ...p, subscriptions: p.subscriptions.map((s) => ({ ...s, qos: 0 as const })) })),
  },
  // Figure 1 Excep2: an unacknowledged QoS 1 PUBLISH is resent (with DUP, so the resend is recognisable).
  { fault: 'qos1-never-retransmitted', apply: onPublish((p) => (p.qos === 1 && p.dup ? undefined : p)) },
  // spec 3.3.8 <retain>.
  { fault: 'publish-retain-ignored', apply: onPublish((p) => ({ ...p, retain: false })) },
  // MQTT 3.1.1 §3.3.1.1: a re-delivered PUBLISH carries DUP = 1.
  { fault: 'retransmit-without-dup', apply: onPublish((p) => ({ ...p, dup: false })) },
];

/** The packet as the faulty firmware puts it on the wire (itself when no fault applies; undefined: not sent). */
export function applyPacketFaults(packet: Packet, faults: FaultSet): Packet | undefined {
  let wire: Packet | undefined = packet;
  for (const entry of PACKET_FAULTS) if (wire && faults.has(entry.fault)) wire = entry.apply(wire);
  return wire;
}
