/**
 * AT+QMTCFG cloud credentials: "aliauth", "onenet", "hwauth", "hwprodid" (spec 3.3.1; A12, A14).
 * The query before any set prints empty strings, so the line format stays the same.
 */
import type { AtArgument } from '../../types';
import type { CoreHandlerContext } from '../../core/core-context';
import { q, readIntIn, readString } from './arguments';
import { RANGE, formatRange as f } from './ranges';
import type { SubOption } from './sub-option';

const IDX = f(RANGE.clientIdx);

/**
 * Reads `count` quoted strings; undefined on a wrong count or type. A9: fewer than `count`
 * ("aliauth",0,"pk","dev") keep the previous values of the omitted ones (spec 3.1.1), or ERROR.
 */
function readStrings(
  args: readonly AtArgument[],
  count: number,
  previous: readonly string[],
  ctx: CoreHandlerContext,
): string[] | undefined {
  const given = args.slice(0, count).map((a) => readString(a));
  if (given.length === 0 || given.some((v) => v === undefined)) return undefined;
  if (given.length < count && ctx.variant.readings.A9 === 'error') return undefined;
  return [...(given as string[]), ...previous.slice(given.length)];
}

/** A14query: "[,<hw_time_enable>]" printed, or left out of the Huawei query answers. */
function hwTime(c: { hwTimeEnable: number }, ctx: CoreHandlerContext): string {
  return ctx.variant.readings.A14query === 'printed' ? `,${c.hwTimeEnable}` : '';
}

/**
 * A14: <hw_time_enable> may trail the Huawei set parameters (profile reading
 * "trailing-optional"); otherwise the set takes exactly the documented strings.
 */
function readHwTime(args: readonly AtArgument[], count: number, ctx: CoreHandlerContext): number | undefined | false {
  if (args.length <= count) return undefined;
  if (args.length !== count + 1 || ctx.variant.readings.A14 !== 'trailing-optional') return false;
  const value = readIntIn(args[count], RANGE.hwTimeEnable);
  return value === undefined ? false : value;
}

export const aliauth: SubOption = {
  name: 'aliauth',
  testLine: () => `"aliauth",${IDX},"product key","device name","device secret"`,
  query(c) {
    const a = c.aliauth ?? { productKey: '', deviceName: '', deviceSecret: '' };
    return `"aliauth",${q(a.productKey)},${q(a.deviceName)},${q(a.deviceSecret)}`;
  },
  set(args, c, ctx) {
    const a = c.aliauth ?? { productKey: '', deviceName: '', deviceSecret: '' };
    const v = args.length <= 3 ? readStrings(args, 3, [a.productKey, a.deviceName, a.deviceSecret], ctx) : undefined;
    if (!v) return false;
    c.aliauth = { productKey: v[0], deviceName: v[1], deviceSecret: v[2] };
    return true;
  },
};

export const onenet: SubOption = {
  name: 'onenet',
  testLine: () => `"onenet",${IDX},"product id","access key"`,
  query(c) {
    const o = c.onenet ?? { productId: '', accessKey: '' };
    return `"onenet",${q(o.productId)},${q(o.accessKey)}`;
  },
  set(args, c, ctx) {
    const o = c.onenet ?? { productId: '', accessKey: '' };
    const v = args.length <= 2 ? readStrings(args, 2, [o.productId, o.accessKey], ctx) : undefined;
    if (!v) return false;
    c.onenet = { productId: v[0], accessKey: v[1] };
    return true;
  },
};

export const hwauth: SubOption = {
  name: 'hwauth',
  testLine: () => `"hwauth",${IDX},"product id","device secret"`,
  query(c, ctx) {
    const h = c.hwauth ?? { productId: '', deviceSecret: '' };
    return `"hwauth",${q(h.productId)},${q(h.deviceSecret)}${hwTime(c, ctx)}`;
  },
  set(args, c, ctx) {
    const h = c.hwauth ?? { productId: '', deviceSecret: '' };
    const v = readStrings(args, 2, [h.productId, h.deviceSecret], ctx);
    const hwTime = readHwTime(args, 2, ctx);
    if (!v || hwTime === false) return false;
    c.hwauth = { productId: v[0], deviceSecret: v[1] };
    if (hwTime !== undefined) c.hwTimeEnable = hwTime;
    return true;
  },
};

export const hwprodid: SubOption = {
  name: 'hwprodid',
  testLine: () => `"hwprodid",${IDX},"product id","product secret","nodeid"`,
  query(c, ctx) {
    const h = c.hwprodid ?? { productId: '', productSecret: '', nodeId: '' };
    return `"hwprodid",${q(h.productId)},${q(h.productSecret)},${q(h.nodeId)}${hwTime(c, ctx)}`;
  },
  set(args, c, ctx) {
    const h = c.hwprodid ?? { productId: '', productSecret: '', nodeId: '' };
    const v = readStrings(args, 3, [h.productId, h.productSecret, h.nodeId], ctx);
    const hwTime = readHwTime(args, 3, ctx);
    if (!v || hwTime === false) return false;
    c.hwprodid = { productId: v[0], productSecret: v[1], nodeId: v[2] };
    if (hwTime !== undefined) c.hwTimeEnable = hwTime;
    return true;
  },
};
