/**
 * The module's TCP connections as the broker fixture sees them (spec 3.3.2-3.3.5, 4.3, figure 1 T2):
 * how many it opened, who closed them, which stay open, TLS (spec 5.2) and the keep-alive.
 */
import type { BrokerFixture } from '../broker/fixture';
import type { ConnectionInfo, RecordedPacket } from '../broker/types';
import { withMargin, type TimingMargin } from './timing-margin';
import { nonConformance } from './verdict';
import { WAIT_MS } from './wire-expectations';

/** Timer granularity allowed around the keep-alive (harness tolerance, not a spec figure). */
const KEEP_ALIVE_TOLERANCE_MS = 1_000;

/** Who ended a connection: the module, the fixture, or either (after a refused CONNACK). */
export type ClosedBy = 'module' | 'fixture' | 'either';

const NOT_CLOSED: Record<ClosedBy, string> = {
  module: 'the module did not close its TCP connection to the broker',
  fixture: "the broker did not close the module's connection",
  either: "the module's connection to the broker stayed open",
};

export class ConnectionExpectations {
  constructor(
    private readonly broker: BrokerFixture,
    private readonly margin: TimingMargin,
  ) {}

  /** A module connection closed by `by` (MQTT 3.1.1 §3.2.2.3: after a refusal the server MUST close it). */
  async expectClosed(by: ClosedBy): Promise<void> {
    const matches = (c: ConnectionInfo) => by === 'either' || c.closedBy === by;
    const closed = await this.broker.waitForConnectionClosed(matches, WAIT_MS).then(
      () => true,
      () => false,
    );
    if (!closed) throw nonConformance(NOT_CLOSED[by]);
  }

  expectStillOpen(): void {
    const open = this.broker.connections().filter((c) => c.state === 'open').length;
    if (open > 0) return;
    throw nonConformance(`no open connection from the module: ${JSON.stringify(this.broker.connections())}`);
  }

  expectCount(count: number): void {
    const seen = this.broker.connections().length;
    if (seen === count) return;
    throw nonConformance(`the broker saw ${seen} TCP connection(s) from the module, expected ${count}`);
  }

  /** spec 3.3.2 <client_idx> 0-5: one open connection per client id, none twice, no others. */
  expectOnePerClientId(clientIds: readonly string[]): void {
    const open = this.broker.connections().filter((c) => c.state === 'open');
    const missing = clientIds.filter((id) => open.filter((c) => c.clientId === id).length !== 1);
    if (missing.length === 0 && open.length === clientIds.length) return;
    const listed = open.map((c) => `#${c.id} ${c.clientId ?? '(no CONNECT)'}`).join(', ') || 'none';
    throw nonConformance(
      `expected ${clientIds.length} open connections, one per client id; open: ${listed}` +
        (missing.length ? `; not exactly once: ${missing.join(', ')}` : ''),
    );
  }

  /** spec 5.2: the module reached the fixture's TLS listener. */
  expectTls(): void {
    const seen = this.broker.connections();
    if (seen.some((c) => c.tls)) return;
    const kinds = seen.map((c) => (c.tls ? 'TLS' : 'plain TCP')).join(', ') || 'none';
    throw nonConformance(`no TLS connection reached the broker (connections: ${kinds})`);
  }

  /**
   * Figure 1 T2: the first PINGREQ follows <keepalive> seconds of silence from the module (not
   * earlier, not later) and the CONNECT on that connection declared that same keep-alive.
   */
  async expectFirstPingAfter(keepAliveMs: number): Promise<void> {
    // Timer granularity plus the run's timing margin (a rig's module timers, --timing-margin), both ways.
    const toleranceMs = KEEP_ALIVE_TOLERANCE_MS + withMargin(keepAliveMs, this.margin) - keepAliveMs;
    const isPing = (p: RecordedPacket) => p.direction === 'module->broker' && p.packet.cmd === 'pingreq';
    await this.broker.waitForPacket(isPing, keepAliveMs + toleranceMs + 10_000).catch(() => undefined);
    const first = this.broker.pingSilences()[0];
    const s = keepAliveMs / 1000;
    if (!first) throw nonConformance(`no PINGREQ reached the broker within ${s} + 10 s of silence`);
    if (first.keepAliveS === s && Math.abs(first.silenceMs - keepAliveMs) <= toleranceMs) return;
    throw nonConformance(
      `the first PINGREQ came after ${(first.silenceMs / 1000).toFixed(3)} s of silence on a connection whose ` +
        `CONNECT declared keep-alive ${first.keepAliveS} s; expected ${s} s ` +
        `(± ${(toleranceMs / 1000).toFixed(3)} s: timer granularity and the timing margin) for both`,
    );
  }
}
