/**
 * AT+QMTCFG (spec 3.3.1). Test form lists the sub-options this variant implements; set form
 * with only <client_idx> queries, with more parameters configures. Answers at once (maximum
 * response time 300 ms; the simulator takes zero virtual time).
 */
import type { ClientConfig, ParsedCommand } from '../../types';
import type { CoreHandlerContext } from '../../core/core-context';
import { readInt } from './arguments';
import { createDefaultClientConfig } from './defaults';
import { acceptedRange } from '../../faults/range-faults';
import { inRange } from './ranges';
import type { SubOption } from './sub-option';
import { SUB_OPTIONS } from './sub-options';

function implemented(ctx: CoreHandlerContext): SubOption[] {
  const names = new Set(ctx.variant.capabilities.subOptions);
  return SUB_OPTIONS.filter((o) => names.has(o.name));
}

function findSubOption(name: string, ctx: CoreHandlerContext): SubOption | undefined {
  // A34: "SSL" in example 5.2 — case-insensitive, or lower case only, per profile.
  const wanted = ctx.variant.readings.A34 === 'case-insensitive' ? name.toLowerCase() : name;
  return implemented(ctx).find((o) => o.name === wanted);
}

function testForm(ctx: CoreHandlerContext): void {
  const lines = implemented(ctx).map((option) => option.testLine(ctx));
  for (const line of layoutTestLines(lines, ctx)) ctx.out.line(`+QMTCFG: ${line}`);
  ctx.out.ok();
}

/**
 * Reading test-form-layout "reformatted" (EC600S, docs/field-evidence.md#ec600s-test-form-listing): the same ranges without the
 * note's typesetting spaces, "keepalive" moved to the end and an extra "CTWing" line that the
 * note does not have. Nothing that the note fixes (a range, a list, a sub-option) changes.
 */
function layoutTestLines(lines: string[], ctx: CoreHandlerContext): string[] {
  if (ctx.variant.readings['test-form-layout'] !== 'reformatted') return lines;
  const compact = lines.map((l) => l.replace(/, /g, ','));
  const moved = compact.filter((l) => l.startsWith('"keepalive"'));
  return [
    ...compact.filter((l) => !l.startsWith('"keepalive"')),
    '"CTWing",(0-5),"client_id","feature_string"',
    ...moved,
  ];
}

function clientIdxValid(idx: number | undefined, ctx: CoreHandlerContext): idx is number {
  return idx !== undefined && inRange(idx, acceptedRange('clientIdx', ctx.faults));
}

export async function handleQmtcfg(command: ParsedCommand, ctx: CoreHandlerContext): Promise<void> {
  if (command.form === 'test') return testForm(ctx);
  if (command.form !== 'set') return ctx.out.error(); // spec: "Query / Execution Command: none defined"

  const [nameArg, idxArg, ...rest] = command.args;
  const option = nameArg?.quoted ? findSubOption(nameArg.text, ctx) : undefined;
  // Fault: a C-style lenient read of <client_idx> ("x" → 0, "-1" → 1) instead of ERROR.
  const lenient =
    ctx.faults.at('qmtcfg.client-idx-parse') && idxArg && !idxArg.quoted
      ? Math.abs(parseInt(idxArg.text, 10) || 0)
      : undefined;
  const idx = readInt(idxArg) ?? lenient;
  if (!option || !clientIdxValid(idx, ctx)) return ctx.out.error();
  const config = configFor(idx, ctx);

  if (rest.length === 0) {
    ctx.out.line(`+QMTCFG: ${option.query(config, ctx)}`);
    // A13: the "qmtping" query ends with OK, or without any final result.
    if (option.name === 'qmtping' && ctx.variant.readings.A13 === 'no-ok') return ctx.out.endSilently();
    return ctx.out.ok();
  }

  // spec 3.3.1: sets only "if the MQTT connection has not been created". A10: created by a successful
  // AT+QMTOPEN, or by the CONNECT of AT+QMTCONN; after CONNECT every reading refuses.
  const created =
    ctx.variant.readings.A10 === 'after-open' ? ctx.mqtt.hasConnection(idx) : ctx.mqtt.hasSentConnect(idx);
  // A10willex: "willex" has no such condition in the note; accepted while connected, or refused like the others.
  const exempt = option.allowedWhileConnected && ctx.variant.readings.A10willex === 'accepted';
  const refuse =
    idx < 6 &&
    !exempt &&
    !ctx.faults.at('qmtcfg.refuse-while-connected') &&
    (ctx.mqtt.hasSentConnect(idx) ? !ctx.faults.at('qmtcfg.refuse-after-connect') : created);
  if (refuse) {
    // Fault: the firmware stores the value before it checks the connection, then answers ERROR.
    if (ctx.faults.at('qmtcfg.refused-set-stores') && option.name !== 'willex') option.set(rest, config, ctx);
    return ctx.out.error();
  }

  // Fault: the firmware stores nothing (it sets a scratch copy) but answers as if it had.
  const target = ctx.faults.at('qmtcfg.set-stores') ? structuredClone(config) : config;
  const result = option.set(rest, target, ctx);
  // Fault: a rejected value is swallowed and answered OK (validation without an error path).
  if (result === true || (result === false && ctx.faults.at('qmtcfg.rejected-set-answer'))) ctx.out.ok();
  else if (result === false) ctx.out.error();
}

/** Client 6 exists only under its fault; it gets a fresh power-up configuration each time. */
function configFor(idx: number, ctx: CoreHandlerContext): ClientConfig {
  return ctx.config[idx] ?? createDefaultClientConfig(ctx.variant, ctx.faults);
}
