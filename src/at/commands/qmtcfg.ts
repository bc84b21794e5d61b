/**
 * spec 3.3.1 AT+QMTCFG: one set syntax per sub-option; answers within 300 ms with its final result
 * (no result URC); `"willex"` asks for the will message after a `>` prompt.
 */
import { fromNote } from './from-note';

export const qmtcfg = fromNote('AT+QMTCFG', {
  // spec 3.3.1 "aliauth" <device secret>, "onenet" <access key>, "hwauth" <device secret>,
  // "hwprodid" <product secret>: cloud credentials, never shown in a report.
  secretParameters: ['<device secret>', '<access key>', '<product secret>'],
});
