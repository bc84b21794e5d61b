/**
 * V.25ter basics every Quectel module answers: AT, ATE0/ATE1, ATI, AT+GMR/AT+CGMR, AT+CMEE.
 * Not in the MQTT note; the harness uses them to identify and prepare the module.
 */
import type { CoreHandler } from '../../core/core-context';

export const handleAt: CoreHandler = (_command, ctx) => ctx.out.ok();

/** ATE / ATE0: echo off; ATE1: echo on. The echo of this very line already happened. */
export const handleEcho: CoreHandler = (command, ctx) => {
  const value = command.name === 'E' ? 0 : Number(command.name.slice(1));
  if (value !== 0 && value !== 1) return ctx.out.error();
  ctx.state.echo = value === 1;
  ctx.out.ok();
};

/** ATI: manufacturer, model, `Revision: <rev>`, then OK (the Quectel layout). */
export const handleAti: CoreHandler = (command, ctx) => {
  if (command.name !== 'I' && command.name !== 'I0') return ctx.out.error();
  ctx.out.line(ctx.variant.manufacturer);
  ctx.out.line(ctx.variant.model);
  ctx.out.line(`Revision: ${ctx.variant.revision}`);
  ctx.out.ok();
};

/** AT+GMR / AT+CGMR: the firmware revision, then OK; `=?` answers OK. */
export const handleRevision: CoreHandler = (command, ctx) => {
  if (command.form === 'test') return ctx.out.ok();
  if (command.form !== 'exec') return ctx.out.error();
  ctx.out.line(ctx.variant.revision);
  ctx.out.ok();
};

/**
 * AT+CMEE=<n> (3GPP 27.007): 0 plain ERROR, 1 `+CME ERROR: <code>`, 2 verbose text.
 * Syntax errors and unknown commands stay plain ERROR in every mode (V.25ter command-line
 * errors are not ME errors); handler errors, QMT commands included, follow CMEE.
 */
export const handleCmee: CoreHandler = (command, ctx) => {
  if (command.form === 'test') {
    ctx.out.line('+CMEE: (0-2)');
    return ctx.out.ok();
  }
  if (command.form === 'read') {
    ctx.out.line(`+CMEE: ${ctx.state.cmee}`);
    return ctx.out.ok();
  }
  const arg = command.args[0];
  if (command.form !== 'set' || command.args.length !== 1 || arg.quoted || !/^[0-2]$/.test(arg.text)) {
    return ctx.out.error();
  }
  ctx.state.cmee = Number(arg.text);
  ctx.out.ok();
};

/**
 * AT+CGSN (3GPP 27.007): the IMEI, then OK. The simulator's IMEI is made from the model name so
 * every variant reports a stable, valid-looking 15-digit number (test TAC 35-000000).
 */
export const handleImei: CoreHandler = (command, ctx) => {
  if (command.form === 'test') return ctx.out.ok();
  if (command.form !== 'exec') return ctx.out.error();
  const serial = [...ctx.variant.model].reduce((sum, ch) => (sum * 31 + ch.charCodeAt(0)) % 1_000_000, 7);
  ctx.out.line(`35000000${String(serial).padStart(6, '0')}${luhnDigit(`35000000${String(serial).padStart(6, '0')}`)}`);
  ctx.out.ok();
};

/** IMEI check digit (Luhn), so the number passes the checks a rig database applies. */
function luhnDigit(digits: string): number {
  let sum = 0;
  [...digits].reverse().forEach((d, i) => {
    let n = Number(d) * (i % 2 === 0 ? 2 : 1);
    if (n > 9) n -= 9;
    sum += n;
  });
  return (10 - (sum % 10)) % 10;
}
