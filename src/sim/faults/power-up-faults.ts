/**
 * Faults in the power-up values of a client's configuration (spec 3.3.1 / A8: the defaults the
 * note states), as data: the configuration is built as the note says, then overlaid here.
 */
import type { ClientConfig, FaultSet } from '../types';
import type { FaultId } from './catalog';

const POWER_UP_FAULTS: readonly { readonly fault: FaultId; readonly values: Partial<ClientConfig> }[] = [
  { fault: 'cid-default-0', values: { cid: 0 } }, // documented default 1
  { fault: 'keepalive-default-60', values: { keepAlive: 60 } }, // documented default 120
  { fault: 'pkt-timeout-default-10', values: { pktTimeout: 10 } }, // documented default 5
  { fault: 'qmtping-default-10', values: { qmtpingInterval: 10 } }, // documented default 5
];

/** The power-up configuration as the faulty firmware has it. */
export function withPowerUpFaults(config: ClientConfig, faults: FaultSet): ClientConfig {
  return POWER_UP_FAULTS.reduce((c, entry) => (faults.has(entry.fault) ? { ...c, ...entry.values } : c), config);
}
