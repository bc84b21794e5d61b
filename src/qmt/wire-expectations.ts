/**
 * What the broker fixture must see of the module on the wire, as scenarios say it: a packet (with
 * fields, from one client id, by a deadline), no such packet, how many, the order of one exchange,
 * and what the broker delivered to the module. Each wait ends here in one verdict, so a step is one
 * call; a wait that times out is evidence, never an exception a step has to swallow.
 */
import type { BrokerFixture } from '../broker/fixture';
import type { Masker } from '../broker/packet-format';
import type { ModulePacket } from '../broker/packet-names';
import type { PacketPredicate } from '../broker/packet-recorder';
import type { RecordedPacket } from '../broker/types';
import { packetMismatches } from './packet-fields';
import { withMargin, type TimingMargin } from './timing-margin';
import { nonConformance } from './verdict';

/** How long a scenario waits for what the note gives no time for (harness limit, not a spec figure). */
export const WAIT_MS = 60_000;

/** Packet fields by the names scenarios use (src/qmt/packet-fields.ts), already free of placeholders. */
export type PacketFields = Readonly<Record<string, string>>;

/** One row of an exchange: `| module -> broker | PUBLISH |`. */
export interface ExchangeRow {
  readonly direction: string;
  readonly type: string;
}

export class WireExpectations {
  constructor(
    private readonly broker: BrokerFixture,
    private readonly masker: Masker,
    private readonly margin: TimingMargin,
  ) {}

  /** The first packet matching `predicate`, already recorded or arriving within `ms`; else undefined. */
  arrival(predicate: PacketPredicate, ms: number, description?: string): Promise<RecordedPacket | undefined> {
    return this.broker.waitForPacket(predicate, ms, description).then(
      (packet) => packet,
      () => undefined,
    );
  }

  /** A packet of this type from the module carrying `fields` (e.g. spec 3.3.4: the CONNECT's client id). */
  async expectPacket(cmd: ModulePacket, fields: PacketFields = {}): Promise<void> {
    const matches = (p: RecordedPacket) => isFromModule(p, cmd) && packetMismatches(p.packet, fields).length === 0;
    if (await this.arrival(matches, WAIT_MS)) return;
    const seen = this.broker.packetsFromModule(cmd);
    const detail = seen.length
      ? seen.map((p) => packetMismatches(p.packet, fields).join('; ')).join(' | ')
      : `no ${upper(cmd)} reached the broker`;
    throw nonConformance(this.masker.mask(`the broker did not receive the expected ${upper(cmd)}: ${detail}`));
  }

  /** As expectPacket, on the connection whose CONNECT carried `clientId` (several clients, spec 3.3.4). */
  async expectPacketFrom(clientId: string, cmd: ModulePacket, fields: PacketFields = {}): Promise<void> {
    const matches = (p: RecordedPacket) =>
      isFromModule(p, cmd) && p.clientId === clientId && packetMismatches(p.packet, fields).length === 0;
    if (await this.arrival(matches, WAIT_MS)) return;
    const seen = this.broker
      .packetsFromModule(cmd)
      .map((p) => `from ${p.clientId ?? '(no CONNECT)'}: ${mismatchText(p, fields) || 'fields match'}`);
    const detail = seen.join(' | ') || `no ${upper(cmd)} at all`;
    const what = `no ${upper(cmd)} from "${clientId}" as expected reached the broker`;
    throw nonConformance(this.masker.mask(`${what}: ${detail}`));
  }

  /** A deadline of the note: the run's timing margin applies (the module's timer granularity on a rig). */
  async expectPacketWithin(cmd: ModulePacket, limitMs: number): Promise<void> {
    const ms = withMargin(limitMs, this.margin);
    if (await this.arrival((p) => isFromModule(p, cmd), ms)) return;
    throw nonConformance(
      `no ${upper(cmd)} reached the broker within ${limitMs / 1000} s ` +
        `plus the timing margin (${(ms / 1000).toFixed(3)} s)`,
    );
  }

