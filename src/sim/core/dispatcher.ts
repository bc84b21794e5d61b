/**
 * The one switch from command name to handler. Names not listed are unknown commands
 * (plain ERROR). The MQTT commands go to the MQTT side's handler map; a command the MQTT side
 * does not implement is unknown too.
 */
import {
  handleAt,
  handleAti,
  handleCmee,
  handleEcho,
  handleImei,
  handleRevision,
} from '../handlers/basic/basic-commands';
import { handleCfun } from '../handlers/basic/cfun';
import { handleCclk, handleCereg, handleCgact, handleCpin } from '../handlers/basic/network-status';
import { handleQfupl } from '../handlers/basic/qfupl';
import { handleQsslcfg } from '../handlers/basic/qsslcfg';
import { handleQmtcfg } from '../handlers/qmtcfg';
import type { CommandHandler } from '../types';
import type { CoreHandler } from './core-context';

export function findHandler(
  name: string,
  mqttHandlers: Readonly<Record<string, CommandHandler>>,
): CoreHandler | undefined {
  switch (name) {
    case '':
      return handleAt;
    case 'E':
    case 'E0':
    case 'E1':
      return handleEcho;
    case 'I':
    case 'I0':
      return handleAti;
    case '+GMR':
    case '+CGMR':
      return handleRevision;
    case '+CMEE':
      return handleCmee;
    case '+CGSN':
      return handleImei;
    case '+CFUN':
      return handleCfun;
    case '+CPIN':
      return handleCpin;
    case '+CEREG':
      return handleCereg;
    case '+CGACT':
      return handleCgact;
    case '+CCLK':
      return handleCclk;
    case '+QFUPL':
      return handleQfupl;
    case '+QSSLCFG':
      return handleQsslcfg;
    case '+QMTCFG':
      return handleQmtcfg;
    case '+QMTOPEN':
    case '+QMTCLOSE':
    case '+QMTCONN':
    case '+QMTDISC':
    case '+QMTSUB':
    case '+QMTUNS':
    case '+QMTPUBEX':
    case '+QMTRECV':
      // Own property only: a name such as "+CONSTRUCTOR" must not reach Object.prototype.
      return Object.prototype.hasOwnProperty.call(mqttHandlers, name) ? mqttHandlers[name] : undefined;
    default:
      return undefined;
  }
}
