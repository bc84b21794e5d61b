/**
 * The fixture's memory of the wire: every packet the tap saw, in order, with clock time, and
 * waits for packets that have not arrived yet (timed on the Clock).
 */
import type { Clock } from '../clock/clock';
import { formatPacket, type Masker } from './packet-format';
import type { RecordedPacket } from './types';
import { summarisePredicate, WaitList } from './wait-list';

export type PacketPredicate = (packet: RecordedPacket) => boolean;

export class PacketRecorder {
  private readonly list: WaitList<RecordedPacket>;

  constructor(
    clock: Clock,
    private readonly masker?: Masker,
  ) {
    this.list = new WaitList(clock);
  }

  record(entry: RecordedPacket): RecordedPacket {
    hidePassword(entry);
    this.list.push(entry);
    return entry;
  }

  all(): readonly RecordedPacket[] {
    return this.list.all();
  }

  /**
   * Resolves with the first recorded packet matching `predicate` (already seen or next to come).
   * Rejects after `timeoutMs` on the clock, naming what was awaited and listing what was seen.
   */
  waitFor(predicate: PacketPredicate, timeoutMs: number, description?: string): Promise<RecordedPacket> {
    return this.list.waitFor(predicate, timeoutMs, () => {
      const what = description ?? `a packet matching ${summarisePredicate(predicate)}`;
      return `broker fixture: timed out after ${timeoutMs} ms waiting for ${what}.\n${this.seenList()}`;
    });
  }

  log(): string {
    return this.all()
      .map((p) => formatPacket(p, this.masker))
      .join('\n');
  }

  private seenList(): string {
    const count = this.all().length;
    return count === 0 ? 'Packets seen: none.' : `Packets seen (${count}):\n${this.log()}`;
  }
}

/**
 * Keeps the CONNECT password readable by code (`packet.password`) but out of JSON.stringify and
 * util.inspect, so a report attachment that dumps recorded packets cannot leak it.
 */
function hidePassword(entry: RecordedPacket): void {
  const packet = entry.packet as { cmd: string; password?: unknown };
  if (packet.cmd !== 'connect' || packet.password === undefined) return;
  const value = packet.password;
  Object.defineProperty(packet, 'password', { value, enumerable: false, writable: true, configurable: true });
}
