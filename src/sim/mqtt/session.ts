/**
 * One MQTT client of the simulated module (client_idx 0~5): its link state, the CONNECT flow,
 * DISCONNECT/close, and the end of its link (+QMTSTAT, spec 4.1). The CONNACK wait lives in
 * ./connack-wait.ts, the +QMTSTAT code of a lost link in ./link-loss.ts, requests with
 * acknowledgements in ./requests.ts, incoming packets in ./inbound.ts.
 */
import type { Duplex } from 'node:stream';
import type { Packet } from 'mqtt-packet';
import type { TimerHandle } from '../../clock/clock';
import { applyPacketFaults } from '../faults/packet-faults';
import type { ClientConfig, MqttEnvironment } from '../types';
import { ConnackWait } from './connack-wait';
import { buildConnectPacket, type ConnectRequest } from './connect-packet';
import { expectedReply } from './expected-reply';
import { KeepAlive } from './keepalive';
import { linkLossCode } from './link-loss';
import { PacketLink, type LinkLoss } from './packet-link';
import { endPending } from './pending-results';
import { RecvBuffer } from './recv-buffer';
import { RequestTracker, type RetryPolicy } from './retransmit';
import { CONN_STATE, PACKET_RESULT, QMTSTAT } from './stat-codes';

/** closed = no network; opening = TCP connect running; opened … disconnecting = spec 3.3.4 <state> 1…4. */
export type SessionState = 'closed' | 'opening' | 'opened' | 'connecting' | 'connected' | 'disconnecting';

export class ClientSession {
  state: SessionState = 'closed';
  host = '';
  port = 0;
  readonly requests: RequestTracker;
  readonly received = new RecvBuffer();
  /** Incoming QoS 2 packet ids between PUBREC and PUBREL (MQTT 3.1.1 §4.3.3 method B dedup). */
  readonly inboundQos2 = new Set<number>();
  private link: PacketLink | undefined;
  private readonly keepAlive: KeepAlive;
  private readonly connack = new ConnackWait(this);
  private discTimer: TimerHandle | undefined;
  /** The server refused CONNECT (CONNACK <ret_code> 1~5) and has not closed the link yet. */
  private refused = false;
  /** Bumped on every teardown so a connect that finishes after a reset/close is thrown away. */
  private generation = 0;
  private packetListener: (packet: Packet) => void = () => {};
  /** The network was last closed by a completed AT+QMTDISC (reading close-after-disc). */
  private closedByDisc = false;

  constructor(
    readonly idx: number,
    readonly env: MqttEnvironment,
  ) {
    this.requests = new RequestTracker(env.clock);
    this.keepAlive = new KeepAlive(env.clock, {
      sendPing: () => this.send({ cmd: 'pingreq' }),
      pingFailed: () => this.pingFailed(),
    });
  }

  get config(): ClientConfig {
    return this.env.config[this.idx];
  }

  /** CONNECT sent, no CONNACK yet (./connack-wait.ts). */
  awaitingConnack(): boolean {
    return this.state === 'connecting';
  }

  /** spec 3.3.9 / contract: QMTOPEN succeeded and the network has not been closed since. */
  hasConnection(): boolean {
    return this.state !== 'closed' && this.state !== 'opening';
  }

  /** CONNECT has gone out on this link (A10 "after-connect": the MQTT connection is created). */
  hasSentConnect(): boolean {
    return this.state === 'connecting' || this.state === 'connected' || this.state === 'disconnecting';
  }

  /** spec 3.3.4 <state> for AT+QMTCONN?, undefined while no network is open. */
  connState(): number | undefined {
    switch (this.state) {
      case 'opened':
        return CONN_STATE.initializing;
      case 'connecting':
        return CONN_STATE.connecting;
      case 'connected':
        return CONN_STATE.connected;
      case 'disconnecting':
        return CONN_STATE.disconnecting;
      default:
        return undefined;
    }
  }

  onPacket(listener: (packet: Packet) => void): void {
    this.packetListener = listener;
  }

  urc(text: string): void {
    this.env.out.urc(text);
  }

  /** Sends one packet; every packet sent restarts keep-alive T2. False when the link cannot take it. */
  send(packet: Packet): boolean {
    const wire = applyPacketFaults(packet, this.env.faults);
    if (!wire || !this.link || !this.link.send(wire, expectedReply(wire))) return false;
    this.keepAlive.packetSent();
    return true;
  }

