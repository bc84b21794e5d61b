/** The packet the server answers a request with, if any (MQTT 3.1.1 §3). */
import type { Packet, PacketCmd } from 'mqtt-packet';

export function expectedReply(packet: Packet): PacketCmd | undefined {
  switch (packet.cmd) {
    case 'connect':
      return 'connack';
    case 'subscribe':
      return 'suback';
    case 'unsubscribe':
      return 'unsuback';
    case 'pubrel':
      return 'pubcomp';
    case 'pingreq':
      return 'pingresp';
    case 'publish':
      return packet.qos === 1 ? 'puback' : packet.qos === 2 ? 'pubrec' : undefined;
    default:
      return undefined;
  }
}
