/**
 * `qmt-sim --replay` and `qmt run --sim-replay`: a module that answers as a recorded firmware did,
 * command by command, with the recorded timing, on the serial side and on the network side.
 *
 * How the recording is followed (./track-follower.ts):
 * - `ATE0` starts a scenario's session: every recorded scenario is a candidate, positioned after
 *   its own ATE0. A rig sends ATE0 once per run, so a command that opens a recorded scenario
 *   starts a session too; the recorded scenarios after the last one replayed come first (run
 *   order), and the session preamble a host may leave out (AT, ATI, AT+CGMM …) is skipped.
 * - Each command narrows the candidates to those whose next step is that command
 *   (./command-match.ts), and so does each packet of the live broker (./broker-answers.ts); the
 *   module answers with what the first of them recorded.
 * - Housekeeping (AT, ATI, AT+CPIN? …) that is not the next recorded step is answered from any
 *   recorded answer to it, without moving the session; between scenarios (a scenario replayed to
 *   its end, or the rig's clean-up under way) the rig's clean-up is answered as by a module in the
 *   replay's own state (./between-scenarios.ts).
 * - A command the followed scenario holds later resynchronises the replay there (the recorded
 *   commands skipped are logged); one it does not hold at all is a divergence: ERROR and one log
 *   line, and the replay waits at the same place for the next command that fits.
 * - The network side (./replay-network.ts): an AT+QMTOPEN the recording answered
 *   `+QMTOPEN: <idx>,0` opens a connection to the address the host gave; each recorded module
 *   packet is sent when its cause happens again (./timeline.ts), and the broker's packets start
 *   what followed them.
 */
import type { Duplex } from 'node:stream';
import type { Clock } from '../../clock/clock';
import { POWER_UP_URCS, DEFAULT_REBOOT_MS } from '../core/reboot';
import type { InProcessDial } from '../types';
import { answerCleanUp, BetweenScenarios, ERROR, HOUSEKEEPING, OK } from './between-scenarios';
import { maskedValues } from './command-match';
import type { HostStep, RecordedOutput, Recording, Track } from './recording';
import { DueOutputs, liveText, type Cause } from './replayed-output';
import { ReplayNetwork } from './replay-network';
import { TrackFollower, type Fits } from './track-follower';

export interface ReplayEvent {
  readonly kind: 'diverged' | 'outside' | 'resynced' | 'network';
  readonly message: string;
}

export interface ReplayModuleOptions {
  readonly recording: Recording;
  /** The clock until a session brings its own (attach). */
  readonly clock: Clock;
  /** `--host name=ip`: host names the recording dialled, and where they are now. */
  readonly hosts?: Readonly<Record<string, string>>;
  /** Every divergence / out-of-recording command, as one line (qmt-sim prints them on stderr). */
  readonly log?: (event: ReplayEvent) => void;
}

export class ReplayModule {
  readonly events: ReplayEvent[] = [];
  private sink: ((bytes: Buffer) => void) | undefined;
  private detach: (() => void) | undefined;
  private input = Buffer.alloc(0);
  private inSession = false;
  /** The rig's clean-up after a scenario is under way. */
  private cleaningUp = false;
  private closed = false;
  private readonly follower: TrackFollower;
  private readonly network: ReplayNetwork;
  private readonly between: BetweenScenarios;
  private readonly due: DueOutputs;
  /** The size of the file the host announced in AT+QFUPL (its bytes follow CONNECT). */
  private uploadSize: number | undefined;
  /** The last secret the host sent where the recording has it masked. */
  private lastSecret: string | undefined;
  /** This session's recorded → live packet identifiers of the broker's PUBLISHes (+QMTRECV's <msgid>). */
  private readonly msgids = new Map<number, number>();
  /** Echo as the host last set it (ATE0 / ATE1); on at power-up (docs/field-evidence.md#echo-at-power-up). */
  private echo = true;
  /** A scenario step was replayed in this session. */
  private started = false;
  /** The recording holds the network side (broker packet logs). */
  private readonly networked: boolean;

  constructor(private readonly options: ReplayModuleOptions) {
    const { recording } = options;
    const hosts = options.hosts ?? {};
    this.networked = recording.tracks.some((t) => t.steps.some((s) => s.opens !== undefined));
    this.follower = new TrackFollower(recording.tracks, hosts);
    this.between = new BetweenScenarios(recording);
    this.due = new DueOutputs(options.clock);
    this.network = new ReplayNetwork({
      follower: this.follower,
      hosts,
      play: (outputs, cause) => this.playOutputs(outputs, cause),
      log: (message) => this.report('network', message),
    });
  }

