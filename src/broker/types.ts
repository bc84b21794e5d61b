/**
 * The broker fixture as the harness sees it: Aedes on loopback behind a recording tap that sees
 * every MQTT packet the module sends and receives, and can inject faults on the wire.
 */
import type { Packet } from 'mqtt-packet';

export type Direction = 'module->broker' | 'broker->module';

export interface RecordedPacket {
  /** Clock time (ms) the packet was complete on the wire. */
  readonly at: number;
  readonly direction: Direction;
  /** Tap connection number (1, 2, …) — one per TCP connection the module opened. */
  readonly connection: number;
  /** Client id from that connection's CONNECT, once seen. */
  readonly clientId?: string;
  /** Decoded with mqtt-packet. */
  readonly packet: Packet;
}

/** Acknowledgements the fixture can hold back from the module. */
export type WithheldPacket = 'connack' | 'suback' | 'unsuback' | 'puback' | 'pubrec' | 'pubcomp' | 'pingresp';

export interface BrokerFaults {
  /** Answer CONNECT with this CONNACK return code instead of passing it to Aedes (1..5). */
  connackReturnCode?: number;
  /** Packets from the broker to the module that are dropped on the wire. */
  withhold: Set<WithheldPacket>;
  /** Close the module's TCP connection as soon as a packet of this type arrives from it. */
  closeOn?: 'connect' | 'disconnect' | 'subscribe' | 'publish';
}

export interface PublishOptions {
  qos?: 0 | 1 | 2;
  retain?: boolean;
}
