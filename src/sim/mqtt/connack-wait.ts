/**
 * T1 of spec figure 1 for CONNECT: waiting for CONNACK within <pkt_timeout>. Reading A3 decides
 * what a timeout does: "excep1" tears the link down (+QMTSTAT: idx,4), "retransmit" resends
 * CONNECT like SUBSCRIBE (spec 3.3.4 <result> 1 / 2).
 */
import type { Packet } from 'mqtt-packet';
import type { TimerHandle } from '../../clock/clock';
import type { ClientConfig, MqttEnvironment } from '../types';
import type { RetryPolicy } from './retransmit';
import { PACKET_RESULT, QMTSTAT } from './stat-codes';

/** What the wait needs of its client (./session.ts ClientSession). */
export interface ConnackClient {
  readonly idx: number;
  readonly env: MqttEnvironment;
  readonly config: ClientConfig;
  /** Still "connecting" (CONNECT sent, no CONNACK yet). */
  awaitingConnack(): boolean;
  retryPolicy(): RetryPolicy;
  send(packet: Packet): boolean;
  urc(text: string): void;
  teardown(statCode: number | undefined): void;
}

export class ConnackWait {
  private timer: TimerHandle | undefined;

  constructor(private readonly client: ConnackClient) {}

  /** Arms T1 for `packet`, sent `retransmissions` times again so far. */
  start(packet: Packet, retransmissions = 0): void {
    const { client } = this;
    const { env, idx } = client;
    const policy = client.retryPolicy();
    this.timer = env.clock.setTimeout(() => {
      this.timer = undefined;
      if (!client.awaitingConnack()) return;
      // A3 "excep1": no CONNACK within <pkt_timeout> → tear down TCP, +QMTSTAT: idx,4; reading
      // excep1-conn-result "result-first": the command's own <result> 2 (spec 3.3.4) comes first.
      if (env.variant.readings.A3 === 'excep1') {
        if (env.faults.at('connack-wait.excep1-result')) client.urc(`+QMTCONN: ${idx},3`);
        else if (env.variant.readings['excep1-conn-result'] === 'result-first')
          client.urc(`+QMTCONN: ${idx},${PACKET_RESULT.failed}`);
        client.teardown(QMTSTAT.connackTimeout);
        return;
      }
      if (retransmissions >= policy.retransmissions) {
        // Every send of CONNECT timed out: table 4 code 3 "sending CONNECT timed out or failed"
        // (with A3 "excep1" no resend happens, and the lone CONNACK timeout is code 4).
        client.urc(`+QMTCONN: ${idx},${PACKET_RESULT.failed}`);
        const exhausted = env.variant.readings['stat-connect-exhausted'] === '3';
        client.teardown(exhausted ? QMTSTAT.connectSendFailed : QMTSTAT.connackTimeout);
        return;
      }
      client.send(packet);
      if (client.config.timeoutNotice === 1)
        client.urc(`+QMTCONN: ${idx},${PACKET_RESULT.retransmission},${retransmissions + 1}`);
      this.start(packet, retransmissions + 1);
    }, policy.timeoutMs);
  }

  /** CONNACK came, or the link is gone. */
  stop(): void {
    this.client.env.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
