/**
 * One module connection through the tap. Bytes from the module are parsed (mqtt-packet),
 * recorded and forwarded raw to Aedes over an in-memory stream; bytes from Aedes are parsed,
 * recorded and re-encoded packet by packet (so single acknowledgements can be withheld).
 * Faults act here: refusing CONNACKs, withheld packets, closing on a packet type, keep-alive,
 * granting a lower QoS than a SUBSCRIBE asked for.
 */
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import mqttPacket, { type Packet } from 'mqtt-packet';
import type { Clock, TimerHandle } from '../clock/clock';
import type { PacketRecorder } from './packet-recorder';
import type { BrokerFaults, ConnectionInfo, Direction, DropHow, WithheldPacket } from './types';

export interface TapContext {
  readonly clock: Clock;
  readonly recorder: PacketRecorder;
  readonly faults: BrokerFaults;
  /** Opens a stream to Aedes (one end of an in-memory pair handed to `aedes.handle`). */
  openBrokerStream(): Duplex;
  /** Credential check for a CONNECT; returns a refusal reason, or undefined to accept. */
  checkCredentials(connect: mqttPacket.IConnectPacket): string | undefined;
  keepAliveEnforced(): boolean;
  /** Told once, when the connection has closed (either side). */
  onClosed(info: ConnectionInfo): void;
}

/** MQTT 5 reason codes for the 3.1.1 CONNACK return codes 1..5 (MQTT 5.0 §3.2.2.2). */
const V5_REASON_FOR_RETURN_CODE: Record<number, number> = { 1: 0x84, 2: 0x85, 3: 0x88, 4: 0x86, 5: 0x87 };

/** spec 3.3.1 keep_alive_time / 4.3: silence for 1.5 x keep-alive ends the connection. */
const KEEP_ALIVE_FACTOR = 1.5;

type Phase = 'awaiting-connect' | 'forwarding' | 'closed';

export class TapConnection {
  private phase: Phase = 'awaiting-connect';
  private readonly openedAt: number;
  private closedAt: number | undefined;
  private closedBy: 'module' | 'fixture' | undefined;
  private closeReason: string | undefined;
  private clientId: string | undefined;
  private protocolVersion = 4;
  private keepAliveSeconds = 0;
  private moduleSentDisconnect = false;
  private keepAliveTimer: TimerHandle | undefined;
  private broker: Duplex | undefined;
  private readonly pending: Buffer[] = [];
  private readonly fromModule = mqttPacket.parser();
  private readonly fromBroker = mqttPacket.parser();
  private parsedFromModule: Packet[] = [];
  private parsedFromBroker: Packet[] = [];
  /** Bytes of an incomplete packet the module parser holds (what mqtt-packet's parse() returns). */
  private moduleLeftover = 0;

