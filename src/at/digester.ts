/**
 * Pure, synchronous classifier of the bytes a module sends (no I/O, no clock: the caller passes
 * the time of each chunk). Feed chunks split anywhere; it returns events in order:
 *   echo          the module echoing our command line (ATE1) or the prompted payload — dropped
 *   prompt        `>` / `> ` with no line ending, only while the running command expects one;
 *                 for AT+QFUPL the `CONNECT` line instead (spec 5.2)
 *   response-line an information line of the running command
 *   final         OK / ERROR / +CME ERROR: <n or text>; ends the running command
 *   urc           everything else, and everything after the final result
 * Bytes are handled one at a time through a small state machine, so any split of the same bytes
 * gives the same events. This file frames lines, prompts and +QMTRECV payloads; a whole line is
 * classified in src/at/line-classifier.ts; the events are typed in src/at/digest-events.ts.
 */
import { dataPromptOf, describeCommand } from './command-info';
import type {
  DigestEvent,
  DigesterOptions,
  RecvAwaitingLineEnd,
  RecvInProgress,
  RunningCommand,
  StartOptions,
} from './digest-events';
import { classifyLine, classifyRecv, type Classified, type LineContext } from './line-classifier';
import { headerFrom, LENGTH_HEADER, SPLIT_HEADER } from './recv-layouts';
import { RecvLengths } from './recv-lengths';

export type { DigestEvent, DigesterOptions, RecvLengthKnowledge, StartOptions } from './digest-events';

const CR = 0x0d;
const LF = 0x0a;
const QUOTE = 0x22;
const SPACE = 0x20;
const PROMPT = 0x3e;
const COMMA = 0x2c;

type Mode = 'line' | 'prompt-space' | 'recv-payload' | 'split-after-cr';

export class Digester {
  private echo: boolean;
  private readonly recvLengths: RecvLengths;
  /** Set while a line is read again after a wrong length guess: no length in it. */
  private noLengthLine = false;
  /** The line being read began before the host gave up on its command: it is not the next one's. */
  private staleLine = false;
  private mode: Mode = 'line';
  private line: number[] = [];
  private command: RunningCommand | undefined;
  private recv: RecvInProgress | undefined;
  private recvDone: RecvAwaitingLineEnd | undefined;
  private payloadEcho: { bytes: Buffer; matched: number } | undefined;
  private events: DigestEvent[] = [];
  private now = 0;

  constructor(options: DigesterOptions = {}) {
    this.echo = options.echo ?? false;
    this.recvLengths = new RecvLengths(options.recvLengthField ?? 'auto');
  }

  /**
   * The host configured client `idx` with AT+QMTCFG="recv/mode",idx,mode,msg_len_enable (or read
   * it back): from now on +QMTRECV of that client carries a length exactly when `present`.
   * undefined forgets it (module restarted, or the option was omitted).
   */
  setRecvLength(idx: number, present: boolean | undefined): void {
    this.recvLengths.set(idx, present);
  }

  /** A module restart (RDY, AT+CFUN=1,1) puts every client back to its unknown default. */
  forgetRecvLengths(): void {
    this.recvLengths.forget();
  }

  setEcho(on: boolean): void {
    this.echo = on;
  }

  get echoOn(): boolean {
    return this.echo;
  }

  /** The command just written; lines are attributed to it until its final result. */
  startCommand(command: string, options: StartOptions = {}): void {
    const info = describeCommand(command);
    this.command = {
      info,
      expectPrompt: options.expectPrompt ?? options.payload !== undefined,
      prompt: dataPromptOf(info),
      payload: options.payload,
      prompted: false,
      echoSeen: false,
      answered: false,
    };
    this.payloadEcho = undefined;
  }

  /**
   * The caller gave up on the running command (timeout); a late final result becomes a URC.
   * Returns the events of a half-read +QMTRECV given up with it.
   */
  abortCommand(at?: number): DigestEvent[] {
    this.command = undefined;
    this.payloadEcho = undefined;
    this.events = [];
    if (at !== undefined) this.now = at;
    this.abandonPayload();
    this.staleLine = this.line.length > 0;
    return this.events;
  }

