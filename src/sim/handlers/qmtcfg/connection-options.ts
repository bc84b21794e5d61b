/**
 * AT+QMTCFG sub-options that shape the connection: "version", "pdpcid", "ssl", "keepalive",
 * "session", "timeout" (spec 3.3.1).
 */
import { readIntIn } from './arguments';
import { acceptedRange } from '../../faults/range-faults';
import { RANGE, formatRange as f } from './ranges';
import { singleValueOption } from './single-value-option';
import type { SubOption } from './sub-option';

const IDX = f(RANGE.clientIdx);

export const version = singleValueOption({
  name: 'version',
  field: 'vsn',
  range: RANGE.vsn,
  widenable: 'vsn',
});

export const pdpcid = singleValueOption({
  name: 'pdpcid',
  field: 'cid',
  range: RANGE.cid,
  widenable: 'cid',
});

export const ssl: SubOption = {
  name: 'ssl',
  testLine: () => `"ssl",${IDX},${f(RANGE.sslEnable)},${f(RANGE.sslCtxIdx)}`,
  // ssl-query: "[,<SSL_ctx_idx>]" printed always, or only while SSL is on.
  query: (c, ctx) =>
    ctx.variant.readings['ssl-query'] === 'ctx-when-enabled' && c.sslEnable === 0
      ? `"ssl",0`
      : `"ssl",${c.sslEnable},${c.sslCtxIdx}`,
  set(args, c, ctx) {
    if (args.length > 2) return false;
    const enable = readIntIn(args[0], RANGE.sslEnable);
    if (enable === undefined) return false;
    // A9: "ssl",idx,<SSL_enable> without <SSL_ctx_idx> keeps the previous index, or ERROR.
    if (args.length === 1) {
      if (ctx.variant.readings.A9 === 'error') return false;
      c.sslEnable = enable;
      return true;
    }
    const ctxIdx = readIntIn(args[1], acceptedRange('sslCtxIdx', ctx.faults));
    if (ctxIdx === undefined) return false;
    c.sslEnable = enable;
    c.sslCtxIdx = ctxIdx;
    return true;
  },
};

export const keepalive = singleValueOption({
  name: 'keepalive',
  field: 'keepAlive',
  range: RANGE.keepAlive,
  widenable: 'keepAlive',
});

export const session = singleValueOption({ name: 'session', field: 'cleanSession', range: RANGE.cleanSession });

export const timeout: SubOption = {
  name: 'timeout',
  testLine: () => `"timeout",${IDX},${f(RANGE.pktTimeout)},${f(RANGE.retryTimes)},${f(RANGE.timeoutNotice)}`,
  query: (c) => `"timeout",${c.pktTimeout},${c.retryTimes},${c.timeoutNotice}`,
  // The three values share one bracket in the syntax. A9: given in part ("timeout",0,5), the
  // omitted ones keep their previous values (spec 3.1.1), or the set is ERROR.
  set(args, c, ctx) {
    if (args.length > 3 || (args.length < 3 && ctx.variant.readings.A9 === 'error')) return false;
    const pkt = readIntIn(args[0], acceptedRange('pktTimeout', ctx.faults));
    const retry = args.length > 1 ? readIntIn(args[1], acceptedRange('retryTimes', ctx.faults)) : c.retryTimes;
    const notice = args.length > 2 ? readIntIn(args[2], RANGE.timeoutNotice) : c.timeoutNotice;
    if (pkt === undefined || retry === undefined || notice === undefined) return false;
    c.pktTimeout = pkt;
    c.retryTimes = retry;
    c.timeoutNotice = notice;
    return true;
  },
};
