/**
 * Every AT command the harness knows, one descriptor each (one file per command of the note,
 * ./other-documents.ts for the rest). Adding a command is one descriptor and one line here; the
 * tables the AT client and the QMT host use follow from ./tables.ts.
 */
import { otherDocumentCommands } from './other-documents';
import { qmtcfg } from './qmtcfg';
import { qmtclose } from './qmtclose';
import { qmtconn } from './qmtconn';
import { qmtdisc } from './qmtdisc';
import { qmtopen } from './qmtopen';
import { qmtpubex } from './qmtpubex';
import { qmtrecv } from './qmtrecv';
import { qmtsub } from './qmtsub';
import { qmtuns } from './qmtuns';
import type { CommandDescriptor } from './types';

export const COMMANDS: readonly CommandDescriptor[] = [
  qmtcfg,
  qmtopen,
  qmtclose,
  qmtconn,
  qmtdisc,
  qmtsub,
  qmtuns,
  qmtpubex,
  qmtrecv,
  ...otherDocumentCommands,
];

const BY_NAME = new Map(COMMANDS.map((c) => [c.name, c]));

/**
 * The descriptor of a command name as the harness parses it (`+QMTCFG`, `E0`, `I`). A basic
 * command's number is its argument (V.25ter 5.3.1: `ATE0`, `ATI0`), so `E0` is the `E` command.
 */
export function commandDescriptor(name: string): CommandDescriptor | undefined {
  const upper = name.toUpperCase();
  const basic = /^([A-Z&]+)\d+$/.exec(upper);
  return BY_NAME.get(upper) ?? (basic ? BY_NAME.get(basic[1] as string) : undefined);
}

export type { CommandDescriptor } from './types';
