/**
 * Every AT command the simulated module knows, one entry each naming its handler: the core's
 * dispatcher (core/dispatcher.ts) looks names up here, and the MQTT side (mqtt/index.ts) builds its
 * handler map from the MQTT entries. A name not here is an unknown command (plain ERROR). Adding a
 * command is its handler file and one entry. The harness keeps its own descriptors (src/at/commands):
 * the simulator shares no code with it.
 */
import {
  handleAt,
  handleAti,
  handleCmee,
  handleEcho,
  handleImei,
  handleRevision,
} from './handlers/basic/basic-commands';
import { handleCfun } from './handlers/basic/cfun';
import { handleCclk, handleCereg, handleCgact, handleCpin } from './handlers/basic/network-status';
import { handleQfupl } from './handlers/basic/qfupl';
import { handleQsslcfg } from './handlers/basic/qsslcfg';
import { qmtCloseHandler } from './handlers/mqtt/qmtclose';
import { qmtConnHandler } from './handlers/mqtt/qmtconn';
import { qmtDiscHandler } from './handlers/mqtt/qmtdisc';
import { qmtOpenHandler } from './handlers/mqtt/qmtopen';
import { qmtPubexHandler } from './handlers/mqtt/qmtpubex';
import { qmtRecvHandler } from './handlers/mqtt/qmtrecv';
import { qmtSubHandler } from './handlers/mqtt/qmtsub';
import { qmtUnsHandler } from './handlers/mqtt/qmtuns';
import { handleQmtcfg } from './handlers/qmtcfg';
import type { CoreHandler } from './core/core-context';
import type { ClientSession } from './mqtt/session';
import type { CommandHandler } from './types';

/**
 * A command the core answers itself (module state, UFS, AT+QMTCFG), or one of the MQTT side, whose
 * handler is made once per module over its six client sessions.
 */
export type SimCommand =
  | { readonly side: 'core'; readonly handler: CoreHandler }
  | { readonly side: 'mqtt'; readonly handler: (sessions: readonly ClientSession[]) => CommandHandler };

const core = (handler: CoreHandler): SimCommand => ({ side: 'core', handler });
const mqtt = (handler: (sessions: readonly ClientSession[]) => CommandHandler): SimCommand => ({
  side: 'mqtt',
  handler,
});

/** By name as the core's parser gives it: `+QMTCFG`; basic commands with their number (`E0`). */
export const SIM_COMMANDS: ReadonlyMap<string, SimCommand> = new Map([
  ['', core(handleAt)],
  ['E', core(handleEcho)],
  ['E0', core(handleEcho)],
  ['E1', core(handleEcho)],
  ['I', core(handleAti)],
  ['I0', core(handleAti)],
  ['+GMR', core(handleRevision)],
  ['+CGMR', core(handleRevision)],
  ['+CMEE', core(handleCmee)],
  ['+CGSN', core(handleImei)],
  ['+CFUN', core(handleCfun)],
  ['+CPIN', core(handleCpin)],
  ['+CEREG', core(handleCereg)],
  ['+CGACT', core(handleCgact)],
  ['+CCLK', core(handleCclk)],
  ['+QFUPL', core(handleQfupl)],
  ['+QSSLCFG', core(handleQsslcfg)],
  ['+QMTCFG', core(handleQmtcfg)],
  ['+QMTOPEN', mqtt(qmtOpenHandler)],
  ['+QMTCLOSE', mqtt(qmtCloseHandler)],
  ['+QMTCONN', mqtt(qmtConnHandler)],
  ['+QMTDISC', mqtt(qmtDiscHandler)],
  ['+QMTSUB', mqtt(qmtSubHandler)],
  ['+QMTUNS', mqtt(qmtUnsHandler)],
  ['+QMTPUBEX', mqtt(qmtPubexHandler)],
  ['+QMTRECV', mqtt(qmtRecvHandler)],
]);

/** The MQTT side's handler map over one module's sessions. */
export function mqttHandlers(sessions: readonly ClientSession[]): Record<string, CommandHandler> {
  return Object.fromEntries(
    [...SIM_COMMANDS].flatMap(([name, command]) =>
      command.side === 'mqtt' ? [[name, command.handler(sessions)]] : [],
    ),
  );
}
