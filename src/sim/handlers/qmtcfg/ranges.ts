/**
 * Parameter ranges of AT+QMTCFG (spec 3.3.1 "Parameters"). One table, used by the set checks
 * and by the test-form lines, so both always agree.
 */
export interface IntRange {
  readonly min: number;
  readonly max: number;
}

export const RANGE = {
  clientIdx: { min: 0, max: 5 }, // spec 3.3.1: <client_idx> 0~5
  vsn: [3, 4], // 3 = MQTT v3.1, 4 = v3.1.1
  cid: { min: 1, max: 15 },
  sslEnable: [0, 1],
  sslCtxIdx: { min: 0, max: 5 },
  keepAlive: { min: 0, max: 3600 },
  cleanSession: [0, 1],
  pktTimeout: { min: 1, max: 60 },
  retryTimes: { min: 0, max: 10 },
  timeoutNotice: [0, 1],
  willFg: [0, 1],
  willQos: { min: 0, max: 2 },
  willRetain: [0, 1],
  willTopicBytes: { min: 1, max: 256 },
  willMessageBytes: { min: 0, max: 256 },
  willLen: { min: 0, max: 256 },
  msgRecvMode: [0, 1],
  msgLenEnable: [0, 1],
  qmtpingInterval: { min: 5, max: 60 },
  sendMode: [0, 1],
  recvMode: [0, 1],
  viewMode: [0, 1],
  editMode: [0, 1],
  editTime: { min: 1, max: 120 },
  hwTimeEnable: [0, 1],
} as const satisfies Record<string, IntRange | readonly number[]>;

/** Quectel style: a range prints as `(0-5)`, a list as `(3,4)`. */
export function formatRange(range: IntRange | readonly number[]): string {
  if (Array.isArray(range)) return `(${range.join(',')})`;
  const r = range as IntRange;
  return `(${r.min}-${r.max})`;
}

export function inRange(value: number, range: IntRange | readonly number[]): boolean {
  if (Array.isArray(range)) return range.includes(value);
  const r = range as IntRange;
  return value >= r.min && value <= r.max;
}
