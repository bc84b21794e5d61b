/**
 * The replayed module's network side: an AT+QMTOPEN the recording answered `+QMTOPEN: <idx>,0`
 * opens a connection to the address the host gave (./broker-links.ts); each recorded module packet
 * is sent when its cause happens again (./timeline.ts), with what the log does not hold taken from
 * the live exchange; the broker's packets start what followed them in the recording, and say which
 * recorded scenario the replay is in when several sent the same commands (./broker-answers.ts).
 */
import type { Duplex } from 'node:stream';
import type { IConnectPacket, Packet } from 'mqtt-packet';
import type { InProcessDial } from '../types';
import { saysTheSame } from './broker-answers';
import { BrokerLinks } from './broker-links';
import { CloudConfigs } from './cloud-signing';
import { maskedValues } from './command-match';
import type { LoggedPacket } from './packet-log';
import type { BrokerTrigger, RecordedOutput, Track } from './recording';
import type { Cause } from './replayed-output';
import type { TrackFollower } from './track-follower';

/** Broker packets whose content decides the module's answer (./broker-answers.ts). */
const TELLING = new Set(['connack', 'suback', 'publish']);

export interface NetworkContext {
  readonly follower: TrackFollower;
  readonly hosts: Readonly<Record<string, string>>;
  /** Plays outputs the broker's packet started, as from `cause`. */
  play(outputs: readonly RecordedOutput[], cause: Cause): void;
  log(message: string): void;
}

export class ReplayNetwork {
  readonly links: BrokerLinks;
  /** In-process connections to the fixture, on a virtual clock (see ./broker-links.ts). */
  inProcessDial: InProcessDial | undefined;
  /** The payload the host typed last (a PUBLISH the log cut is filled from it). */
  lastData: Buffer | undefined;
  private consumed = new Set<BrokerTrigger>();
  /** A connection made in process before the replay chose its scenario (reachesInProcess). */
  private dialled: { line: string; stream: Duplex } | undefined;
  private readonly sslOn = new Set<number>();
  private readonly cloud = new CloudConfigs();

  constructor(private readonly context: NetworkContext) {
    this.links = new BrokerLinks(
      (connection, packet) => this.onBrokerPacket(connection, packet),
      (message) => context.log(message),
    );
  }

  /** A new session: no connection, no setting of the last one. */
  reset(): void {
    this.links.closeAll();
    this.dialled?.stream.destroy();
    this.dialled = undefined;
    this.consumed = new Set();
    this.sslOn.clear();
    this.cloud.clear();
  }

  /** A command the host sent with OK recorded: the client's TLS switch and cloud options. */
  note(line: string, accepted: boolean): void {
    this.cloud.note(line);
    const ssl = /^AT\+QMTCFG="ssl",(\d),(\d)/i.exec(line);
    if (!ssl || !accepted) return;
    if (ssl[2] === '1') this.sslOn.add(Number(ssl[1]));
    else this.sslOn.delete(Number(ssl[1]));
  }

  /**
   * In process only: connects to where the host's AT+QMTOPEN points now, before the replay knows
   * which recorded scenario it is in (one whose open succeeded, or one whose open was refused).
   * True when something in process accepted; undefined without an in-process dial.
   */
  reachesInProcess(line: string): boolean | undefined {
    const target = this.target(line, false);
    if (!target || !this.inProcessDial) return undefined;
    this.dialled?.stream.destroy();
    const stream = this.inProcessDial(target.ip, target.port);
    this.dialled = stream ? { line, stream } : undefined;
    return stream !== undefined;
  }

  /** Opens recorded connection `connection` to the address of the host's AT+QMTOPEN. */
  dial(connection: number, line: string): void {
    const target = this.target(line, true);
    if (!target) return;
    const ready = this.dialled?.line === line ? this.dialled.stream : undefined;
    this.dialled = undefined;
    const dial = ready ? () => ready : this.inProcessDial;
    this.links.open(connection, target.idx, target.ip, target.port, this.sslOn.has(target.idx), dial);
  }