  constructor(
    readonly id: number,
    private readonly socket: Socket,
    private readonly tls: boolean,
    private readonly context: TapContext,
  ) {
    this.openedAt = context.clock.now();
    this.fromModule.on('packet', (packet: Packet) => this.parsedFromModule.push(packet));
    this.fromBroker.on('packet', (packet: Packet) => this.parsedFromBroker.push(packet));
    // A malformed stream is Aedes' business to judge; the tap only stops decoding it.
    this.fromModule.on('error', () => undefined);
    this.fromBroker.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => this.onModuleData(chunk));
    socket.on('error', () => undefined); // ECONNRESET etc.: 'close' follows
    socket.on('close', () => this.onModuleClosed());
  }

  info(): ConnectionInfo {
    return {
      id: this.id,
      state: this.phase === 'closed' ? 'closed' : 'open',
      tls: this.tls,
      clientId: this.clientId,
      openedAt: this.openedAt,
      closedAt: this.closedAt,
      closedBy: this.closedBy,
      closeReason: this.closeReason,
    };
  }

  get open(): boolean {
    return this.phase !== 'closed';
  }

  /** Ends the module's connection from the fixture side: FIN (`close`) or RST (`reset`). */
  drop(how: DropHow, reason: string): void {
    if (this.phase === 'closed') return;
    this.markClosed('fixture', reason);
    if (how === 'reset') resetSocket(this.socket);
    else closeSocket(this.socket);
    this.broker?.destroy();
  }

  /** (Re)starts or stops the keep-alive watch after `enforceKeepAlive` changed. */
  refreshKeepAlive(): void {
    this.armKeepAlive();
  }

  private onModuleData(chunk: Buffer): void {
    if (this.phase === 'closed') return;
    const { clock } = this.context;
    clock.activity();
    this.armKeepAlive();
    const wasAwaiting = this.phase === 'awaiting-connect';
    if (wasAwaiting) this.pending.push(chunk);
    const startsOnPacketBoundary = this.moduleLeftover === 0;
    this.moduleLeftover = this.fromModule.parse(chunk);
    const wholePackets = startsOnPacketBoundary && this.moduleLeftover === 0;
    const packets = this.parsedFromModule;
    this.parsedFromModule = [];
    let accepted = false;
    for (const packet of packets) {
      this.record('module->broker', packet, { note: this.loweringNote(packet, wholePackets) });
      if (packet.cmd === 'connect') {
        if (!this.onConnect(packet)) return; // refused: nothing reaches Aedes
        accepted = true;
      }
      if (packet.cmd === 'disconnect') this.moduleSentDisconnect = true;
      if (this.context.faults.closeOn === packet.cmd) {
        // The wire is cut as the packet arrives: Aedes never sees this chunk.
        this.drop('close', `closeOn ${packet.cmd}`);
        return;
      }
    }
    if (wasAwaiting && accepted) {
      this.phase = 'forwarding';
      this.openBroker();
      for (const buffered of this.pending.splice(0)) this.broker?.write(buffered);
    } else if (!wasAwaiting) {
      this.forwardToBroker(chunk, packets, wholePackets);
    }
  }

  /**
   * Raw bytes go to Aedes unchanged, except a SUBSCRIBE while `grantQosAtMost` is set: it is
   * re-encoded with the lower QoS so Aedes grants (and later delivers) what the SUBACK says.
   * Only a chunk made of whole packets can be re-encoded; otherwise the SUBACK alone is lowered.
   */
  private forwardToBroker(chunk: Buffer, packets: readonly Packet[], wholePackets: boolean): void {
    const cap = this.context.faults.grantQosAtMost;
    if (cap === undefined || !wholePackets || !packets.some((p) => p.cmd === 'subscribe')) {
      this.broker?.write(chunk);
      return;
    }
    for (const packet of packets) {
      const lowered: Packet =
        packet.cmd === 'subscribe'
          ? { ...packet, subscriptions: packet.subscriptions.map((s) => ({ ...s, qos: Math.min(s.qos, cap) as 0 | 1 | 2 })) }
          : packet;
      this.broker?.write(mqttPacket.generate(lowered, { protocolVersion: this.protocolVersion }));
    }
  }

  /** Learns the connection's parameters; answers a faulted or bad-credential CONNECT itself. */
  private onConnect(connect: mqttPacket.IConnectPacket): boolean {
    this.clientId = connect.clientId;
    this.protocolVersion = connect.protocolVersion ?? 4;
    this.keepAliveSeconds = connect.keepalive ?? 0;
    // The broker->module parser must decode with the version the module spoke.
    (this.fromBroker as unknown as { settings: { protocolVersion: number } }).settings = { protocolVersion: this.protocolVersion };
    this.armKeepAlive();
    const faulted = this.context.faults.connackReturnCode;
    if (faulted !== undefined && faulted >= 1 && faulted <= 5) {
      this.refuse(faulted, `faults.connackReturnCode = ${faulted}`);
      return false;
    }
    const credentialProblem = this.context.checkCredentials(connect);
    if (credentialProblem) {
      this.refuse(4, `refused: ${credentialProblem}`); // 4 = bad user name or password (MQTT 3.1.1 §3.2.2.3)
      return false;
    }
    return true;
  }

  private refuse(returnCode: number, note: string): void {
    const connack: Packet =
      this.protocolVersion === 5
        ? { cmd: 'connack', sessionPresent: false, reasonCode: V5_REASON_FOR_RETURN_CODE[returnCode] }
        : { cmd: 'connack', sessionPresent: false, returnCode };
    this.sendToModule(connack, { injected: true, note });
    // MQTT 3.1.1 §3.2.2.3: after a non-zero CONNACK the server closes the network connection.
    this.drop('close', `CONNACK ${returnCode}: ${note}`);
  }

  private openBroker(): void {
    const broker = this.context.openBrokerStream();
    this.broker = broker;
    broker.on('data', (chunk: Buffer) => this.onBrokerData(chunk));
    broker.on('error', () => undefined);
    broker.on('close', () => this.onBrokerClosed());
  }

  private onBrokerData(chunk: Buffer): void {
    if (this.phase === 'closed') return;
    this.context.clock.activity();
    this.fromBroker.parse(chunk);
    const packets = this.parsedFromBroker;
    this.parsedFromBroker = [];
    for (const packet of packets) this.sendToModule(packet, {});
  }

  private sendToModule(original: Packet, flags: { injected?: boolean; note?: string }): void {
    const packet = this.lowerGrants(original);
    if (packet !== original) flags = { ...flags, note: `faults.grantQosAtMost = ${this.context.faults.grantQosAtMost}` };
    const withheld = this.context.faults.withhold.has(packet.cmd as WithheldPacket);
    this.record('broker->module', packet, { ...flags, withheld: withheld || undefined });
    if (withheld || this.socket.destroyed) return;
    this.socket.write(mqttPacket.generate(packet, { protocolVersion: this.protocolVersion }));
  }

  /** Says in the packet log that a SUBSCRIBE reached Aedes with a lower QoS than the module asked for. */
  private loweringNote(packet: Packet, wholePackets: boolean): string | undefined {
    const cap = this.context.faults.grantQosAtMost;
    if (cap === undefined || !wholePackets || packet.cmd !== 'subscribe' || this.phase !== 'forwarding') return undefined;
    if (!packet.subscriptions.some((s) => s.qos > cap)) return undefined;
    return `forwarded with QoS at most ${cap} (faults.grantQosAtMost)`;
  }

  /** MQTT 3.1.1 §3.9.3: a granted QoS may be lower than requested; 0x80 (failure) stays as it is. */
  private lowerGrants(packet: Packet): Packet {
    const cap = this.context.faults.grantQosAtMost;
    if (cap === undefined || packet.cmd !== 'suback') return packet;
    const granted = (packet.granted as (number | object)[]).map((g) => (typeof g === 'number' && g !== 0x80 ? Math.min(g, cap) : g));
    if (granted.every((g, i) => g === packet.granted[i])) return packet;
    return { ...packet, granted } as Packet;
  }

  private record(direction: Direction, packet: Packet, extra: { withheld?: boolean; injected?: boolean; note?: string } = {}): void {
    this.context.recorder.record({
      at: this.context.clock.now(),
      direction,
      connection: this.id,
      clientId: this.clientId,
      packet,
      ...(extra.withheld ? { withheld: true } : {}),
      ...(extra.injected ? { injected: true } : {}),
      ...(extra.note ? { note: extra.note } : {}),
    });
  }

  private armKeepAlive(): void {
    const { clock } = this.context;
    clock.clearTimeout(this.keepAliveTimer);
    this.keepAliveTimer = undefined;
    if (this.phase === 'closed' || this.keepAliveSeconds <= 0 || !this.context.keepAliveEnforced()) return;
    const limitMs = this.keepAliveSeconds * 1000 * KEEP_ALIVE_FACTOR;
    this.keepAliveTimer = clock.setTimeout(
      () => this.drop('close', `keep-alive: nothing from the module for ${limitMs} ms (1.5 x ${this.keepAliveSeconds} s)`),
      limitMs,
    );
  }

  private onModuleClosed(): void {
    if (this.phase !== 'closed') {
      this.markClosed('module', this.moduleSentDisconnect ? 'module sent DISCONNECT and closed' : 'module closed the connection');
    }
    // Aedes sees the stream go away; without a DISCONNECT it publishes the will.
    this.broker?.destroy();
  }

  private onBrokerClosed(): void {
    if (this.phase === 'closed') return;
    if (this.moduleSentDisconnect) this.markClosed('module', 'module sent DISCONNECT');
    else this.markClosed('fixture', 'broker closed the connection');
    closeSocket(this.socket);
  }

  private markClosed(by: 'module' | 'fixture', reason: string): void {
    this.phase = 'closed';
    this.closedBy = by;
    this.closeReason = reason;
    this.closedAt = this.context.clock.now();
    this.context.clock.clearTimeout(this.keepAliveTimer);
    this.keepAliveTimer = undefined;
    this.context.clock.activity();
    this.context.onClosed(this.info());
  }
}

/** FIN: end our side (pending writes flushed first), then release the socket. */
function closeSocket(socket: Socket): void {
  if (socket.destroyed) return;
  socket.end(() => socket.destroy());
}

/** RST. A TLS socket's reset goes to the TCP socket underneath it. */
function resetSocket(socket: Socket): void {
  if (socket.destroyed) return;
  const tcp = (socket as Socket & { _parent?: Socket })._parent ?? socket;
  try {
    tcp.resetAndDestroy();
    if (tcp !== socket) socket.destroy();
  } catch {
    socket.destroy();
  }
}
