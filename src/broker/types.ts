/**
 * The broker fixture as the harness sees it: Aedes on loopback behind a recording tap that sees
 * every MQTT packet the module sends and receives, and can inject faults on the wire.
 */
import type { Packet } from 'mqtt-packet';
import type { ModulePacket, WithheldPacket } from './packet-names';

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
  /** Broker->module packet dropped on the wire by `faults.withhold` (the module never saw it). */
  readonly withheld?: boolean;
  /** Written by the fixture itself, not by Aedes (e.g. a refusing CONNACK). */
  readonly injected?: boolean;
  /** Why the fixture acted (e.g. the credential check that refused a CONNECT). Never a secret. */
  readonly note?: string;
}

/** One TCP (or TLS) connection the module opened to the tap. */
export interface ConnectionInfo {
  /** Tap connection number (1, 2, …). */
  readonly id: number;
  readonly state: 'open' | 'closed';
  readonly tls: boolean;
  /** Client id from the CONNECT, once seen. */
  readonly clientId?: string;
  /** Clock time the connection was accepted. */
  readonly openedAt: number;
  /** Clock time the connection closed. */
  readonly closedAt?: number;
  /** Who closed it: the module (FIN/RST/error from its side) or the fixture (fault, refusal, keep-alive). */
  readonly closedBy?: 'module' | 'fixture';
  /** Why the fixture closed it, e.g. `keep-alive: nothing for 90000 ms`, `connack 5`. */
  readonly closeReason?: string;
}

export interface BrokerFaults {
  /** Answer CONNECT with this CONNACK return code instead of passing it to Aedes (1..5). */
  connackReturnCode?: number;
  /** Packets from the broker to the module that are dropped on the wire. */
  withhold: Set<WithheldPacket>;
  /**
   * Close the module's TCP connection as soon as a packet of this type arrives from it (the broker
   * never sees that packet). 'puback' leaves a QoS 1 delivery in flight at the broker, which must
   * then resend it when the session resumes (MQTT 3.1.1 §4.4).
   */
  closeOn?: ModulePacket;
  /**
   * Grant at most this QoS to every subscription (MQTT 3.1.1 §3.9.3: the server may grant a lower
   * QoS than requested). The SUBSCRIBE reaches Aedes with the lower QoS, so its SUBACK and its
   * later deliveries agree with each other, as a real broker's would.
   */
  grantQosAtMost?: 0 | 1 | 2;
  /**
   * Keep the connection open after the module's DISCONNECT (the DISCONNECT never reaches Aedes),
   * so the module stays "disconnecting" (spec 3.3.4 <state> 4) until it closes itself.
   */
  keepOpenAfterDisconnect?: boolean;
}

export interface PublishOptions {
  qos?: 0 | 1 | 2;
  retain?: boolean;
}

/** How the fixture drops the module's connections: FIN (`close`) or RST (`reset`). */
export type DropHow = 'close' | 'reset';
