/**
 * Everything the module keeps between commands. Volatile parts (echo, CMEE, AT+QMTCFG,
 * SSL contexts) return to their power-up values on AT+CFUN=1,1; files in UFS survive, as
 * flash does.
 */
import type { VariantProfile } from '../../variants/profile';
import type { ClientConfig, FaultSet, SslContext } from '../types';
import { createDefaultConfigs } from '../handlers/qmtcfg/defaults';

export interface ModuleState {
  echo: boolean;
  cmee: number;
  config: ClientConfig[];
  readonly files: Map<string, Buffer>;
  sslContexts: SslContext[];
  /** AT+CFUN <fun>: 1 full functionality, 0 / 4 radio off (3GPP 27.007). */
  fun: number;
}

/** SSL context defaults of the simulated firmware (the SSL note [1] is not part of this spec). */
export function createDefaultSslContexts(): SslContext[] {
  return Array.from({ length: 6 }, () => ({ seclevel: 0, sslversion: 4, ciphersuite: '0xFFFF', ignorelocaltime: 1 }));
}

function powerUpEcho(variant: VariantProfile): boolean {
  return (variant.at?.echo ?? 0) === 1;
}

export function createModuleState(variant: VariantProfile, faults: FaultSet): ModuleState {
  let echo = powerUpEcho(variant);
  return {
    // V.25ter ATE0 switches echo off; the faulty firmware's echo is on from power-up whatever ATE says.
    get echo() {
      return echo || faults.at('module-state.echo-stuck');
    },
    set echo(on: boolean) {
      echo = on;
    },
    cmee: variant.at?.cmee ?? 0,
    fun: 1,
    config: createDefaultConfigs(variant, faults),
    files: new Map(),
    sslContexts: createDefaultSslContexts(),
  };
}

/**
 * Reboot (AT+CFUN=1,1): volatile settings back to power-up values. Arrays are refilled in
 * place so the MQTT side, which holds references to them, sees the new values.
 */
export function resetVolatileState(state: ModuleState, variant: VariantProfile, faults: FaultSet): void {
  state.echo = powerUpEcho(variant);
  state.cmee = variant.at?.cmee ?? 0;
  state.fun = 1;
  // spec 3.3.1 "The parameter configurations are not saved".
  if (!faults.at('module-state.qmtcfg-reset-on-reboot'))
    state.config.splice(0, state.config.length, ...createDefaultConfigs(variant, faults));
  state.sslContexts.splice(0, state.sslContexts.length, ...createDefaultSslContexts());
}
