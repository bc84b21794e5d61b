/**
 * The replayed module's network side: one TCP (or TLS) connection per client the host opened,
 * to the address the host gave in AT+QMTOPEN, carrying the recorded module's packets (encoded
 * with mqtt-packet, never by hand) and handing the broker's packets back to the replay.
 *
 * On a virtual clock the connection is an in-process stream to the fixture when one listens there
 * (`dial`, as the simulator's ../mqtt/open-link.ts does), so the clock sees every byte in flight;
 * TLS then runs over that stream. Otherwise (qmt-sim --tcp / --pty) a real socket.
 */
import * as net from 'node:net';
import type { Duplex } from 'node:stream';
import * as tls from 'node:tls';
import * as mqttPacket from 'mqtt-packet';
import type { InProcessDial } from '../types';

interface Link {
  readonly connection: number;
  readonly idx: number;
  readonly host: string;
  readonly port: number;
  readonly socket: Duplex;
  connected: boolean;
  /** A CONNACK accepting the CONNECT came (spec 3.3.4 <state> 3 "connected"). */
  accepted: boolean;
  protocolVersion: number;
  /** Ended by the module before the connection was up: end it once the queue has left. */
  ending: boolean;
  readonly queue: mqttPacket.Packet[];
}

export class BrokerLinks {
  private readonly links = new Map<number, Link>();

  constructor(
    private readonly onPacket: (connection: number, packet: mqttPacket.Packet) => void,
    private readonly log: (message: string) => void,
  ) {}

  /** Opens the recorded connection number `connection` for client `idx`; in process when `dial` reaches it. */
  open(connection: number, idx: number, host: string, port: number, useTls: boolean, dial?: InProcessDial): void {
    this.links.get(connection)?.socket.destroy();
    const stream = dial?.(host, port);
    // The replay repeats what the recorded module sent; the recorded module already judged the certificate.
    const socket = useTls
      ? tls.connect({ ...(stream ? { socket: stream } : { host, port }), rejectUnauthorized: false })
      : (stream ?? net.connect({ host, port }));
    const link: Link = {
      connection,
      idx,
      host,
      port,
      socket,
      connected: false,
      accepted: false,
      protocolVersion: 4,
      ending: false,
      queue: [],
    };
    this.links.set(connection, link);
    const parser = mqttPacket.parser({ protocolVersion: 4 });
    parser.on('packet', (packet) => {
      if (packet.cmd === 'connack') link.accepted = (packet.returnCode ?? 0) === 0;
      this.onPacket(connection, packet);
    });
    parser.on('error', () => socket.destroy());
    const connected = () => {
      link.connected = true;
      for (const packet of link.queue.splice(0)) this.write(link, packet);
      if (link.ending) socket.end();
    };
    // An in-process stream is connected as soon as it exists.
    if (stream && !useTls) connected();
    else socket.once(useTls ? 'secureConnect' : 'connect', connected);
    socket.on('data', (data: Buffer) => parser.parse(data));
    socket.on('error', (error) => this.log(`connection #${connection} to ${host}:${port}: ${error.message}`));
    socket.on('close', () => {
      if (this.links.get(connection) === link) this.links.delete(connection);
    });
  }

  send(connection: number, packet: mqttPacket.Packet): void {
    const link = this.links.get(connection);
    if (!link) {
      this.log(`connection #${connection} is not open: the recorded ${packet.cmd.toUpperCase()} was not sent`);
      return;
    }
    if (packet.cmd === 'connect') link.protocolVersion = packet.protocolVersion ?? 4;
    if (link.connected) this.write(link, packet);
    else link.queue.push(packet);
  }

  /** Clients with a connection, for AT+QMTOPEN? / AT+QMTCONN? between scenarios. */
  clients(): { idx: number; host: string; port: number; accepted: boolean }[] {
    return [...this.links.values()].map((l) => ({ idx: l.idx, host: l.host, port: l.port, accepted: l.accepted }));
  }

  connectionOf(idx: number): number | undefined {
    return [...this.links.values()].find((l) => l.idx === idx)?.connection;
  }

  /** Ends client `idx`'s connection (its queued packets still leave first). */
  end(idx: number): void {
    for (const link of [...this.links.values()].filter((l) => l.idx === idx)) {
      this.links.delete(link.connection);
      if (link.connected) link.socket.end();
      else link.ending = true;
    }
  }

  closeAll(): void {
    for (const link of this.links.values()) link.socket.destroy();
    this.links.clear();
  }

  private write(link: Link, packet: mqttPacket.Packet): void {
    if (link.socket.destroyed) return;
    link.socket.write(mqttPacket.generate(packet, { protocolVersion: link.protocolVersion as 3 | 4 | 5 }));
  }
}