  /** spec 3.3.6–3.3.8 <pkt_timeout> and <retry_times>; A20 decides whether the first send counts. */
  retryPolicy(): RetryPolicy {
    const cfg = this.config;
    const retransmissions =
      this.env.variant.readings.A20 === 'after-first' ? cfg.retryTimes : Math.max(0, cfg.retryTimes - 1);
    return { timeoutMs: cfg.pktTimeout * 1000, retransmissions };
  }

  /** QMTOPEN started: returns a ticket that `attach` must present. */
  beginOpen(host: string, port: number): number {
    this.state = 'opening';
    this.closedByDisc = false;
    this.host = host;
    this.port = port;
    return this.generation;
  }

  /** QMTOPEN's connect finished; false (and the socket destroyed) when the client was reset meanwhile. */
  attach(ticket: number, opened: { socket: Duplex; inProcess: boolean } | undefined): boolean {
    if (ticket !== this.generation || this.state !== 'opening') {
      opened?.socket.destroy();
      return false;
    }
    if (!opened) {
      this.state = 'closed';
      return true;
    }
    const link = new PacketLink(opened.socket, this.env.clock, this.env.latency, opened.inProcess);
    link.onPacket((packet) => this.packetListener(packet));
    link.onLoss((loss) => this.linkLost(loss));
    this.link = link;
    this.state = 'opened';
    return true;
  }

  /** spec 3.3.4 + figure 1: CONNECT, then T1 (Excep1 or retransmission per A3). */
  connect(request: ConnectRequest): void {
    const packet = buildConnectPacket(this.config, request, this.env.faults, Date.now());
    this.state = 'connecting';
    if (!this.send(packet)) {
      this.teardown(QMTSTAT.connectSendFailed);
      return;
    }
    this.connack.start(packet);
  }

  connackReceived(returnCode: number): void {
    if (this.state !== 'connecting') return;
    this.connack.stop();
    // conn-ret-code "omitted": older firmware prints +QMTCONN: idx,0 for an accepted connection; a
    // refusal keeps its <ret_code> (without it the host would read it as accepted).
    const omitted = returnCode === 0 && this.env.variant.readings['conn-ret-code'] === 'omitted';
    const connUrc = `+QMTCONN: ${this.idx},${PACKET_RESULT.acked}${omitted ? '' : `,${returnCode}`}`;
    this.urc(connUrc);
    if (returnCode !== 0) {
      // MQTT 3.1.1 §3.2.2.3: the server closes the network after a refusal; until it does, the
      // client is back to "initializing" and its close is then reported as +QMTSTAT: idx,1 or 4
      // (reading stat-refused).
      this.state = 'opened';
      this.refused = true;
      return;
    }
    this.state = 'connected';
    // spec figure 1 T2; the PINGREQ wait follows <qmtping_interval> (reading of A31, README).
    // Fault: keep-alive 0 ("never disconnected", spec 3.3.1) is taken as 60 s, so PINGREQs still go out.
    const keepAliveS =
      this.config.keepAlive === 0 && this.env.faults.at('session.keepalive-zero-period') ? 60 : this.config.keepAlive;
    if (!this.env.faults.at('session.keepalive-timer')) this.keepAlive.start(keepAliveS, this.config.qmtpingInterval);
  }

  pingResponse(): void {
    this.keepAlive.pingResponse();
  }

  /**
   * spec 3.3.5: DISCONNECT, then +QMTDISC: idx,0 (−1 when not connected). After sending DISCONNECT
   * the client is "disconnecting" (spec 3.3.4 <state> 4) and gives the server <pkt_timeout> to
   * close its side; a server that does is the "normal process" of spec 4.1 code 5 (+QMTSTAT: idx,5).
   * A server that keeps the link open is left behind when the time is up (the client closes).
   */
  disconnect(): void {
    // Fault: DISCONNECT goes out as the first packet of a never connected link (MQTT 3.1.1 §3.1: CONNECT first).
    if (this.state === 'opened' && this.env.faults.at('session.disconnect-unconnected'))
      this.send({ cmd: 'disconnect' });
    // disc-unconnected "0": an opened, never connected client has nothing to disconnect.
    if (this.state === 'opened' && this.env.variant.readings['disc-unconnected'] === '0') {
      this.urc(`+QMTDISC: ${this.idx},0`);
      return;
    }
    if (this.state !== 'connected') {
      this.urc(`+QMTDISC: ${this.idx},-1`);
      return;
    }
    if (this.env.faults.at('session.disconnect-packet')) {
      this.teardown(undefined);
      this.closedByDisc = true;
      this.urc(`+QMTDISC: ${this.idx},0`);
      return;
    }
    endPending(this, 'disc-pending-result');
    this.state = 'disconnecting';
    this.keepAlive.stop();
    this.send({ cmd: 'disconnect' });
    // disc-state "gone": the client closes its network right after DISCONNECT (MQTT 3.1.1 §3.14.4).
    if (this.env.variant.readings['disc-state'] === 'gone') {
      this.teardown(undefined);
      this.closedByDisc = true;
      this.urc(`+QMTDISC: ${this.idx},0`);
      return;
    }
    const generation = this.generation;
    this.discTimer = this.env.clock.setTimeout(() => {
      this.discTimer = undefined;
      if (this.generation !== generation || this.state !== 'disconnecting') return;
      this.teardown(undefined);
      this.closedByDisc = true;
      this.urc(`+QMTDISC: ${this.idx},0`);
    }, this.config.pktTimeout * 1000);
  }

