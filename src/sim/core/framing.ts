/**
 * Response framing (spec 3.1.2): every response and URC line goes out as <CR><LF>text<CR><LF>.
 * The `>` prompt of QMTPUBEX / QMTCFG="willex" has no line ending at all (spec 3.3.8, 3.3.1).
 */
import type { FaultSet } from '../types';

export const PROMPT = Buffer.from('>', 'latin1');

/** The prompt as the profile frames it (`at.prompt`; spec 3.3.8 `>` when the profile says nothing). */
export function promptBytes(framing: string | undefined): Buffer {
  return framing === undefined ? PROMPT : Buffer.from(framing, 'latin1');
}

export function frameLine(text: string, faults: FaultSet): Buffer {
  // Fault: firmware that ends lines with <LF> only and sends no leading <CR><LF>.
  if (faults.at('framing.line-ends')) return Buffer.from(`${text}\n`, 'utf8');
  return Buffer.from(`\r\n${text}\r\n`, 'utf8');
}

/** Verbose texts for AT+CMEE=2 (3GPP 27.007 numbering, as Quectel uses it). */
const CME_TEXT: Readonly<Record<number, string>> = {
  3: 'operation not allowed',
  4: 'operation not supported',
  50: 'Incorrect parameters',
  407: 'file already exists',
  409: 'fail to write the file',
  421: 'time out',
};

/**
 * The final error result as AT+CMEE selects it. CMEE 0 → `ERROR` (what the note prints);
 * 1 → `+CME ERROR: <n>`; 2 → `+CME ERROR: <text>`.
 */
export function errorText(cmee: number, code: number): string {
  if (cmee === 1) return `+CME ERROR: ${code}`;
  if (cmee === 2) return `+CME ERROR: ${CME_TEXT[code] ?? 'unknown'}`;
  return 'ERROR';
}