  /**
   * A +QMTRECV payload still being counted out when the host gives up (the module restarted or
   * went silent mid-message) would swallow every later answer: its header becomes a line of its
   * own and the bytes taken so far are read again as lines.
   */
  private abandonPayload(): void {
    const recv = this.recv;
    if (!recv || this.mode === 'prompt-space') return;
    this.recv = undefined;
    this.mode = 'line';
    this.classify(Buffer.from(recv.header.text, 'latin1'));
    this.noLengthLine = true;
    for (const b of recv.bytes) this.byte(b);
  }

  get running(): string | undefined {
    return this.command?.info.text;
  }

  feed(chunk: Buffer, at: number): DigestEvent[] {
    this.now = at;
    this.events = [];
    for (const byte of chunk) this.byte(byte);
    return this.events;
  }

  private byte(b: number): void {
    if (this.mode === 'prompt-space') {
      this.mode = 'line';
      if (b === SPACE) return; // "> " variant (docs/field-evidence.md#prompt-framing)
    }
    if (this.payloadEcho && this.matchPayloadEcho(b)) return;
    switch (this.mode) {
      case 'recv-payload':
        this.recvByte(b);
        return;
      case 'split-after-cr':
        this.mode = 'recv-payload';
        if (b !== LF) this.recvByte(b);
        return;
      default:
        this.lineByte(b);
    }
  }

  private lineByte(b: number): void {
    if (b === CR || b === LF) {
      this.endLine(b);
      return;
    }
    const cmd = this.command;
    if (
      b === PROMPT &&
      this.line.length === 0 &&
      !this.recvDone &&
      cmd &&
      cmd.expectPrompt &&
      cmd.prompt === '>' &&
      !cmd.prompted
    ) {
      cmd.prompted = true;
      this.events.push({ type: 'prompt', text: '>', at: this.now });
      this.mode = 'prompt-space';
      if (cmd.payload && cmd.payload.length > 0) this.payloadEcho = { bytes: cmd.payload, matched: 0 };
      return;
    }
    if (this.recvDone) {
      this.afterRecvPayload(b);
      return;
    }
    this.line.push(b);
    if (b === COMMA && !this.noLengthLine && !this.staleLine && this.line[0] === 0x2b /* + */) {
      const match = LENGTH_HEADER.exec(Buffer.from(this.line).toString('latin1'));
      if (match) {
        const header = headerFrom(match);
        const counting = this.recvLengths.counting(header);
        if (!counting) return;
        this.recv = { header, bytes: [], split: false, guessed: counting.guessed };
        this.line = [];
        this.mode = 'recv-payload';
      }
    }
  }

  /**
   * A byte between a counted-out payload and the line end. Known length: kept as tail. Guessed
   * length: anything but the line end proves the guess wrong (`+QMTRECV: 0,0,"t",12,34` is the
   * unquoted payload "12,34", not 12 bytes), so the line is read again without a length.
   */
  private afterRecvPayload(b: number): void {
    const done = this.recvDone!;
    if (!done.guessed) {
      done.tail.push(b);
      return;
    }
    this.recvDone = undefined;
    const replay = [...done.raw, b];
    if (done.split) {
      this.classify(Buffer.from(done.header.text, 'latin1'));
      for (const r of replay) this.byte(r);
      return;
    }
    this.noLengthLine = true;
    this.line = [];
    for (const r of [...Buffer.from(done.header.text, 'latin1'), ...replay]) this.byte(r);
  }

  /** Consumes the echo of a prompted payload; false when the byte is not (or no longer) echo. */
  private matchPayloadEcho(b: number): boolean {
    const echo = this.payloadEcho!;
    if (b === echo.bytes[echo.matched]) {
      echo.matched++;
      if (echo.matched === echo.bytes.length) {
        this.payloadEcho = undefined;
        this.events.push({ type: 'echo', text: echo.bytes.toString('utf8'), expected: this.echo, at: this.now });
      }
      return true;
    }
    // Not an echo after all: replay what was held back as ordinary bytes.
    this.payloadEcho = undefined;
    for (const held of echo.bytes.subarray(0, echo.matched)) this.byte(held);
    return false;
  }

