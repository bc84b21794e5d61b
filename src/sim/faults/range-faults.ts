/**
 * Faults that widen a documented parameter range by one value, as data: the set checks ask
 * `acceptedRange(name, …)` and get the note's range, or the faulty firmware's wider one.
 * The ranges printed by the test forms stay the note's (those faults are answer faults).
 */
import { RANGE, type IntRange } from '../handlers/qmtcfg/ranges';
import type { FaultSet } from '../types';
import type { HookOf } from './catalog';

type Range = IntRange | readonly number[];

interface WidenedRange {
  /** The hook of the fault that widens this range (./catalog.ts). */
  readonly hook: HookOf<'range'>;
  /** The note's range (the AT+QMTCFG table of ./ranges.ts where there is one) and what the fault accepts. */
  readonly documented: Range;
  readonly accepted: Range;
}

export const WIDENED_RANGES = {
  // spec 3.3.1 <client_idx> 0~5
  clientIdx: { hook: 'range.client-idx', documented: RANGE.clientIdx, accepted: { min: 0, max: 6 } },
  // spec 3.3.1 "version" <vsn> 3 or 4
  vsn: { hook: 'range.vsn', documented: RANGE.vsn, accepted: [3, 4, 5] },
  // spec 3.3.1 "pdpcid" <cid> 1~15
  cid: { hook: 'range.cid', documented: RANGE.cid, accepted: { min: 1, max: 16 } },
  // spec 3.3.1 "ssl" <SSL_ctx_idx> 0~5
  sslCtxIdx: { hook: 'range.ssl-ctx-idx', documented: RANGE.sslCtxIdx, accepted: { min: 0, max: 6 } },
  // spec 3.3.1 "keepalive" <keep_alive_time> 0~3600
  keepAlive: { hook: 'range.keepalive', documented: RANGE.keepAlive, accepted: { min: 0, max: 3601 } },
  // spec 3.3.1 "timeout" <pkt_timeout> 1~60, <retry_times> 0~10
  pktTimeout: { hook: 'range.pkt-timeout', documented: RANGE.pktTimeout, accepted: { min: 0, max: 60 } },
  retryTimes: { hook: 'range.retry-times', documented: RANGE.retryTimes, accepted: { min: 0, max: 11 } },
  // spec 3.3.1 "will" <willtopic> / <willmessage> up to 256 bytes, "willex" <will_len> 0~256
  willTopicBytes: { hook: 'range.willtopic', documented: RANGE.willTopicBytes, accepted: { min: 1, max: 257 } },
  willMessageBytes: { hook: 'range.willmessage', documented: RANGE.willMessageBytes, accepted: { min: 0, max: 257 } },
  willLen: { hook: 'range.will-len', documented: RANGE.willLen, accepted: { min: 0, max: 257 } },
  // spec 3.3.1 "qmtping" <qmtping_interval> 5~60
  qmtpingInterval: { hook: 'range.qmtping', documented: RANGE.qmtpingInterval, accepted: { min: 4, max: 60 } },
  // spec 3.3.1 "edit/timeout" <edit_time> 1~120
  editTime: { hook: 'range.edit-time', documented: RANGE.editTime, accepted: { min: 0, max: 120 } },
  // spec 3.3.6 <msgid> 1~65535
  subscribeMsgid: { hook: 'range.qmtsub-msgid', documented: { min: 1, max: 65535 }, accepted: { min: 0, max: 65535 } },
} as const satisfies Record<string, WidenedRange>;

export type WidenedRangeName = keyof typeof WIDENED_RANGES;

type RangeOf<N extends WidenedRangeName> =
  (typeof WIDENED_RANGES)[N]['documented'] | (typeof WIDENED_RANGES)[N]['accepted'];

/** The range a set check must use for `name`: the note's, or the wider one while its fault is on. */
export function acceptedRange<N extends WidenedRangeName>(name: N, faults: FaultSet): RangeOf<N> {
  const entry = WIDENED_RANGES[name];
  return faults.at(entry.hook) ? entry.accepted : entry.documented;
}
