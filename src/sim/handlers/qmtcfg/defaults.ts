/**
 * Power-up values of one client's configuration. The note states cid 1, pkt_timeout 5,
 * retry_times 3, keepalive 120, qmtping 5 (spec 3.3.1 / A8); every other default comes from
 * the variant profile (A8 readings, documented in src/variants/profiles.ts).
 */
import type { VariantProfile } from '../../../variants/profile';
import { withPowerUpFaults } from '../../faults/power-up-faults';
import type { ClientConfig, FaultSet } from '../../types';

export const STATED_DEFAULTS = { cid: 1, pktTimeout: 5, retryTimes: 3, keepAlive: 120, qmtpingInterval: 5 } as const;

export function createDefaultClientConfig(variant: VariantProfile, faults: FaultSet): ClientConfig {
  const d = variant.defaults;
  const documented: ClientConfig = {
    vsn: d.vsn,
    cid: STATED_DEFAULTS.cid,
    sslEnable: d.sslEnable,
    sslCtxIdx: d.sslCtxIdx,
    keepAlive: STATED_DEFAULTS.keepAlive,
    cleanSession: d.cleanSession,
    pktTimeout: STATED_DEFAULTS.pktTimeout,
    retryTimes: STATED_DEFAULTS.retryTimes,
    timeoutNotice: d.timeoutNotice,
    will: { flag: 0, qos: 0, retain: 0, topic: '', message: Buffer.alloc(0) },
    msgRecvMode: d.msgRecvMode,
    msgLenEnable: d.msgLenEnable,
    qmtpingInterval: STATED_DEFAULTS.qmtpingInterval,
    sendMode: d.sendMode,
    hwTimeEnable: d.hwTimeEnable,
    dataformat: { sendMode: d.sendMode, recvMode: d.recvMode },
    viewMode: d.viewMode,
    editTimeout: { mode: d.editMode, time: d.editTime },
  };
  return withPowerUpFaults(documented, faults);
}

/** Six clients, index = client_idx (spec 3.3.1: 0~5). */
export function createDefaultConfigs(variant: VariantProfile, faults: FaultSet): ClientConfig[] {
  return Array.from({ length: 6 }, () => createDefaultClientConfig(variant, faults));
}
