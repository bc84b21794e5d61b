/**
 * The +QMTSTAT <err_code> of a link that the server or the network ended (spec 4.1 table 4,
 * codes 1, 4, 5, 7), where the note leaves the choice to the variant's readings.
 */
import type { MqttEnvironment } from '../types';
import type { LinkLoss } from './packet-link';
import { QMTSTAT } from './stat-codes';

/** Where the client stood when its link ended, as far as table 4 tells the cases apart. */
export interface LossMoment {
  /** CONNECT sent, no CONNACK yet. */
  readonly connecting: boolean;
  /** DISCONNECT sent (spec 3.3.4 <state> 4). */
  readonly disconnecting: boolean;
  /** The server refused CONNECT and had not closed the link yet. */
  readonly refused: boolean;
}

export function linkLossCode(loss: LinkLoss, moment: LossMoment, env: MqttEnvironment): number {
  const code = documentedCode(loss, moment, env);
  // Fault: a loss the server or network caused is reported as code 8, the client's own close.
  return env.faults.at('link-loss.stat-code') ? QMTSTAT.clientClosed : code;
}

function documentedCode(loss: LinkLoss, moment: LossMoment, env: MqttEnvironment): number {
  const readings = env.variant.readings;
  if (moment.connecting) return readings['stat-no-connack'] === '4' ? QMTSTAT.connackTimeout : QMTSTAT.serverClosed;
  if (moment.disconnecting) return QMTSTAT.closedAfterDisconnect;
  if (moment.refused && readings['stat-refused'] === '4') return QMTSTAT.connackTimeout;
  if (loss.errorCode === undefined || loss.errorCode === 'ECONNRESET') return QMTSTAT.serverClosed;
  // A malformed packet: table 4 names no code for it (reading stat-malformed: 7 or 1).
  if (loss.errorCode === 'EPROTO' && readings['stat-malformed'] === '1') return QMTSTAT.serverClosed;
  return QMTSTAT.linkDown;
}
