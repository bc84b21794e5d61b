/**
 * How the module resends an unacknowledged request (spec figure 1 T1 / Excep2, MQTT 3.1.1 §4.4):
 * how often, how far apart, with which DUP flag, and the A20 reading of <retry_times> (whether the
 * first send counts). Waits for the sends as the broker fixture records them, then judges them
 * with the pure checks of src/qmt/wire-checks.ts.
 */
import type { BrokerFixture } from '../broker/fixture';
import type { ModulePacket } from '../broker/packet-names';
import type { RecordedPacket } from '../broker/types';
import type { Clock } from '../clock/clock';
import type { ReadingObserver } from './readings-observer';
import type { TimingMargin } from './timing-margin';
import { nonConformance } from './verdict';
import { dupProblem, retransmissionProblem, sendsByReading, spacingSlackMs } from './wire-checks';
import type { SendsAlternative } from './wire-checks';
import { upper, WAIT_MS, WireExpectations } from './wire-expectations';

type Alternatives = readonly SendsAlternative[];
type Sends = RecordedPacket[];

export class Retransmissions {
  constructor(
    private readonly broker: BrokerFixture,
    private readonly clock: Clock,
    private readonly margin: TimingMargin,
    private readonly readings: ReadingObserver,
    private readonly wire: WireExpectations,
  ) {}

  /** `times` sends of request `id` in all, `apartMs` apart (<pkt_timeout>), all the same message. */
  async expectSends(cmd: ModulePacket, id: number, times: number, apartMs: number): Promise<void> {
    const sends = await this.sendsOnceThere(cmd, id, times, apartMs);
    const problem = retransmissionProblem(sends, times, apartMs, spacingSlackMs(apartMs, this.margin));
    if (problem) throw nonConformance(`${upper(cmd)} with packet id ${id}: ${problem}`);
  }

  /** An acknowledged request is never resent. */
  async expectSentOnce(cmd: ModulePacket, id: number): Promise<void> {
    const sends = await this.sendsOnceThere(cmd, id, 1, 0);
    if (sends.length === 1) return;
    const times = `reached the broker ${sends.length} times, expected once (it was acknowledged)`;
    throw nonConformance(`${upper(cmd)} with packet id ${id} ${times}`);
  }

  /** MQTT 3.1.1 §3.3.1.1: DUP 0 on the first delivery attempt, 1 on every re-delivery. */
  expectDupOnResends(id: number): void {
    const problem = dupProblem(this.sendsOf('publish', id).map((s) => s.packet));
    if (problem) throw nonConformance(`PUBLISH with packet id ${id}: ${problem}`);
  }

  /**
   * A20: the sends must fit one of the alternatives (`| after-first | 3 times, 3 seconds apart |`);
   * the reading they show is recorded (strict mode: checked). Returns the reading's value.
   */
  async expectSendsByReading(cmd: ModulePacket, id: number, alternatives: Alternatives): Promise<string> {
    const sends = await this.everySend(cmd, id, alternatives);
    const { fitting, problems } = sendsByReading(sends, alternatives, this.margin);
    const request = `${upper(cmd)} with packet id ${id}`;
    if (fitting.length === 0) {
      throw nonConformance(`${request}, none of the sends reading A20 allows: ${problems.join('; ')}`);
    }
    // retry_times 0 is one send in both readings: such sends say nothing about A20.
    const preferred = this.readings.preferredValue('A20');
    const chosen = fitting.find((v) => v === preferred) ?? (fitting[0] as string);
    const at = sends.map((s) => s.at).join(', ');
    const evidence = `${request} reached the broker ${sends.length} times (at ${at} ms)`;
    this.readings.observeAnswer('A20', fitting, chosen, evidence);
    return chosen;
  }

  private sendsOf(cmd: ModulePacket, id: number): Sends {
    return this.broker.packetsFromModule(cmd).filter((p) => p.packet.messageId === id);
  }

  private isSendOf(p: RecordedPacket, cmd: ModulePacket, id: number): boolean {
    return p.direction === 'module->broker' && p.packet.cmd === cmd && p.packet.messageId === id;
  }

  /** Waits until `times` sends arrived (or T1 would have produced them), then returns every send. */
  private async sendsOnceThere(cmd: ModulePacket, id: number, times: number, apartMs: number): Promise<Sends> {
    const enough = () => this.sendsOf(cmd, id).length >= times;
    await this.wire.arrival(() => enough(), Math.max(WAIT_MS, times * apartMs * 1.5), `${times} x ${upper(cmd)} ${id}`);
    return this.sendsOf(cmd, id);
  }

  /**
   * Every send of one request: from the first, until one more than the most any alternative allows
   * would have come (half a period late), so a surplus resend is seen too.
   */
  private async everySend(cmd: ModulePacket, id: number, alternatives: Alternatives): Promise<Sends> {
    const first = await this.wire.arrival((p) => this.isSendOf(p, cmd, id), WAIT_MS);
    if (!first) return [];
    const most = Math.max(...alternatives.map((a) => a.times));
    const lastDue = (a: SendsAlternative) => (a.times + 0.5) * a.apartMs + spacingSlackMs(a.apartMs, this.margin);
    const remaining = first.at + Math.max(...alternatives.map(lastDue)) - this.clock.now();
    if (remaining > 0) await this.wire.arrival(() => this.sendsOf(cmd, id).length > most, remaining);
    return this.sendsOf(cmd, id);
  }
}