  /**
   * Plugs the module into a host's serial link. An in-process rig gives each scenario session a
   * fresh virtual clock and the fixture's in-process dial; the recording is followed across them.
   */
  attach(uart: Duplex, session: { clock?: Clock; dial?: InProcessDial } = {}): void {
    this.detach?.();
    if (session.clock) this.due.useClock(session.clock);
    this.network.inProcessDial = session.dial;
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
    this.unplug();
  }

  /** The host's link is gone (an in-process rig's session ended): nothing is due on it any more. */
  unplug(): void {
    this.due.drop();
    this.network.links.closeAll();
    this.detach?.();
    this.detach = undefined;
  }

  /** Bytes from the host. */
  receive(data: Buffer): void {
    if (this.closed) return;
    this.due.activity();
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
    if (!this.inSession) return 0;
    const step = this.follower.nextStep();
    return step?.kind === 'data' ? (this.uploadSize ?? step.bytes.length) : 0;
  }

  private onLine(line: string): void {
    this.due.flush();
    if (/^ATE[01]?$/i.test(line)) this.echo = /^ATE1$/i.test(line);
    const fits = this.follower.fitsLine(line);
    const phase = this.phase();
    if (this.inSession && phase !== 'after' && this.advance(fits, line, phase === 'idle' ? 'preamble' : 'none')) return;
    if (/^ATE0$/i.test(line)) return this.startSession(true);
    if (phase === 'after' && this.between.restore(line, (bytes) => this.write(bytes))) return;
    if (phase !== 'scenario' && this.tryStart(fits, line)) return;
    // Mid-scenario, the rig's AT+QMTOPEN? / AT+QMTCONN? are its clean-up beginning (a scenario's own
    // are recorded steps); they are answered from the replay's connections when it has a network side.
    // A restart (AT+CFUN=1,1) is the rig's whatever the phase: a module always restarts.
    const listing = (/^AT\+QMT(OPEN|CONN)\?$/i.test(line) && this.networked) || /^AT\+CFUN=1,1$/i.test(line);
    if ((phase !== 'scenario' || listing) && this.cleanUp(line)) return;
    // Mid-scenario too: a rig queries every setting again after a restart (src/rig/settings-baseline.ts).
    if (HOUSEKEEPING.test(line))
      return this.write(this.between.housekeeping(line, this.follower.first()?.[0], this.echo));
    if (this.inSession && this.advance(fits, line, 'any')) return;
    this.refuse(line);
  }

  /** idle: no scenario step replayed yet; after: the followed scenario ended, or clean-up began. */
  private phase(): 'idle' | 'scenario' | 'after' {
    if (!this.inSession || !this.started) return 'idle';
    if (this.cleaningUp) return 'after';
    return this.follower.ended() ? 'after' : 'scenario';
  }

  /** A command that opens a recorded scenario (after its preamble) starts that scenario's session. */
  private tryStart(fits: Fits, line: string): boolean {
    if (!this.follower.opensScenario(fits)) return false;
    this.startSession(false);
    // A scenario that opens with this very command before one that gets there after a preamble.
    return this.advance(fits, line, 'none') || this.advance(fits, line, 'preamble');
  }

  private onData(bytes: Buffer): void {
    this.due.flush();
    this.network.lastData = bytes;
    // A file the host uploads (a CA certificate made for this run) is its own; a payload is the recorded one.
    const upload = this.uploadSize !== undefined;
    this.uploadSize = undefined;
    if (this.advance((step) => step.kind === 'data' && (upload || step.bytes.equals(bytes)), undefined, 'none', bytes))
      return;
    this.refuse(`<${bytes.length} bytes of data>`);
  }

  /** Moves the followed scenario to the step that fits (./track-follower.ts) and plays its recorded output. */
  private advance(fits: Fits, line: string | undefined, skip: 'none' | 'preamble' | 'any', data?: Buffer): boolean {
    const moved = this.follower.advance(fits, skip);
    if (!moved) return false;
    if (line && /^AT\+QMTOPEN=/i.test(line)) this.chooseByNetwork(line);
    const track = this.follower.first()?.[0] ?? moved.track;
    const step = this.follower.matched(track) ?? moved.step;
    if (skip === 'any' && moved.skipped > 0)
      this.report(
        'resynced',
        `resynchronised at line ${step.line} of ${track.file} (scenario "${track.name}"): the host left out ${moved.skipped} recorded step(s) from line ${moved.firstSkipped?.line}`,
      );
    this.started = true;
    this.cleaningUp = false;
    this.noteSettings(line, step);
    this.play(step, { line, recordedLine: step.kind === 'line' ? step.text : undefined, data });
    return true;
  }