  private target(line: string, say: boolean): { idx: number; ip: string; port: number } | undefined {
    const match = /^AT\+QMTOPEN=(\d),"([^"]*)",(\d+)/i.exec(line);
    if (!match) return undefined;
    const name = match[2];
    const mapped = Object.entries(this.context.hosts).find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
    const ip = mapped ?? (/^localhost$/i.test(name) ? '127.0.0.1' : name);
    if (!/^[\d.]+$|:/.test(ip)) {
      if (say) this.context.log(`AT+QMTOPEN dials "${name}": map it with --host ${name}=<ip>; nothing was connected`);
      return undefined;
    }
    return { idx: Number(match[1]), ip, port: Number(match[3]) };
  }

  /** The recorded packet, with what the log does not hold taken from the live exchange. */
  send(logged: LoggedPacket, cause: Cause): void {
    if (!logged.packet) return;
    const packet = { ...logged.packet } as Packet & Record<string, unknown>;
    if (packet.cmd === 'connect' && logged.hasPassword && cause.line && cause.recordedLine)
      this.fillCredentials(packet as IConnectPacket, logged.connection, cause.line, cause.recordedLine);
    if (packet.cmd === 'publish' && logged.payload && !logged.payload.complete) {
      const live = cause.data ?? this.lastData;
      packet.payload =
        live && live.length === logged.payload.length ? live : padded(logged.payload.bytes, logged.payload.length);
    }
    if (packet.cmd === 'connect' && logged.willPayload && !logged.willPayload.complete && packet.will) {
      packet.will = { ...packet.will, payload: padded(logged.willPayload.bytes, logged.willPayload.length) };
    }
    const { recorded, live } = cause.trigger ?? {};
    // An acknowledgement carries the identifier of the broker's packet it answers (MQTT 3.1.1 §4.3).
    if (/^pub(ack|rec|rel|comp)$/.test(packet.cmd) && recorded !== undefined && packet.messageId === recorded)
      packet.messageId = live;
    this.links.send(logged.connection, packet as Packet);
  }

  /**
   * The log never holds the password. The host's AT+QMTCONN does (spec 3.3.4 <password>); without
   * one, a cloud option's credentials are derived again (./cloud-signing.ts).
   */
  private fillCredentials(packet: IConnectPacket, connection: number, line: string, recordedLine: string): void {
    const args = [...line.matchAll(/"([^"]*)"|([^,=]+)/g)].map((m) => m[1] ?? m[2] ?? '');
    const idx = Number(/^AT\+QMTCONN=(\d)/i.exec(line)?.[1] ?? 0);
    const given = maskedValues(recordedLine, line).get(3) ?? (args.length >= 5 ? args[4] : undefined);
    if (given !== undefined) {
      packet.password = Buffer.from(given, 'utf8');
      return;
    }
    const cloud = this.cloud.credentials(idx, args[2] ?? '', this.sslOn.has(idx), Date.now());
    if (!cloud) return;
    const connack = this.context.follower
      .first()?.[0]
      .triggers.find((t) => t.connection === connection && t.cmd === 'connack' && !this.consumed.has(t));
    packet.clientId = cloud.clientId;
    if (cloud.username !== undefined) packet.username = cloud.username;
    // The recorded broker refused the recorded credentials: these are refused too.
    const refused = connack?.returnCode !== undefined && connack.returnCode !== 0;
    if (cloud.password !== undefined)
      packet.password = Buffer.from(refused ? `${cloud.password}-refused-in-the-recording` : cloud.password, 'utf8');
  }

  /** A packet from the live broker: what the recorded module did after the same packet, now. */
  private onBrokerPacket(connection: number, packet: Packet): void {
    const messageId = (packet as { messageId?: number }).messageId;
    const triggerIn = (track: Track): BrokerTrigger | undefined => {
      const fits = (t: BrokerTrigger) => !this.consumed.has(t) && t.connection === connection && t.cmd === packet.cmd;
      return track.triggers.find((t) => fits(t) && t.messageId === messageId) ?? track.triggers.find(fits);
    };
    const follower = this.context.follower;
    if (TELLING.has(packet.cmd))
      follower.prefer((track) => {
        const trigger = triggerIn(track);
        return trigger !== undefined && saysTheSame(trigger, packet);
      });
    const followed = follower.tracksFollowed();
    const trigger = followed[0] && triggerIn(followed[0]);
    if (!trigger) return;
    // Each scenario still followed has taken its own copy of this packet.
    for (const track of followed) {
      const own = triggerIn(track);
      if (own) this.consumed.add(own);
    }
    this.context.play(trigger.outputs, {
      trigger: { recorded: trigger.messageId, live: messageId },
      data: this.lastData,
    });
  }
}

/** A payload the log cut: its shown start, filled to the logged length. */
function padded(start: Buffer, length: number): Buffer {
  const out = Buffer.alloc(length, 0x20);
  start.copy(out, 0, 0, Math.min(start.length, length));
  return out;
}
