/**
 * Faults in the power-up values of a client's configuration (spec 3.3.1 / A8: the defaults the
 * note states), as data: the configuration is built as the note says, then overlaid here.
 */
import type { ClientConfig, FaultSet } from '../types';
import type { HookOf } from './catalog';

const POWER_UP_FAULTS = {
  'power-up.cid': { cid: 0 }, // documented default 1
  'power-up.keepalive': { keepAlive: 60 }, // documented default 120
  'power-up.pkt-timeout': { pktTimeout: 10 }, // documented default 5
  'power-up.qmtping': { qmtpingInterval: 10 }, // documented default 5
} satisfies Record<HookOf<'power-up'>, Partial<ClientConfig>>;

/** The power-up configuration as the faulty firmware has it. */
export function withPowerUpFaults(config: ClientConfig, faults: FaultSet): ClientConfig {
  return (Object.entries(POWER_UP_FAULTS) as [HookOf<'power-up'>, Partial<ClientConfig>][]).reduce(
    (c, [hook, values]) => (faults.at(hook) ? { ...c, ...values } : c),
    config,
  );
}