  /**
   * Scenarios that open the same address in the same words differ in whether something listened
   * there (the fixture, or a port that refuses): in process the replay connects first and follows
   * one whose recorded open went the same way.
   */
  private chooseByNetwork(line: string): void {
    const opened = (track: Track) => this.follower.matched(track)?.opens !== undefined;
    const tracks = this.follower.tracksFollowed();
    if (tracks.every(opened) || !tracks.some(opened)) return;
    const reached = this.network.reachesInProcess(line);
    if (reached !== undefined) this.follower.prefer((track) => opened(track) === reached);
  }

  private startSession(answer: boolean): void {
    this.due.drop();
    this.network.reset();
    this.inSession = true;
    this.cleaningUp = false;
    this.between.reset();
    this.msgids.clear();
    this.started = false;
    this.follower.restart(answer);
    if (!answer) return;
    const first = this.follower.first();
    const echoOff = first && first[1] > 0 ? first[0].steps[first[1] - 1] : undefined;
    if (echoOff) this.play(echoOff, {});
    else this.write(OK);
  }

  /** The rig's clean-up between scenarios (src/rig/lifecycle.ts), answered from the replay's state. */
  private cleanUp(line: string): boolean {
    return answerCleanUp(line, {
      links: this.network.links,
      write: (bytes) => this.write(bytes),
      beginCleanUp: () => {
        if (this.inSession) this.cleaningUp = true;
      },
      restart: () => {
        this.network.links.closeAll();
        this.echo = true;
        this.write(OK);
        this.inSession = false;
        this.cleaningUp = false;
        for (const urc of POWER_UP_URCS)
          this.due.schedule(DEFAULT_REBOOT_MS + urc.afterRdyMs, () =>
            this.write(Buffer.from(`\r\n${urc.text}\r\n`, 'latin1')),
          );
      },
    });
  }

  /** Remembers the settings a scenario changed (restored later), secrets, an upload's size, TLS and cloud options. */
  private noteSettings(line: string | undefined, step: HostStep): void {
    if (!line) return;
    if (step.kind === 'line') for (const value of maskedValues(step.text, line).values()) this.lastSecret = value;
    const upload = /^AT\+QFUPL="[^"]*",(\d+)/i.exec(line);
    if (upload) this.uploadSize = Number(upload[1]);
    const accepted = step.outputs.some((o) => o.bytes?.toString('latin1').includes('OK\r\n'));
    this.network.note(line, accepted);
    this.between.noteSet(line, accepted);
  }

  private refuse(line: string): void {
    const first = this.follower.first();
    const expected = this.follower.nextStep();
    if (this.inSession && first && expected) {
      const shown = expected.kind === 'line' ? expected.text : `<${expected.bytes.length} bytes of data>`;
      this.report(
        'diverged',
        `diverged at line ${expected.line} of ${first[0].file} (scenario "${first[0].name}"): the recording has ${shown}, the host sent ${line}`,
      );
    } else {
      this.report('outside', `"${line}" is not in the recording (outside any recorded scenario), answered ERROR`);
    }
    this.write(ERROR);
  }

  /** Sends a step's recorded output, each part as long after now as it came after the step. */
  private play(step: HostStep, cause: Cause): void {
    if (step.opens !== undefined && cause.line) this.network.dial(step.opens, cause.line);
    this.playOutputs(step.outputs, cause);
  }

  private playOutputs(outputs: readonly RecordedOutput[], cause: Cause): void {
    if (this.closed) return;
    for (const output of outputs) this.due.schedule(output.afterMs, () => this.emit(output, cause));
  }

  private emit(output: RecordedOutput, cause: Cause): void {
    if (output.packet) return this.network.send(output.packet, cause);
    const text = liveText(output.bytes.toString('latin1'), cause, {
      addresses: this.follower.addressesOf(this.follower.first()?.[0]),
      lastSecret: this.lastSecret,
      msgids: this.msgids,
    });
    this.write(Buffer.from(text, 'latin1'));
    // The link is gone once the module says so (its CLOSE / DISC result, or +QMTSTAT).
    for (const match of text.matchAll(/\+QMT(?:CLOSE|DISC): (\d),0\r|\+QMTSTAT: (\d),/g))
      this.network.links.end(Number(match[1] ?? match[2]));
  }

  private report(kind: ReplayEvent['kind'], message: string): void {
    const event = { kind, message };
    this.events.push(event);
    this.options.log?.(event);
  }

  private write(bytes: Buffer): void {
    this.due.activity();
    this.sink?.(bytes);
  }
}
