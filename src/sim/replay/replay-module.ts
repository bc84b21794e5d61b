/**
 * `qmt-sim --replay`: a module that answers as a recorded firmware did, command by command, with
 * the recorded timing (each output as long after the host's command as it came in the recording).
 *
 * How the recording is followed:
 * - `ATE0` starts a scenario's session (the harness sends it first on every session, simulator or
 *   hardware): every recorded scenario is a candidate, positioned after its own ATE0.
 * - Each command narrows the candidates to those whose next step is that command
 *   (./command-match.ts); the module answers with what the first of them recorded (run order).
 * - Session housekeeping the harness adds around scenarios and a recording may not hold (AT, ATI,
 *   AT+GMR, AT+CGSN, AT+QMTOPEN?, AT+QMTCONN?) is answered from any recorded answer to it, else
 *   from the recorded identity, else as a module with no client open.
 * - A command no candidate holds at this point is a divergence: ERROR, and one log line
 *   "diverged at line N of <file> (scenario …): recorded X, host sent Y". Commands after the end
 *   of the recorded scenario (the harness restoring settings) get ERROR and a note, not a
 *   divergence.
 * The network side is not replayed: no MQTT packet leaves the replay (see README "Replay").
 */
import type { Duplex } from 'node:stream';
import type { Clock, TimerHandle } from '../../clock/clock';
import { newAddressMap, rewriteAddresses, sameCommand, type AddressMap } from './command-match';
import type { HostStep, Recording, Track } from './recording';

export interface ReplayEvent {
  readonly kind: 'diverged' | 'outside';
  readonly message: string;
}

export interface ReplayModuleOptions {
  readonly recording: Recording;
  readonly clock: Clock;
  /** Every divergence / out-of-recording command, as one line (qmt-sim prints them on stderr). */
  readonly log?: (event: ReplayEvent) => void;
}

// The rig's settings snapshot (src/rig/settings-baseline.ts) queries every AT+QMTCFG sub-option
// of every client between scenarios; a recording of the built-in simulator holds none of them.
const HOUSEKEEPING =
  /^(AT|ATI|AT\+GMR|AT\+QGMR|AT\+CGSN|AT\+CGMM|AT\+QMTOPEN\?|AT\+QMTCONN\?|AT\+CMEE\?|AT\+QMTCFG="[^"]+",\d)$/i;
const ERROR = Buffer.from('\r\nERROR\r\n', 'latin1');
const OK = Buffer.from('\r\nOK\r\n', 'latin1');

type Mode = 'idle' | 'track' | 'ended' | 'diverged';

export class ReplayModule {
  readonly events: ReplayEvent[] = [];
  private sink: ((bytes: Buffer) => void) | undefined;
  private detach: (() => void) | undefined;
  private input = Buffer.alloc(0);
  private mode: Mode = 'idle';
  /** Candidate tracks and the index of each one's next step. */
  private candidates = new Map<Track, number>();
  /** Recorded scenarios replayed to their last step. */
  private readonly finished = new Set<Track>();
  private addresses: AddressMap = newAddressMap();
  private pending: { handle: TimerHandle; bytes: Buffer }[] = [];
  private closed = false;

  constructor(private readonly options: ReplayModuleOptions) {}

