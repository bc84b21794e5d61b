/**
 * What the core's own handlers see: the shared HandlerContext plus module-level state.
 * MQTT-side handlers get the same object typed as plain HandlerContext.
 */
import type { HandlerContext, ParsedCommand } from '../types';
import type { CoreSerialOut } from './command-output';
import type { ModuleState } from './module-state';

export interface CoreHandlerContext extends HandlerContext {
  readonly out: CoreSerialOut;
  readonly state: ModuleState;
  /** AT+CFUN=1,1: starts the reboot sequence (the caller has already answered OK). */
  reboot(): void;
}

export type CoreHandler = (command: ParsedCommand, ctx: CoreHandlerContext) => void | Promise<void>;
