/**
 * The power-up URC sequence after AT+CFUN=1,1 (docs/field-evidence.md#power-up-urcs: `RDY`, then `+CFUN: 1`,
 * `+CPIN: READY`, `+QUSIM: 1`, `+QIND: SMS DONE`, later `APP RDY`). Offsets are after `RDY`.
 */
export const POWER_UP_URCS: readonly { readonly afterRdyMs: number; readonly text: string }[] = [
  { afterRdyMs: 0, text: 'RDY' },
  { afterRdyMs: 100, text: '+CFUN: 1' },
  { afterRdyMs: 200, text: '+CPIN: READY' },
  { afterRdyMs: 300, text: '+QUSIM: 1' },
  { afterRdyMs: 1000, text: '+QIND: SMS DONE' },
  { afterRdyMs: 1500, text: 'APP RDY' },
];

/** Default delay from the OK of AT+CFUN=1,1 to `RDY` when the profile does not give one. */
export const DEFAULT_REBOOT_MS = 2000;
