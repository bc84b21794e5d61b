/**
 * The fixture's `grantQosAtMost` fault (MQTT 3.1.1 §3.9.3: the server may grant a lower QoS than a
 * SUBSCRIBE asked for): the SUBSCRIBE reaches Aedes with the lower QoS, so Aedes grants and later
 * delivers what the SUBACK says.
 */
import mqttPacket, { type Packet } from 'mqtt-packet';

/** The packets of a chunk re-encoded for Aedes, each SUBSCRIBE with its QoS lowered to `cap`. */
export function withLoweredSubscribes(packets: readonly Packet[], cap: number, protocolVersion: number): Buffer[] {
  return packets.map((packet) => {
    const lowered: Packet =
      packet.cmd === 'subscribe'
        ? {
            ...packet,
            subscriptions: packet.subscriptions.map((s) => ({ ...s, qos: Math.min(s.qos, cap) as 0 | 1 | 2 })),
          }
        : packet;
    return mqttPacket.generate(lowered, { protocolVersion });
  });
}

/** The packet log's note for a SUBSCRIBE that reached Aedes with a lower QoS than the module asked for. */
export function loweringNote(packet: Packet, cap: number | undefined): string | undefined {
  if (cap === undefined || packet.cmd !== 'subscribe') return undefined;
  if (!packet.subscriptions.some((s) => s.qos > cap)) return undefined;
  return `forwarded with QoS at most ${cap} (faults.grantQosAtMost)`;
}

/** A SUBACK with every grant at most `cap`; 0x80 (failure) stays as it is. The same packet when nothing changes. */
export function lowerGrants(packet: Packet, cap: number | undefined): Packet {
  if (cap === undefined || packet.cmd !== 'suback') return packet;
  const granted = (packet.granted as (number | object)[]).map((g) =>
    typeof g === 'number' && g !== 0x80 ? Math.min(g, cap) : g,
  );
  if (granted.every((g, i) => g === packet.granted[i])) return packet;
  return { ...packet, granted } as Packet;
}