  /** No network now, because a completed AT+QMTDISC closed it (reading close-after-disc). */
  closedByCompletedDisc(): boolean {
    return !this.hasConnection() && this.closedByDisc;
  }

  /**
   * spec 3.3.3: close the network, +QMTCLOSE: idx,0 (−1 when no network is open). When an MQTT
   * session was up the module also reports +QMTSTAT: idx,8 "client actively closed" (README).
   */
  closeNetwork(): void {
    // Reading close-after-disc "none" (EC200U, docs/field-evidence.md#close-after-disconnect): AT+QMTDISC already tore the network
    // down, and the AT+QMTCLOSE that follows gets its OK but no +QMTCLOSE result.
    if (!this.hasConnection() && this.closedByDisc && this.env.variant.readings['close-after-disc'] === 'none') return;
    if (!this.hasConnection()) {
      this.urc(`+QMTCLOSE: ${this.idx},-1`);
      return;
    }
    const wasConnected = this.state === 'connected';
    endPending(this, 'close-pending-result');
    this.teardown(undefined);
    this.urc(`+QMTCLOSE: ${this.idx},0`);
    // close-stat: "8" reports the host's close as table 4 code 8, "none" leaves it to +QMTCLOSE.
    if (wasConnected && this.env.variant.readings['close-stat'] === '8') this.statUrc(QMTSTAT.clientClosed);
  }

  /** Closes everything and, with a code, reports +QMTSTAT (spec 4.1). */
  teardown(statCode: number | undefined): void {
    this.generation++;
    this.link?.close();
    this.link = undefined;
    this.requests.clear();
    this.keepAlive.stop();
    this.connack.stop();
    this.env.clock.clearTimeout(this.discTimer);
    this.discTimer = undefined;
    this.inboundQos2.clear();
    this.received.clear();
    this.refused = false;
    this.state = 'closed';
    if (statCode !== undefined) this.statUrc(statCode);
  }

  /** +QMTSTAT: idx,<err_code> (spec 4.1). */
  private statUrc(code: number): void {
    this.urc(`+QMTSTAT: ${this.idx},${code}`);
  }

  /** Reboot: tear down without any report. */
  reset(): void {
    this.teardown(undefined);
    this.closedByDisc = false;
  }

  private pingFailed(): void {
    // spec 4.3 +QMTPING: idx,1 and spec 4.1 code 2 describe the same event; both are reported (A31, README).
    if (this.env.variant.readings.A31 === 'reported') this.urc(`+QMTPING: ${this.idx},1`);
    this.teardown(QMTSTAT.pingTimeout);
  }

  /** The server or the network ended the link (spec 4.1 codes 1, 4, 5, 7). */
  private linkLost(loss: LinkLoss): void {
    const disconnecting = this.state === 'disconnecting';
    const moment = { connecting: this.state === 'connecting', disconnecting, refused: this.refused };
    const code = linkLossCode(loss, moment, this.env);
    // stat-no-connack "1": the exchange is reported failed, then the server's close as code 1.
    if (this.state === 'connecting' && this.env.variant.readings['stat-no-connack'] === '1')
      this.urc(`+QMTCONN: ${this.idx},${PACKET_RESULT.failed}`);
    // disc-stat "none": the server's close after our DISCONNECT completes the disconnect silently.
    const quiet = disconnecting && this.env.variant.readings['disc-stat'] === 'none';
    this.teardown(quiet ? undefined : code);
    // The server closed after our DISCONNECT: the disconnect is complete (spec 3.3.5).
    if (disconnecting) this.closedByDisc = true;
    if (disconnecting) this.urc(`+QMTDISC: ${this.idx},0`);
  }
}
