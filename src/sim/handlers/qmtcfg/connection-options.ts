/**
 * AT+QMTCFG sub-options that shape the connection: "version", "pdpcid", "ssl", "keepalive",
 * "session", "timeout" (spec 3.3.1).
 */
import { readIntIn } from './arguments';
import { RANGE, formatRange as f } from './ranges';
import type { SubOption } from './sub-option';

const IDX = f(RANGE.clientIdx);

export const version: SubOption = {
  name: 'version',
  testLine: () => `"version",${IDX},${f(RANGE.vsn)}`,
  // Fault: the query reports the power-up value, not the configured one.
  query: (c, ctx) => `"version",${ctx.faults.has('version-query-reports-default') ? ctx.variant.defaults.vsn : c.vsn}`,
  set(args, c, ctx) {
    const vsn = readIntIn(args[0], ctx.faults.has('vsn-accepts-5') ? [3, 4, 5] : RANGE.vsn);
    if (args.length !== 1 || vsn === undefined) return false;
    c.vsn = vsn;
    return true;
  },
};

export const pdpcid: SubOption = {
  name: 'pdpcid',
  testLine: () => `"pdpcid",${IDX},${f(RANGE.cid)}`,
  query: (c) => `"pdpcid",${c.cid}`,
  set(args, c, ctx) {
    const cid = readIntIn(args[0], ctx.faults.has('cid-accepts-16') ? { min: 1, max: 16 } : RANGE.cid);
    if (args.length !== 1 || cid === undefined) return false;
    c.cid = cid;
    return true;
  },
};

export const ssl: SubOption = {
  name: 'ssl',
  testLine: () => `"ssl",${IDX},${f(RANGE.sslEnable)},${f(RANGE.sslCtxIdx)}`,
  // The query prints both values always ("[,<SSL_ctx_idx>]" left open; see profiles.ts).
  query: (c) => `"ssl",${c.sslEnable},${c.sslCtxIdx}`,
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
    const ctxIdx = readIntIn(args[1], ctx.faults.has('ssl-ctx-accepts-6') ? { min: 0, max: 6 } : RANGE.sslCtxIdx);
    if (ctxIdx === undefined) return false;
    c.sslEnable = enable;
    c.sslCtxIdx = ctxIdx;
    return true;
  },
};

export const keepalive: SubOption = {
  name: 'keepalive',
  testLine: () => `"keepalive",${IDX},${f(RANGE.keepAlive)}`,
  query: (c) => `"keepalive",${c.keepAlive}`,
  set(args, c, ctx) {
    const range = ctx.faults.has('keepalive-accepts-3601') ? { min: 0, max: 3601 } : RANGE.keepAlive;
    const seconds = readIntIn(args[0], range);
    if (args.length !== 1 || seconds === undefined) return false;
    c.keepAlive = seconds;
    return true;
  },
};

export const session: SubOption = {
  name: 'session',
  testLine: () => `"session",${IDX},${f(RANGE.cleanSession)}`,
  query: (c) => `"session",${c.cleanSession}`,
  set(args, c) {
    const clean = readIntIn(args[0], RANGE.cleanSession);
    if (args.length !== 1 || clean === undefined) return false;
    c.cleanSession = clean;
    return true;
  },
};

export const timeout: SubOption = {
  name: 'timeout',
  testLine: () => `"timeout",${IDX},${f(RANGE.pktTimeout)},${f(RANGE.retryTimes)},${f(RANGE.timeoutNotice)}`,
  query: (c) => `"timeout",${c.pktTimeout},${c.retryTimes},${c.timeoutNotice}`,
  // The three values share one bracket in the syntax, so they come together or not at all.
  set(args, c, ctx) {
    if (args.length !== 3) return false;
    const pkt = readIntIn(args[0], ctx.faults.has('pkt-timeout-accepts-0') ? { min: 0, max: 60 } : RANGE.pktTimeout);
    const retry = readIntIn(args[1], ctx.faults.has('retry-times-accepts-11') ? { min: 0, max: 11 } : RANGE.retryTimes);
    const notice = readIntIn(args[2], RANGE.timeoutNotice);
    if (pkt === undefined || retry === undefined || notice === undefined) return false;
    c.pktTimeout = pkt;
    c.retryTimes = retry;
    c.timeoutNotice = notice;
    return true;
  },
};
