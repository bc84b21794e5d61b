/**
 * One MQTT byte stream: a connected TCP or TLS socket (or an in-process stream on a virtual clock)
 * with an mqtt-packet parser on the way in and mqtt-packet's generator on the way out (never
 * hand-encoded). Reports every byte movement to the clock so a virtual clock does not jump while
 * packets are in flight. What the server sends (packets, and its closing of the link) reaches the
 * module after the network's latency (../network-latency.ts), in order.
 */
import type { Duplex } from 'node:stream';
import * as mqttPacket from 'mqtt-packet';
import type { Clock } from '../../clock/clock';
import { DelayLine, NetworkLatency } from '../network-latency';

/** Why the link went away without the module closing it. */
export interface LinkLoss {
  /** Node error code when the socket failed (ECONNRESET, EPIPE …); undefined for an orderly close. */
  readonly errorCode?: string;
}

/**
 * Real milliseconds the virtual clock is held after a packet that expects an answer: the loopback
 * broker answers in real time (Aedes needs tens of ms on a cold start or a persistent session),
 * and virtual time must not jump past <pkt_timeout> before it had the chance. A server that never
 * answers costs this much wall time per wait, no more.
 */
export const REPLY_GRACE_MS = 150;

/** Real milliseconds a virtual clock is held after a packet that expects no answer was written. */
const WIRE_GRACE_MS = 5;

export class PacketLink {
  private ownClose = false;
  private releaseHold: (() => void) | undefined;
  /** Answer packets the server still owes (e.g. 'suback'); the hold lasts until none is owed. */
  private readonly owed: string[] = [];
  private holdGuard: NodeJS.Timeout | undefined;
  private lossError: string | undefined;
  private packetListener: (packet: mqttPacket.Packet) => void = () => {};
  private lossListener: (loss: LinkLoss) => void = () => {};
  private readonly inbound: DelayLine;

  /**
   * `inProcess`: the server is reached without the kernel, so a virtual clock sees every byte in
   * flight itself and the real-time holds below (for bytes inside the kernel) are not needed.
   */
  constructor(
    private readonly socket: Duplex,
    private readonly clock: Clock,
    latency: NetworkLatency = new NetworkLatency(),
    private readonly inProcess = false,
  ) {
    this.inbound = new DelayLine(clock, latency);
    // Version 4 parsing also reads 3.1 (MQIsdp) packets: the fixed/variable headers are the same.
    const parser = mqttPacket.parser({ protocolVersion: 4 });
    parser.on('packet', (packet) => {
      // The reply has arrived on loopback: the hold ends now; the module sees it after the latency.
      this.settle(packet.cmd);
      this.inbound.deliver(() => {
        if (!this.ownClose) this.packetListener(packet); // bytes still in flight after the module closed
      });
    });
    parser.on('error', () => {
      // A malformed packet from the server: the link is not usable any more (spec 4.1 code 7).
      this.lossError = 'EPROTO';
      socket.destroy();
    });
    socket.on('data', (chunk: Buffer) => {
      clock.activity();
      parser.parse(chunk);
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      this.lossError = error.code ?? 'EIO';
    });
    socket.on('close', () => {
      this.endHold();
      clock.activity();
      const loss = { errorCode: this.lossError };
      this.inbound.deliver(() => {
        if (!this.ownClose) this.lossListener(loss);
      });
    });
  }

  onPacket(listener: (packet: mqttPacket.Packet) => void): void {
    this.packetListener = listener;
  }

  /** Called once when the server or the network ends the link (not when `close()` was called). */
  onLoss(listener: (loss: LinkLoss) => void): void {
    this.lossListener = listener;
  }

  /** False when the socket can no longer take bytes (the send failed). */
  send(packet: mqttPacket.Packet, reply?: mqttPacket.PacketCmd): boolean {
    if (this.socket.destroyed || !this.socket.writable) return false;
    this.clock.activity();
    if (this.inProcess) {
      this.socket.write(mqttPacket.generate(packet));
      return true;
    }
    if (reply) this.startHold(reply);
    else {
      // No answer to wait for (QoS 0 PUBLISH, DISCONNECT, acks): still hold a virtual clock until
      // the bytes are on their way and the peer had a moment to read them, so virtual time does
      // not jump to the next timer while the packet is in the event loop (a loaded CI machine).
      const release = this.clock.hold('MQTT packet on the wire');
      const guard = setTimeout(release, REPLY_GRACE_MS);
      guard.unref();
      this.socket.write(mqttPacket.generate(packet), () =>
        setTimeout(() => {
          clearTimeout(guard);
          release();
        }, WIRE_GRACE_MS).unref(),
      );
      return true;
    }
    this.socket.write(mqttPacket.generate(packet));
    return true;
  }

  private startHold(reply: mqttPacket.PacketCmd): void {
    this.owed.push(reply);
    this.releaseHold ??= this.clock.hold('awaiting MQTT reply');
    if (this.holdGuard) clearTimeout(this.holdGuard);
    this.holdGuard = setTimeout(() => this.endHold(), REPLY_GRACE_MS);
    this.holdGuard.unref();
  }

  /** A packet arrived: if it is an answer still owed, the server has answered one request. */
  private settle(cmd: string): void {
    const at = this.owed.indexOf(cmd);
    if (at >= 0) this.owed.splice(at, 1);
    if (this.owed.length === 0) this.endHold();
  }

  private endHold(): void {
    this.owed.length = 0;
    if (this.holdGuard) clearTimeout(this.holdGuard);
    this.holdGuard = undefined;
    const release = this.releaseHold;
    this.releaseHold = undefined;
    release?.();
  }

  /** Closes the link from the module's side; no loss is reported. */
  close(graceful = true): void {
    this.ownClose = true;
    this.inbound.cancel();
    this.endHold();
    if (this.inProcess) {
      if (graceful && !this.socket.destroyed) this.socket.end();
      else this.socket.destroy();
      // end() leaves the stream half-open until the peer answers; never let it linger.
      setImmediate(() => this.socket.destroy());
      return;
    }
    // A local close takes no scenario time: hold a virtual clock until the socket is gone and the
    // peer had a moment to read the FIN (bounded), so waits for "the module closed" never time out
    // on virtual time while the close is still in the event loop.
    const release = this.clock.hold('closing MQTT link');
    const guard = setTimeout(release, REPLY_GRACE_MS);
    guard.unref();
    if (this.socket.destroyed) release();
    else
      this.socket.once('close', () =>
        setTimeout(() => {
          clearTimeout(guard);
          release();
        }, 5).unref(),
      );
    if (graceful && !this.socket.destroyed) this.socket.end();
    else this.socket.destroy();
    // end() leaves the socket half-open until the peer answers; never let it linger.
    setImmediate(() => this.socket.destroy());
  }

  get isOpen(): boolean {
    return !this.socket.destroyed && !this.ownClose;
  }
}