  attach(uart: Duplex): void {
    this.detach?.();
    const onData = (data: Buffer | string) =>
      this.receive(typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
    uart.on('data', onData);
    this.sink = (bytes) => {
      if (!uart.destroyed && uart.writable) uart.write(bytes);
    };
    this.detach = () => {
      uart.off('data', onData);
      this.sink = undefined;
    };
  }

  close(): void {
    this.closed = true;
    this.dropPending();
    this.detach?.();
  }

  /** Bytes from the host. */
  receive(data: Buffer): void {
    if (this.closed) return;
    this.input = Buffer.concat([this.input, data]);
    for (;;) {
      const data = this.expectedData();
      if (data) {
        if (this.input.length < data) return;
        const bytes = this.input.subarray(0, data);
        this.input = this.input.subarray(data);
        this.onData(bytes);
        continue;
      }
      const cr = this.input.indexOf(0x0d);
      if (cr < 0) return;
      const line = this.input
        .subarray(0, cr)
        .toString('latin1')
        .replace(/^[\r\n]+/, '');
      this.input = this.input.subarray(cr + 1);
      if (line.length > 0) this.onLine(line);
    }
  }

  /** Bytes of raw data the followed recording expects now (after a prompt), 0 for a command line. */
  private expectedData(): number {
    if (this.mode !== 'track') return 0;
    const [track, position] = this.first() ?? [];
    const step = track?.steps[position ?? 0];
    return step?.kind === 'data' ? step.bytes.length : 0;
  }

  private onLine(line: string): void {
    this.flushPending();
    if (
      this.mode === 'track' &&
      this.advance((step) => step.kind === 'line' && sameCommand(step.text, line, this.addresses))
    )
      return;
    if (/^ATE0$/i.test(line)) return this.startSession();
    if (HOUSEKEEPING.test(line)) return this.write(this.housekeeping(line));
    // A rig sends ATE0 once per run and after restarts (src/rig/lifecycle.ts), not before every
    // scenario: a line that opens a recorded scenario starts a session of its own.
    if (this.mode !== 'track' || !this.first()?.[0].steps[this.first()?.[1] ?? 0]) {
      this.startSession(false);
      if (this.advance((step) => step.kind === 'line' && sameCommand(step.text, line, this.addresses))) return;
    }
    this.refuse(line);
  }

  private onData(bytes: Buffer): void {
    this.flushPending();
    if (this.advance((step) => step.kind === 'data' && step.bytes.equals(bytes))) return;
    this.refuse(`<${bytes.length} bytes of data>`);
  }

  /** Keeps the candidates whose next step fits; plays the first one's recorded output. */
  private advance(fits: (step: HostStep) => boolean): boolean {
    const next = new Map<Track, number>();
    for (const [track, position] of this.candidates) {
      const step = track.steps[position];
      if (step && fits(step)) next.set(track, position + 1);
    }
    if (next.size === 0) return false;
    const [track, position] = next.entries().next().value as [Track, number];
    this.candidates = next;
    // A scenario replayed to its end is not started again by a line alone (a rig's restore of a
    // setting looks like the set that opened it); an explicit ATE0 still can.
    if (position >= track.steps.length) this.finished.add(track);
    this.play(track.steps[position - 1]);
    return true;
  }

  private startSession(answer = true): void {
    this.dropPending();
    this.addresses = newAddressMap();
    this.mode = 'track';
    this.candidates = new Map();
    let echoOff: HostStep | undefined;
    for (const track of this.options.recording.tracks) {
      if (!answer && this.finished.has(track)) continue;
      const ate0 = track.steps.findIndex((s) => s.kind === 'line' && /^ATE0$/i.test(s.text));
      this.candidates.set(track, ate0 + 1);
      echoOff ??= ate0 >= 0 ? track.steps[ate0] : undefined;
    }
    if (!answer) return;
    if (echoOff) this.play(echoOff);
    else this.write(OK);
  }

  private refuse(line: string): void {
    const first = this.first();
    if (this.mode === 'track' && first) {
      const [track, position] = first;
      const expected = track.steps[position];
      if (!expected) {
        this.mode = 'ended';
        this.report(
          'outside',
          `"${line}" came after the end of recorded scenario "${track.name}": not in the recording, answered ERROR`,
        );
      } else {
        this.mode = 'diverged';
        const shown = expected.kind === 'line' ? expected.text : `<${expected.bytes.length} bytes of data>`;
        this.report(
          'diverged',
          `diverged at line ${expected.line} of ${track.file} (scenario "${track.name}"): the recording has ${shown}, the host sent ${line}`,
        );
      }
    } else {
      this.report(
        'outside',
        `"${line}" is not in the recording (${this.mode === 'diverged' ? 'after the divergence above' : 'outside any recorded scenario'}), answered ERROR`,
      );
    }
    this.write(ERROR);
  }

  private first(): [Track, number] | undefined {
    return this.candidates.entries().next().value as [Track, number] | undefined;
  }

  /** Answers to what the harness sends around scenarios, from the recording where it has them. */
  private housekeeping(line: string): Buffer {
    for (const track of this.options.recording.tracks) {
      const step = track.steps.find((s) => s.kind === 'line' && s.text.toUpperCase() === line.toUpperCase());
      if (step?.outputs.length) return Buffer.concat(step.outputs.map((o) => o.bytes));
    }
    const { model, firmware } = this.options.recording.identity;
    const upper = line.toUpperCase();
    if (upper === 'ATI' && model)
      return Buffer.from(`\r\nQuectel\r\n${model}\r\nRevision: ${firmware ?? 'unknown'}\r\n\r\nOK\r\n`, 'latin1');
    if (upper === 'AT+GMR' && firmware) return Buffer.from(`\r\n${firmware}\r\n\r\nOK\r\n`, 'latin1');
    if (upper === 'AT+CGSN' || upper === 'ATI' || upper === 'AT+GMR' || upper === 'AT+QGMR' || upper === 'AT+CGMM')
      return ERROR;
    // AT, AT+QMTOPEN?, AT+QMTCONN?, AT+CMEE?: a module between scenarios, no client open.
    return OK;
  }

  /** Sends a step's recorded output, each part as long after now as it came after the step. */
  private play(step: HostStep): void {
    for (const output of step.outputs) {
      const bytes = Buffer.from(rewriteAddresses(output.bytes.toString('latin1'), this.addresses), 'latin1');
      if (output.afterMs <= 0) {
        this.write(bytes);
        continue;
      }
      const entry = {
        bytes,
        handle: this.options.clock.setTimeout(() => {
          this.pending = this.pending.filter((p) => p !== entry);
          this.write(bytes);
        }, output.afterMs),
      };
      this.pending.push(entry);
    }
  }

  /** The host moved on before the recorded output was due: it came before this command, so now. */
  private flushPending(): void {
    const due = this.pending;
    this.pending = [];
    for (const p of due) {
      this.options.clock.clearTimeout(p.handle);
      this.write(p.bytes);
    }
  }

  private dropPending(): void {
    for (const p of this.pending) this.options.clock.clearTimeout(p.handle);
    this.pending = [];
  }

  private report(kind: ReplayEvent['kind'], message: string): void {
    const event = { kind, message };
    this.events.push(event);
    this.options.log?.(event);
  }

  private write(bytes: Buffer): void {
    this.sink?.(bytes);
  }
}