  /**
   * No such packet from the module since the scenario began, nor within `ms` from now (a packet
   * that came early counts too). `messageId` narrows it to one packet id.
   */
  async expectNoPacket(cmd: ModulePacket, ms: number, messageId?: number): Promise<void> {
    const anyId = messageId === undefined;
    const seen = await this.arrival((p) => isFromModule(p, cmd) && (anyId || p.packet.messageId === messageId), ms);
    if (!seen) return;
    const which = anyId ? upper(cmd) : `${upper(cmd)} with packet id ${messageId}`;
    throw nonConformance(`the module sent a ${which} at ${seen.at} ms, where none was expected within ${ms / 1000} s`);
  }

  /** Exactly `count` packets of this type from the module (waiting until that many came, or the harness limit). */
  async expectCount(cmd: ModulePacket, count: number): Promise<void> {
    await this.arrival((p) => isFromModule(p, cmd) && this.broker.packetsFromModule(cmd).length >= count, WAIT_MS);
    const seen = this.broker.packetsFromModule(cmd).length;
    if (seen === count) return;
    throw nonConformance(`the broker received ${seen} ${upper(cmd)} packet(s) from the module, expected ${count}`);
  }

  /** The packets of one exchange with packet id `id`, both directions, in wire order (spec figure 1, QoS 2). */
  async expectExchange(id: number, rows: readonly ExchangeRow[]): Promise<void> {
    const expected = rows.map((r) => `${r.direction.replace(/\s+/g, '')} ${r.type.toLowerCase()}`);
    const wanted = new Set(expected);
    const label = (p: RecordedPacket) => `${p.direction} ${p.packet.cmd}`;
    const inExchange = (p: RecordedPacket) => !p.withheld && p.packet.messageId === id && wanted.has(label(p));
    const exchange = () => this.broker.packets().filter(inExchange);
    const description = `${expected.length} packets with packet id ${id}`;
    await this.arrival(() => exchange().length >= expected.length, WAIT_MS, description);
    const seen = exchange().map(label);
    if (seen.join(' | ') === expected.join(' | ')) return;
    throw nonConformance(
      `packets with packet id ${id} on the wire were\n  ${seen.join('\n  ') || '(none)'}\n` +
        `expected\n  ${expected.join('\n  ')}`,
    );
  }

  /** The broker delivered the module (the module received: withheld packets excluded) a PUBLISH carrying `fields`. */
  async expectDelivered(fields: PacketFields): Promise<void> {
    const toModule = (p: RecordedPacket) =>
      p.direction === 'broker->module' && !p.withheld && p.packet.cmd === 'publish';
    const matches = (p: RecordedPacket) => toModule(p) && packetMismatches(p.packet, fields).length === 0;
    if (await this.arrival(matches, WAIT_MS)) return;
    const seen = this.broker.packetsToModule('publish').map((p) => packetMismatches(p.packet, fields).join('; '));
    const detail = seen.join(' | ') || 'no PUBLISH delivered';
    throw nonConformance(`the broker delivered no matching PUBLISH to the module: ${detail}`);
  }

  /** MQTT 3.1.1 §4.4: a resumed session redelivers an unacknowledged message with its original packet id. */
  async expectRedelivered(topic: string, times: number): Promise<void> {
    const deliveries = () => this.deliveriesOn(topic);
    await this.arrival(() => deliveries().length >= times, WAIT_MS);
    const ids = deliveries().map((p) => `${p.packet.messageId ?? '-'} (connection ${p.connection})`);
    const distinct = new Set(deliveries().map((p) => p.packet.messageId));
    if (ids.length === times && distinct.size === 1) return;
    throw nonConformance(
      `the broker delivered "${topic}" ${ids.length} times with packet ids ${ids.join(', ') || '(none)'}; ` +
        `expected ${times} deliveries with one packet id`,
    );
  }

  /** Every PUBLISH on `topic` the module received so far. */
  deliveriesOn(topic: string): RecordedPacket[] {
    return this.broker.packetsToModule('publish').filter((p) => p.packet.cmd === 'publish' && p.packet.topic === topic);
  }
}

function mismatchText(p: RecordedPacket, fields: PacketFields): string {
  return packetMismatches(p.packet, fields).join('; ');
}

function isFromModule(p: RecordedPacket, cmd: ModulePacket): boolean {
  return p.direction === 'module->broker' && p.packet.cmd === cmd;
}

/** The packet's name as the spec and the scenario write it: PUBLISH. */
export function upper(cmd: string): string {
  return cmd.toUpperCase();
}
