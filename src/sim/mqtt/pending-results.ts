/**
 * The requests still waiting for their acknowledgement when the host disconnects or closes: the
 * note is silent (readings disc-pending-result / close-pending-result). "reported": each ends
 * with <result> 2 "failed to send the packet" (spec 3.3.6-3.3.8) before the command's own result;
 * "dropped": they end without a word (docs/field-evidence.md#disconnect-without-qmtstat: only
 * +QMTDISC: <idx>,0 follows a normal DISC).
 */
import type { MqttEnvironment } from '../types';
import type { RequestKind, RequestTracker } from './retransmit';
import { PACKET_RESULT } from './stat-codes';

/** The result URC of each kind of request (spec 3.3.6-3.3.8; a QoS 2 PUBREL ends the AT+QMTPUBEX). */
const PENDING_URC: Record<RequestKind, string> = {
  subscribe: '+QMTSUB',
  unsubscribe: '+QMTUNS',
  publish: '+QMTPUBEX',
  pubrel: '+QMTPUBEX',
};

export interface PendingOwner {
  readonly idx: number;
  readonly env: MqttEnvironment;
  readonly requests: RequestTracker;
  urc(text: string): void;
}

/** Ends every pending request of `client`, reporting each one when the reading (or a fault) says so. */
export function endPending(client: PendingOwner, reading: 'disc-pending-result' | 'close-pending-result'): void {
  // Fault: each pending request is reported as acknowledged.
  const acked = client.env.faults.at('pending-results.result');
  if (!acked && client.env.variant.readings[reading] !== 'reported') return;
  const result = acked ? PACKET_RESULT.acked : PACKET_RESULT.failed;
  for (const { kind, msgid } of client.requests.abandon())
    client.urc(`${PENDING_URC[kind]}: ${client.idx},${msgid},${result}`);
}
