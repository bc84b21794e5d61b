/**
 * What the host told the module about <msg_len_enable> (spec 3.3.1 "recv/mode"), read from the
 * commands it sent and their answers, so the digester knows whether +QMTRECV of a client carries
 * <payload_len> instead of guessing from the bytes (`+QMTRECV: 0,0,"t",12,34` is ambiguous).
 */
import { splitOutsideQuotes } from './line-kinds';
import type { AtResponse } from './types';

export interface RecvLengthSetting {
  readonly clientIdx: number;
  /** true: msg_len_enable 1; false: 0; undefined: not said (omitted), so no longer known. */
  readonly present: boolean | undefined;
}

const RECV_MODE = /^AT\+QMTCFG="recv\/mode",(.*)$/i;

/**
 * `AT+QMTCFG="recv/mode",<idx>,<mode>[,<len>]` answered OK sets it; the query form
 * `AT+QMTCFG="recv/mode",<idx>` answered `+QMTCFG: "recv/mode",<mode>,<len>` reports it.
 */
export function recvLengthSetting(response: AtResponse): RecvLengthSetting | undefined {
  if (response.final.kind !== 'OK') return undefined;
  const match = RECV_MODE.exec(response.command.trim());
  if (!match) return undefined;
  const args = splitOutsideQuotes(match[1]).map((a) => a.trim());
  const clientIdx = Number(args[0]);
  if (!/^\d+$/.test(args[0] ?? '')) return undefined;
  if (args.length >= 3) return { clientIdx, present: flag(args[2]) };
  if (args.length === 2) return { clientIdx, present: undefined };
  const answer = response.lines.find((l) => /^\+QMTCFG:\s*"recv\/mode"/i.test(l));
  if (!answer) return undefined;
  const fields = splitOutsideQuotes(answer.slice(answer.indexOf(':') + 1).trim()).map((f) => f.trim());
  return fields.length >= 3 ? { clientIdx, present: flag(fields[2]) } : undefined;
}

function flag(text: string | undefined): boolean | undefined {
  if (text === '1') return true;
  if (text === '0') return false;
  return undefined;
}

/** AT+CFUN=1,1 (and AT+CFUN=0/1) answered OK: the module restarts, settings go back to defaults. */
export function restartsModule(response: AtResponse): boolean {
  return response.final.kind === 'OK' && /^AT\+CFUN=1,1\s*$/i.test(response.command.trim());
}
