/**
 * What `qmt doctor` asks a module before a run (3GPP 27.007), answered as a module with a SIM,
 * registered on its home network, with PDP context 1 active: AT+CPIN? (SIM), AT+CEREG? (EPS
 * registration), AT+CGACT? (PDP contexts), AT+CCLK? (the module's clock). The simulated
 * network is always there; a radio switched off (AT+CFUN=0/4) deregisters and deactivates.
 */
import type { CoreHandler } from '../../core/core-context';

export const handleCpin: CoreHandler = (command, ctx) => {
  if (command.form === 'test') return ctx.out.ok();
  if (command.form !== 'read') return ctx.out.error();
  ctx.out.line('+CPIN: READY');
  ctx.out.ok();
};

/** <n>,<stat>: n=0 (no unsolicited codes), stat 1 registered home, 0 not registered. */
export const handleCereg: CoreHandler = (command, ctx) => {
  if (command.form === 'test') {
    ctx.out.line('+CEREG: (0-2,4)');
    return ctx.out.ok();
  }
  if (command.form !== 'read') return ctx.out.error();
  ctx.out.line(`+CEREG: 0,${ctx.state.fun === 1 ? 1 : 0}`);
  ctx.out.ok();
};

/** <cid>,<state> for context 1 (the pdpcid default, spec 3.3.1). */
export const handleCgact: CoreHandler = (command, ctx) => {
  if (command.form === 'test') {
    ctx.out.line('+CGACT: (0,1)');
    return ctx.out.ok();
  }
  if (command.form !== 'read') return ctx.out.error();
  ctx.out.line(`+CGACT: 1,${ctx.state.fun === 1 ? 1 : 0}`);
  ctx.out.ok();
};

/** "yy/MM/dd,hh:mm:ss±zz" (zz in quarters of an hour); the simulated module keeps UTC. */
export const handleCclk: CoreHandler = (command, ctx) => {
  if (command.form === 'test') return ctx.out.ok();
  if (command.form !== 'read') return ctx.out.error();
  const d = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  const text = `${two(d.getUTCFullYear() % 100)}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())},${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}+00`;
  ctx.out.line(`+CCLK: "${text}"`);
  ctx.out.ok();
};
