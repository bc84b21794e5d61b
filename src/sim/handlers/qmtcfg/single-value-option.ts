/**
 * The AT+QMTCFG sub-options that hold one integer (spec 3.3.1 "version", "pdpcid", "keepalive",
 * "session", "qmtping", "view/mode"): one query line, one checked set. ("send/mode" also
 * writes "dataformat" under reading A15, so it keeps its own definition.)
 */
import type { FaultId } from '../../faults/catalog';
import type { ClientConfig } from '../../types';
import type { CoreHandlerContext } from '../../core/core-context';
import { readIntIn } from './arguments';
import { formatRange, RANGE, type IntRange } from './ranges';
import type { SubOption } from './sub-option';

type IntField = { [K in keyof ClientConfig]-?: ClientConfig[K] extends number ? K : never }[keyof ClientConfig];

export interface SingleValueSpec {
  name: string;
  field: IntField;
  range: IntRange | readonly number[];
  /** A range fault: with `fault` on, the firmware accepts `range` instead. */
  widened?: { fault: FaultId; range: IntRange | readonly number[] };
  /** A query fault: what the faulty firmware reports instead. */
  misreported?: { fault: FaultId; value: (config: ClientConfig, ctx: CoreHandlerContext) => number };
  /** A listing fault: with `fault` on, the test form (=?) prints `range` instead. */
  misListed?: { fault: FaultId; range: IntRange | readonly number[] };
}

export function singleValueOption(spec: SingleValueSpec): SubOption {
  return {
    name: spec.name,
    testLine(ctx) {
      const listed = spec.misListed && ctx.faults.has(spec.misListed.fault) ? spec.misListed.range : spec.range;
      return `"${spec.name}",${formatRange(RANGE.clientIdx)},${formatRange(listed)}`;
    },
    query(c, ctx) {
      const wrong = spec.misreported && ctx.faults.has(spec.misreported.fault);
      return `"${spec.name}",${wrong ? spec.misreported!.value(c, ctx) : c[spec.field]}`;
    },
    set(args, c, ctx) {
      const range = spec.widened && ctx.faults.has(spec.widened.fault) ? spec.widened.range : spec.range;
      const value = readIntIn(args[0], range);
      if (args.length !== 1 || value === undefined) return false;
      c[spec.field] = value;
      return true;
    },
  };
}
