/**
 * What the digester (src/at/digester.ts) is told and what it reports: its options, the events it
 * classifies the module's bytes into, and the state it keeps of the running command and of a
 * +QMTRECV being read.
 */
import type { CommandInfo, DataPrompt } from './command-info';
import type { RecvHeader } from './recv-layouts';
import type { FinalResult, RecvLayout, Urc } from './types';

export interface DigesterOptions {
  /** ATE1 in effect: the module echoes command lines (and prompted payloads). Default false. */
  echo?: boolean;
  /**
   * Whether +QMTRECV carries <payload_len> for a client the host has not configured with
   * AT+QMTCFG="recv/mode" (see setRecvLength). 'auto' (default): guessed from the bytes and
   * checked — a length must be followed by the line end after the payload, else the line is read
   * again without one. 'absent' / 'present': msg_len_enable known to be 0 / 1 (spec 3.3.1).
   */
  recvLengthField?: RecvLengthKnowledge;
}

export interface StartOptions {
  /** The command answers `>` before its final result (QMTPUBEX, QMTCFG="willex"). */
  expectPrompt?: boolean;
  /** Payload that will be written after the prompt; its echo (ATE1, spec 5.1 example) is dropped. */
  payload?: Buffer;
}

/** What the digester knows of a client's msg_len_enable (spec 3.3.1 "recv/mode"). */
export type RecvLengthKnowledge = 'auto' | 'absent' | 'present';

export type DigestEvent =
  | { type: 'echo'; text: string; expected: boolean; at: number }
  | { type: 'prompt'; text: string; at: number }
  | { type: 'response-line'; text: string; payload?: Buffer; fields?: string[]; recvLayout?: RecvLayout; at: number }
  | { type: 'final'; result: FinalResult; text: string; at: number }
  | { type: 'urc'; urc: Urc };

export interface RunningCommand {
  readonly info: CommandInfo;
  readonly expectPrompt: boolean;
  /** `>` or, for AT+QFUPL, a `CONNECT` line. */
  readonly prompt: DataPrompt;
  readonly payload?: Buffer;
  prompted: boolean;
  echoSeen: boolean;
  answered: boolean;
}

/** A +QMTRECV whose payload is being counted out by its length. */
export interface RecvInProgress {
  readonly header: RecvHeader;
  readonly bytes: number[];
  /** Header line, then payload alone on the next line (docs/field-evidence.md#split-layout). */
  readonly split: boolean;
  /** The length was a guess (msg_len_enable unknown): the line end must follow the payload. */
  readonly guessed: boolean;
}

/** A +QMTRECV whose payload is complete; it finishes at the next line end. */
export interface RecvAwaitingLineEnd {
  readonly header: RecvHeader;
  readonly payload: Buffer;
  readonly quoted: boolean;
  readonly split: boolean;
  readonly guessed: boolean;
  /** Every byte after the header, to read the line again if the guess was wrong. */
  readonly raw: number[];
  /** Bytes between the payload and the line end (tolerated when the length is known). */
  tail: number[];
}
