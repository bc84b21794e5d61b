/**
 * Faults that widen a documented parameter range by one value, as data: the set checks ask
 * `acceptedRange(name, …)` and get the note's range, or the faulty firmware's wider one.
 * The ranges printed by the test forms stay the note's (those faults are listed elsewhere).
 */
import { RANGE, type IntRange } from '../handlers/qmtcfg/ranges';
import type { FaultSet } from '../types';
import type { FaultId } from './catalog';

interface WidenedRange {
  readonly fault: FaultId;
  /** The note's range (the AT+QMTCFG table of ./ranges.ts where there is one) and what the fault accepts. */
  readonly documented: IntRange;
  readonly accepted: IntRange;
}

export const WIDENED_RANGES = {
  // spec 3.3.1 <client_idx> 0~5
  clientIdx: { fault: 'client-idx-6-accepted', documented: RANGE.clientIdx, accepted: { min: 0, max: 6 } },
  // spec 3.3.1 "ssl" <SSL_ctx_idx> 0~5
  sslCtxIdx: { fault: 'ssl-ctx-accepts-6', documented: RANGE.sslCtxIdx, accepted: { min: 0, max: 6 } },
  // spec 3.3.1 "timeout" <pkt_timeout> 1~60, <retry_times> 0~10
  pktTimeout: { fault: 'pkt-timeout-accepts-0', documented: RANGE.pktTimeout, accepted: { min: 0, max: 60 } },
  retryTimes: { fault: 'retry-times-accepts-11', documented: RANGE.retryTimes, accepted: { min: 0, max: 11 } },
  // spec 3.3.1 "will" <willtopic> / <willmessage> up to 256 bytes, "willex" <will_len> 0~256
  willTopicBytes: { fault: 'willtopic-accepts-257', documented: RANGE.willTopicBytes, accepted: { min: 1, max: 257 } },
  willMessageBytes: {
    fault: 'willmessage-accepts-257',
    documented: RANGE.willMessageBytes,
    accepted: { min: 0, max: 257 },
  },
  willLen: { fault: 'will-len-accepts-257', documented: RANGE.willLen, accepted: { min: 0, max: 257 } },
  // spec 3.3.1 "edit/timeout" <edit_time> 1~120
  editTime: { fault: 'edit-time-accepts-0', documented: RANGE.editTime, accepted: { min: 0, max: 120 } },
  // spec 3.3.6 <msgid> 1~65535
  subscribeMsgid: {
    fault: 'sub-msgid-zero-accepted',
    documented: { min: 1, max: 65535 },
    accepted: { min: 0, max: 65535 },
  },
} as const satisfies Record<string, WidenedRange>;

/** The range a set check must use for `name`: the note's, or the wider one while its fault is on. */
export function acceptedRange(name: keyof typeof WIDENED_RANGES, faults: FaultSet): IntRange {
  const entry: WidenedRange = WIDENED_RANGES[name];
  return faults.has(entry.fault) ? entry.accepted : entry.documented;
}
