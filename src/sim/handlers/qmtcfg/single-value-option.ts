/**
 * The AT+QMTCFG sub-options that hold one integer (spec 3.3.1 "version", "pdpcid", "keepalive",
 * "session", "qmtping", "view/mode"): one query line, one checked set. ("send/mode" also
 * writes "dataformat" under reading A15, so it keeps its own definition.)
 */
import { acceptedRange, type WidenedRangeName } from '../../faults/range-faults';
import type { ClientConfig } from '../../types';
import { readIntIn } from './arguments';
import { formatRange, RANGE, type IntRange } from './ranges';
import type { SubOption } from './sub-option';

type IntField = { [K in keyof ClientConfig]-?: ClientConfig[K] extends number ? K : never }[keyof ClientConfig];

export interface SingleValueSpec {
  name: string;
  field: IntField;
  /** The note's range, as the test form (=?) lists it. */
  range: IntRange | readonly number[];
  /** The set form checks the range of ../../faults/range-faults.ts by this name (a range fault can widen it). */
  widenable?: WidenedRangeName;
}

export function singleValueOption(spec: SingleValueSpec): SubOption {
  return {
    name: spec.name,
    testLine: () => `"${spec.name}",${formatRange(RANGE.clientIdx)},${formatRange(spec.range)}`,
    query: (c) => `"${spec.name}",${c[spec.field]}`,
    set(args, c, ctx) {
      const range = spec.widenable ? acceptedRange(spec.widenable, ctx.faults) : spec.range;
      const value = readIntIn(args[0], range);
      if (args.length !== 1 || value === undefined) return false;
      c[spec.field] = value;
      return true;
    },
  };
}
