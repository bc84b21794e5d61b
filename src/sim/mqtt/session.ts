/**
 * One MQTT client of the simulated module (client_idx 0~5): its link state, the CONNECT flow,
 * DISCONNECT/close, and the link's fate when the server or the network ends it (+QMTSTAT,
 * spec 4.1). Requests with acknowledgements live in ./requests.ts, incoming packets in ./inbound.ts.
 */
import type { Duplex } from 'node:stream';
import type { Packet, PacketCmd } from 'mqtt-packet';
import type { TimerHandle } from '../../clock/clock';
import { applyPacketFaults } from '../faults/packet-faults';
import type { ClientConfig, MqttEnvironment } from '../types';
import { buildConnectPacket, type ConnectRequest } from './connect-packet';
import { KeepAlive } from './keepalive';
import { PacketLink, type LinkLoss } from './packet-link';
import { RecvBuffer } from './recv-buffer';
import { RequestTracker, type RequestKind, type RetryPolicy } from './retransmit';
import { CONN_STATE, PACKET_RESULT, QMTSTAT } from './stat-codes';

/** The result URC of each kind of request (spec 3.3.6-3.3.8; a QoS 2 PUBREL ends the AT+QMTPUBEX). */
const PENDING_URC: Record<RequestKind, string> = {
  subscribe: '+QMTSUB',
  unsubscribe: '+QMTUNS',
  publish: '+QMTPUBEX',
  pubrel: '+QMTPUBEX',
};

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
  private connackTimer: TimerHandle | undefined;
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
    this.armConnack(packet, 0);
  }

  connackReceived(returnCode: number): void {
    if (this.state !== 'connecting') return;
    this.env.clock.clearTimeout(this.connackTimer);
    this.connackTimer = undefined;
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
      this.config.keepAlive === 0 && this.env.faults.has('keepalive-zero-still-pings') ? 60 : this.config.keepAlive;
    if (!this.env.faults.has('pingreq-never-sent')) this.keepAlive.start(keepAliveS, this.config.qmtpingInterval);
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
    if (this.state === 'opened' && this.env.faults.has('qmtdisc-unconnected-sends-disconnect'))
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
    if (this.env.faults.has('disc-sends-no-disconnect')) {
      this.teardown(undefined);
      this.closedByDisc = true;
      this.urc(`+QMTDISC: ${this.idx},0`);
      return;
    }
    this.endPending('disc-pending-result');
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

  /**
   * spec 3.3.3: close the network, +QMTCLOSE: idx,0 (−1 when no network is open). When an MQTT
   * session was up the module also reports +QMTSTAT: idx,8 "client actively closed" (README).
   */
  /** No network now, because a completed AT+QMTDISC closed it (reading close-after-disc). */
  closedByCompletedDisc(): boolean {
    return !this.hasConnection() && this.closedByDisc;
  }

  closeNetwork(): void {
    // Reading close-after-disc "none" (EC200U, docs/field-evidence.md#close-after-disconnect): AT+QMTDISC already tore the network
    // down, and the AT+QMTCLOSE that follows gets its OK but no +QMTCLOSE result.
    if (!this.hasConnection() && this.closedByDisc && this.env.variant.readings['close-after-disc'] === 'none') return;
    if (!this.hasConnection()) {
      this.urc(`+QMTCLOSE: ${this.idx},-1`);
      return;
    }
    const wasConnected = this.state === 'connected';
    this.endPending('close-pending-result');
    this.teardown(undefined);
    this.urc(`+QMTCLOSE: ${this.idx},0`);
    // close-stat: "8" reports the host's close as table 4 code 8, "none" leaves it to +QMTCLOSE.
    if (wasConnected && this.env.variant.readings['close-stat'] === '8') this.statUrc(QMTSTAT.clientClosed);
  }

  /**
   * The requests still waiting for their acknowledgement when the host disconnects or closes: the
   * note is silent (readings disc-pending-result / close-pending-result). "reported": each ends
   * with <result> 2 "failed to send the packet" (spec 3.3.6-3.3.8) before the command's own result;
   * "dropped": they end without a word (docs/field-evidence.md#disconnect-without-qmtstat: only +QMTDISC: <idx>,0 follows a normal DISC).
   */
  private endPending(reading: 'disc-pending-result' | 'close-pending-result'): void {
    const acked = this.env.faults.has('pending-result-reported-acked');
    if (!acked && this.env.variant.readings[reading] !== 'reported') return;
    const result = acked ? PACKET_RESULT.acked : PACKET_RESULT.failed;
    for (const { kind, msgid } of this.requests.abandon())
      this.urc(`${PENDING_URC[kind]}: ${this.idx},${msgid},${result}`);
  }

  /** Closes everything and, with a code, reports +QMTSTAT (spec 4.1). */
  teardown(statCode: number | undefined): void {
    this.generation++;
    this.link?.close();
    this.link = undefined;
    this.requests.clear();
    this.keepAlive.stop();
    this.env.clock.clearTimeout(this.connackTimer);
    this.connackTimer = undefined;
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

  private armConnack(packet: Packet, retransmissions: number): void {
    const policy = this.retryPolicy();
    this.connackTimer = this.env.clock.setTimeout(() => {
      this.connackTimer = undefined;
      if (this.state !== 'connecting') return;
      // A3 "excep1": no CONNACK within <pkt_timeout> → tear down TCP, +QMTSTAT: idx,4; reading
      // excep1-conn-result "result-first": the command's own <result> 2 (spec 3.3.4) comes first.
      if (this.env.variant.readings.A3 === 'excep1') {
        if (this.env.faults.has('connack-timeout-conn-result-3')) this.urc(`+QMTCONN: ${this.idx},3`);
        else if (this.env.variant.readings['excep1-conn-result'] === 'result-first')
          this.urc(`+QMTCONN: ${this.idx},${PACKET_RESULT.failed}`);
        this.teardown(QMTSTAT.connackTimeout);
        return;
      }
      // A3 "retransmit": CONNECT is resent like SUBSCRIBE (spec 3.3.4 <result> 1 / 2).
      if (retransmissions >= policy.retransmissions) {
        // Every send of CONNECT timed out: table 4 code 3 "sending CONNECT timed out or failed"
        // (with A3 "excep1" no resend happens, and the lone CONNACK timeout is code 4).
        this.urc(`+QMTCONN: ${this.idx},${PACKET_RESULT.failed}`);
        this.teardown(
          this.env.variant.readings['stat-connect-exhausted'] === '3'
            ? QMTSTAT.connectSendFailed
            : QMTSTAT.connackTimeout,
        );
        return;
      }
      this.send(packet);
      if (this.config.timeoutNotice === 1)
        this.urc(`+QMTCONN: ${this.idx},${PACKET_RESULT.retransmission},${retransmissions + 1}`);
      this.armConnack(packet, retransmissions + 1);
    }, policy.timeoutMs);
  }

  private pingFailed(): void {
    // spec 4.3 +QMTPING: idx,1 and spec 4.1 code 2 describe the same event; both are reported (A31, README).
    if (this.env.variant.readings.A31 === 'reported') this.urc(`+QMTPING: ${this.idx},1`);
    this.teardown(QMTSTAT.pingTimeout);
  }

  /** The server or the network ended the link (spec 4.1 codes 1, 4, 5, 7). */
  private linkLost(loss: LinkLoss): void {
    const code = this.serverLossAs8(this.lossCode(loss));
    const disconnecting = this.state === 'disconnecting';
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

  private lossCode(loss: LinkLoss): number {
    const readings = this.env.variant.readings;
    if (this.state === 'connecting')
      return readings['stat-no-connack'] === '4' ? QMTSTAT.connackTimeout : QMTSTAT.serverClosed;
    if (this.state === 'disconnecting') return QMTSTAT.closedAfterDisconnect;
    if (this.refused && readings['stat-refused'] === '4') return QMTSTAT.connackTimeout;
    if (loss.errorCode === undefined || loss.errorCode === 'ECONNRESET') return QMTSTAT.serverClosed;
    // A malformed packet: table 4 names no code for it (reading stat-malformed: 7 or 1).
    if (loss.errorCode === 'EPROTO' && readings['stat-malformed'] === '1') return QMTSTAT.serverClosed;
    return QMTSTAT.linkDown;
  }

  /** Fault: a loss the server or network caused is reported as code 8, the client's own close. */
  private serverLossAs8(code: number): number {
    return this.env.faults.has('qmtstat-server-loss-as-8') ? QMTSTAT.clientClosed : code;
  }
}

/** The packet the server answers a request with, if any (MQTT 3.1.1 §3). */
function expectedReply(packet: Packet): PacketCmd | undefined {
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