  /** Length is the authority (docs/field-evidence.md#the-length-is-the-authority): take exactly <payload_len> bytes after an optional quote. */
  private recvByte(b: number): void {
    const recv = this.recv!;
    const buf = recv.bytes;
    if (recv.split && recv.guessed && buf.length === 0 && (b === CR || b === LF)) {
      // A split payload follows its header at once; a line end here means the header line was
      // a message with the unquoted payload "23" (msg_len_enable unknown, docs/field-evidence.md#split-layout).
      this.recv = undefined;
      this.mode = 'line';
      this.classify(Buffer.from(recv.header.text, 'latin1'));
      this.byte(b);
      return;
    }
    const n = recv.header.length;
    buf.push(b);
    if (buf[0] !== QUOTE) {
      if (buf.length >= n) this.finishRecvPayload(Buffer.from(buf.slice(0, n)), false, buf.slice(n));
      return;
    }
    // Opening quote, or a payload that starts with a quote: decided by a closing quote after n bytes.
    if (buf.length < n + 2) return;
    if (buf[n + 1] === QUOTE) this.finishRecvPayload(Buffer.from(buf.slice(1, n + 1)), true, buf.slice(n + 2));
    else this.finishRecvPayload(Buffer.from(buf.slice(0, n)), false, buf.slice(n));
  }

  private finishRecvPayload(payload: Buffer, quoted: boolean, replay: number[]): void {
    const recv = this.recv!;
    const used = recv.bytes.slice(0, recv.bytes.length - replay.length);
    this.recvDone = {
      header: recv.header,
      payload,
      quoted,
      split: recv.split,
      guessed: recv.guessed,
      raw: used,
      tail: [],
    };
    this.recv = undefined;
    this.mode = 'line';
    for (const b of replay) this.byte(b);
  }

  private endLine(terminator: number): void {
    if (this.recvDone) {
      const done = this.recvDone;
      this.recvDone = undefined;
      this.completeRecv(done, Buffer.from(done.tail).toString('utf8'));
      return;
    }
    const raw = Buffer.from(this.line);
    this.line = [];
    if (raw.length === 0) {
      this.staleLine = false;
      return; // empty lines and the LF of CRLF
    }
    // The rest of a line given up on (say a late `ERROR`) is a URC, never the next answer, and
    // never starts a payload that would swallow the next answer.
    if (this.staleLine) {
      this.staleLine = false;
      this.noLengthLine = false;
      const running = this.command;
      this.command = undefined;
      this.classify(raw);
      this.command = running;
      return;
    }
    const started = this.startSplitPayload(raw, terminator);
    this.noLengthLine = false;
    if (!started) this.classify(raw);
  }

  /**
   * `+QMTRECV: 0,0,"t",23` at a line end: the split layout's header when the client's length is
   * on (docs/field-evidence.md#split-layout), an unquoted payload "23" when it is off. Unknown: taken as a header unless
   * the next byte is a line end (a split payload follows its header at once), and checked later.
   */
  private startSplitPayload(raw: Buffer, terminator: number): boolean {
    if (this.noLengthLine) return false;
    const split = SPLIT_HEADER.exec(raw.toString('latin1'));
    if (!split) return false;
    const header = headerFrom(split);
    const counting = this.recvLengths.counting(header);
    if (!counting) return false;
    this.recv = { header, bytes: [], split: true, guessed: counting.guessed };
    this.mode = terminator === CR ? 'split-after-cr' : 'recv-payload';
    return true;
  }

  /** A whole line, classified against the running command (src/at/line-classifier.ts). */
  private classify(raw: Buffer): void {
    this.take(classifyLine(raw, this.lineContext()));
  }

  /** A +QMTRECV whose payload was counted out, complete at its line end. */
  private completeRecv(done: RecvAwaitingLineEnd, tail: string): void {
    this.take(classifyRecv(done, tail, this.lineContext()));
  }

  private lineContext(): LineContext {
    return { command: this.command, echo: this.echo, at: this.now };
  }

  private take(classified: Classified): void {
    if (classified.commandEnded) {
      this.command = undefined;
      this.payloadEcho = undefined;
    }
    // A restart resets every AT+QMTCFG setting (spec 3.3.1 values are not saved).
    if (classified.restarted) this.forgetRecvLengths();
    this.events.push(...classified.events);
  }
}
