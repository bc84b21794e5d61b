/**
 * AT+CFUN (3GPP 27.007). `AT+CFUN=1,1` reboots: OK first, then the module is deaf until the
 * power-up URCs (docs/field-evidence.md#power-up-urcs: `RDY`, `+CFUN: 1`, `+CPIN: READY`, `+QUSIM: 1`,
 * `+QIND: SMS DONE`, `APP RDY`). `AT+CFUN=0` / `=4` switch the radio off (no network: QMTOPEN
 * then reports result 5, spec 3.3.2), `AT+CFUN=1` back on; the read form reports the level.
 */
import type { CoreHandler } from '../../core/core-context';

export const handleCfun: CoreHandler = (command, ctx) => {
  if (command.form === 'test') {
    ctx.out.line('+CFUN: (0,1,4),(0,1)');
    return ctx.out.ok();
  }
  if (command.form === 'read') {
    ctx.out.line(`+CFUN: ${ctx.state.fun}`);
    return ctx.out.ok();
  }
  const [funArg, rstArg] = command.args;
  const fun = funArg && !funArg.quoted && /^[014]$/.test(funArg.text) ? Number(funArg.text) : undefined;
  const rst = rstArg === undefined ? 0 : !rstArg.quoted && /^[01]$/.test(rstArg.text) ? Number(rstArg.text) : undefined;
  if (command.form !== 'set' || command.args.length > 2 || fun === undefined || rst === undefined)
    return ctx.out.error();
  if (rst === 1 && (fun !== 1 || !ctx.variant.capabilities.reboot)) return ctx.out.error();
  ctx.out.ok();
  if (rst === 1) ctx.reboot();
  else ctx.state.fun = fun;
};
