/**
 * One AT+QMTCFG sub-option (spec 3.3.1): its query line(s) and its set behaviour.
 * `set` validates every argument before changing anything and returns false for ERROR.
 * `args` are the arguments after <client_idx>; never empty (empty = query).
 */
import type { AtArgument, ClientConfig } from '../../types';
import type { CoreHandlerContext } from '../../core/core-context';

export interface SubOption {
  /** Canonical lower-case name as in spec 3.3.1. */
  readonly name: string;
  /** The test-form line (spec 3.3.1 "Test Command"), without the `+QMTCFG: ` prefix. */
  testLine(ctx: CoreHandlerContext): string;
  /** Query response line, without the `+QMTCFG: ` prefix. */
  query(config: ClientConfig, ctx: CoreHandlerContext): string;
  /** True: the command is done (OK). False: ERROR. 'pending': the handler took over the output (prompt). */
  set(args: readonly AtArgument[], config: ClientConfig, ctx: CoreHandlerContext): boolean | 'pending';
  /** spec 3.3.1 / A10: "willex" has no "connection not created" condition. */
  readonly allowedWhileConnected?: boolean;
}
