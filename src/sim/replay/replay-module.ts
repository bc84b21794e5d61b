/**
 * `qmt-sim --replay`: a module that answers as a recorded firmware did, command by command, with
 * the recorded timing, on the serial side and on the network side.
 *
 * How the recording is followed:
 * - `ATE0` starts a scenario's session: every recorded scenario is a candidate, positioned after
 *   its own ATE0. A rig sends ATE0 once per run, so a command that opens a recorded scenario
 *   starts a session too; the recorded scenarios after the last one replayed come first (run
 *   order), and the session preamble a host may leave out (AT, ATI, AT+CGMM …) is skipped.
 * - Each command narrows the candidates to those whose next step is that command
 *   (./command-match.ts); the module answers with what the first of them recorded.
 * - Housekeeping (AT, ATI, AT+CPIN? …) that is not the next recorded step is answered from any
 *   recorded answer to it, without moving the session.
 * - Between scenarios (a scenario replayed to its end, or the rig's clean-up under way) the rig's
 *   clean-up is answered as by a module in the replay's own state: AT+QMTOPEN? / AT+QMTCONN? list
 *   the connections the replay holds, AT+QMTDISC / AT+QMTCLOSE close them, the AT+QMTCFG settings
 *   the scenario changed are restored with OK, AT+CFUN=1,1 restarts (src/rig/lifecycle.ts).
 * - A command the followed scenario holds later resynchronises the replay there (the recorded
 *   commands skipped are logged); one it does not hold at all is a divergence: ERROR and one log
 *   line, and the replay waits at the same place for the next command that fits.
 * - The network side: an AT+QMTOPEN the recording answered `+QMTOPEN: <idx>,0` opens a real
 *   connection to the address the host gave; each recorded module packet is sent when its cause
 *   happens again (./timeline.ts), and the broker's packets start what followed them.
 */
import type { Duplex } from 'node:stream';
import type { IConnectPacket, Packet } from 'mqtt-packet';
import type { Clock, TimerHandle } from '../../clock/clock';
import { POWER_UP_URCS, DEFAULT_REBOOT_MS } from '../core/reboot';
import { formatChecksum, qfuplChecksum } from '../handlers/basic/checksum';
import type { InProcessDial } from '../types';
import { BrokerLinks } from './broker-links';
import { CloudConfigs } from './cloud-signing';
import { maskedValues, newAddressMap, rewriteAddresses, sameCommand, type AddressMap } from './command-match';
import type { LoggedPacket } from './packet-log';
import type { BrokerTrigger, HostStep, RecordedOutput, Recording, Track } from './recording';

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

/** Commands a host sends around a session (identity, SIM, registration) and the rig's queries. */
const HOUSEKEEPING =
  /^(AT|ATI|ATE1|ATV1|AT\+GMR|AT\+QGMR|AT\+CGMR|AT\+GSN|AT\+CGSN|AT\+CGMM|AT\+GMM|AT\+CGMI|AT\+GMI|AT\+CPIN\?|AT\+CSQ|AT\+CREG\?|AT\+CEREG\?|AT\+CGREG\?|AT\+COPS\?|AT\+QCCID|AT\+CIMI|AT\+CFUN\?|AT\+CGACT\?|AT\+CMEE\?|AT\+CMEE=\d|AT\+QMTOPEN\?|AT\+QMTCONN\?|AT\+QMTCFG="[^"]+",\d)$/i;
/** What a host may send before a session's first command, and leave out in another run. */
const PREAMBLE =
  /^(AT|ATI|ATV1|AT\+GMR|AT\+QGMR|AT\+CGMR|AT\+GSN|AT\+CGSN|AT\+CGMM|AT\+GMM|AT\+CGMI|AT\+GMI|AT\+CPIN\?|AT\+CSQ|AT\+CREG\?|AT\+CEREG\?|AT\+CGREG\?|AT\+COPS\?|AT\+QCCID|AT\+CIMI|AT\+CFUN\?|AT\+CMEE=\d)$/i;
const CFG_SET = /^AT\+QMTCFG="([^"]+)",(\d),/i;
const SECRET_MASK = '***';
const ERROR = Buffer.from('\r\nERROR\r\n', 'latin1');
const OK = Buffer.from('\r\nOK\r\n', 'latin1');

type Fits = (step: HostStep, track: Track) => boolean;

/** What a step's outputs need from the live exchange that caused them. */
interface Cause {
  readonly line?: string;
  readonly recordedLine?: string;
  readonly data?: Buffer;
  readonly trigger?: { recorded?: number; live?: number };
}

export class ReplayModule {
  readonly events: ReplayEvent[] = [];
  private sink: ((bytes: Buffer) => void) | undefined;
  private detach: (() => void) | undefined;
  private input = Buffer.alloc(0);
  private inSession = false;
  /** The rig's clean-up after a scenario is under way. */
  private cleaningUp = false;
  /** Candidate tracks and the index of each one's next step. */
  private candidates = new Map<Track, number>();
  /** Recorded scenarios replayed to their last step. */
  private readonly finished = new Set<Track>();
  private lastStarted = -1;
  private addresses = new Map<Track, AddressMap>();
  private pending: { handle: TimerHandle; run: () => void }[] = [];
  private closed = false;
  private readonly links: BrokerLinks;
  private consumed = new Set<BrokerTrigger>();
  /** AT+QMTCFG sub-options the session set with OK (`name,idx`), for the rig's restore. */
  private changed = new Set<string>();
  /** Sub-options whose value the replay reported between scenarios (the rig can restore only those). */
  private readonly reported = new Set<string>();
  private readonly sslOn = new Set<number>();
  private readonly cloud = new CloudConfigs();
  private lastData: Buffer | undefined;
  /** The size of the file the host announced in AT+QFUPL (its bytes follow CONNECT). */
  private uploadSize: number | undefined;
  /** The last secret the host sent where the recording has it masked. */
  private lastSecret: string | undefined;
  /** Echo as the host last set it (ATE0 / ATE1); on at power-up (docs/field-evidence.md#echo-at-power-up). */
  private echo = true;
  /** A scenario step was replayed in this session. */
  private started = false;
  /** The recording holds the network side (broker packet logs). */
  private readonly networked: boolean;
  private clock: Clock;
  /** In-process connections to the fixture, on a virtual clock (see ./broker-links.ts). */
  private inProcessDial: InProcessDial | undefined;

  constructor(private readonly options: ReplayModuleOptions) {
    this.clock = options.clock;
    this.networked = options.recording.tracks.some((t) => t.steps.some((s) => s.opens !== undefined));
    this.links = new BrokerLinks(
      (connection, packet) => this.onBrokerPacket(connection, packet),
      (message) => this.report('network', message),
    );
  }

  /**
   * Plugs the module into a host's serial link. An in-process rig gives each scenario session a
   * fresh virtual clock and the fixture's in-process dial; the recording is followed across them.
   */
  attach(uart: Duplex, session: { clock?: Clock; dial?: InProcessDial } = {}): void {
    this.detach?.();
    if (session.clock && session.clock !== this.clock) {
      this.dropPending();
      this.clock = session.clock;
    }
    this.inProcessDial = session.dial;
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
    this.dropPending();
    this.links.closeAll();
    this.detach?.();
    this.detach = undefined;
  }

  /** Bytes from the host. */
  receive(data: Buffer): void {
    if (this.closed) return;
    this.clock.activity();
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
    const [track, position] = this.first() ?? [];
    const step = track?.steps[position ?? 0];
    return step?.kind === 'data' ? (this.uploadSize ?? step.bytes.length) : 0;
  }

  /** Each recorded scenario maps its own fixture address and ports to this session's. */
  private fitsLine(line: string): Fits {
    return (step, track) =>
      step.kind === 'line' && sameCommand(step.text, line, this.addressesOf(track), this.options.hosts ?? {});
  }

  private addressesOf(track: Track | undefined): AddressMap {
    if (!track) return newAddressMap();
    let map = this.addresses.get(track);
    if (!map) this.addresses.set(track, (map = newAddressMap()));
    return map;
  }

  private onLine(line: string): void {
    this.flushPending();
    if (/^ATE[01]?$/i.test(line)) this.echo = /^ATE1$/i.test(line);
    const fits = this.fitsLine(line);
    const phase = this.phase();
    if (this.inSession && phase !== 'after' && this.advance(fits, line, phase === 'idle' ? 'preamble' : 'none')) return;
    if (/^ATE0$/i.test(line)) return this.startSession(true);
    if (phase === 'after' && this.restore(line)) return;
    if (phase !== 'scenario' && this.tryStart(fits, line)) return;
    // Mid-scenario, the rig's AT+QMTOPEN? / AT+QMTCONN? are its clean-up beginning (a scenario's own
    // are recorded steps); they are answered from the replay's connections when it has a network side.
    // A restart (AT+CFUN=1,1) is the rig's whatever the phase: a module always restarts.
    const listing = (/^AT\+QMT(OPEN|CONN)\?$/i.test(line) && this.networked) || /^AT\+CFUN=1,1$/i.test(line);
    if ((phase !== 'scenario' || listing) && this.cleanUp(line)) return;
    // Mid-scenario too: a rig queries every setting again after a restart (src/rig/settings-baseline.ts).
    if (HOUSEKEEPING.test(line)) return this.write(this.housekeeping(line));
    if (this.inSession && this.advance(fits, line, 'any')) return;
    this.refuse(line);
  }

  /** idle: no scenario step replayed yet; after: the followed scenario ended, or clean-up began. */
  private phase(): 'idle' | 'scenario' | 'after' {
    if (!this.inSession || !this.started) return 'idle';
    if (this.cleaningUp) return 'after';
    const first = this.first();
    return !first || first[1] >= first[0].steps.length ? 'after' : 'scenario';
  }

  /** A command that opens a recorded scenario (after its preamble) starts that scenario's session. */
  private tryStart(fits: Fits, line: string): boolean {
    const fresh = this.freshCandidates(false);
    // A new session maps the fixture's address afresh (it listens on a new port per scenario).
    const kept = this.addresses;
    this.addresses = new Map();
    const opens = [...fresh].some(([track, position]) => {
      for (let i = position; i < track.steps.length; i++) {
        if (fits(track.steps[i], track)) return true;
        const step = track.steps[i];
        if (!(step.kind === 'line' && PREAMBLE.test(step.text))) return false;
      }
      return false;
    });
    this.addresses = kept;
    if (!opens) return false;
    this.startSession(false);
    // A scenario that opens with this very command before one that gets there after a preamble.
    return this.advance(fits, line, 'none') || this.advance(fits, line, 'preamble');
  }

  /** The rig puts back a setting the scenario changed, once (src/rig/settings-baseline.ts). */
  private restore(line: string): boolean {
    const set = CFG_SET.exec(line);
    const key = set ? `${set[1].toLowerCase()},${set[2]}` : undefined;
    if (!key || !this.changed.has(key) || !this.reported.has(key)) return false;
    this.changed.delete(key);
    this.write(OK);
    return true;
  }

  private onData(bytes: Buffer): void {
    this.flushPending();
    this.lastData = bytes;
    // A file the host uploads (a CA certificate made for this run) is its own; a payload is the recorded one.
    const upload = this.uploadSize !== undefined;
    this.uploadSize = undefined;
    if (this.advance((step) => step.kind === 'data' && (upload || step.bytes.equals(bytes)), undefined, 'none', bytes))
      return;
    this.refuse(`<${bytes.length} bytes of data>`);
  }

  /**
   * Keeps the candidates whose next step fits (after skipping nothing, the session preamble, or
   * any recorded steps); plays the first one's recorded output.
   */
  private advance(fits: Fits, line: string | undefined, skip: 'none' | 'preamble' | 'any', data?: Buffer): boolean {
    const next = new Map<Track, number>();
    for (const [track, position] of this.candidates) {
      for (let i = position; i < track.steps.length; i++) {
        const step = track.steps[i];
        if (fits(step, track)) {
          next.set(track, i + 1);
          break;
        }
        if (skip === 'none' || (skip === 'preamble' && !(step.kind === 'line' && PREAMBLE.test(step.text)))) break;
      }
    }
    if (next.size === 0) return false;
    const [track, position] = next.entries().next().value as [Track, number];
    const from = this.candidates.get(track) ?? position - 1;
    if (skip === 'any' && position - 1 > from) {
      const first = track.steps[from];
      this.report(
        'resynced',
        `resynchronised at line ${track.steps[position - 1].line} of ${track.file} (scenario "${track.name}"): the host left out ${position - 1 - from} recorded step(s) from line ${first?.line}`,
      );
    }
    this.candidates = next;
    this.lastStarted = this.options.recording.tracks.indexOf(track);
    this.started = true;
    this.cleaningUp = false;
    // A scenario replayed to its end is not started again by a line alone (a rig's restore of a
    // setting looks like the set that opened it); an explicit ATE0 still can.
    if (position >= track.steps.length) this.finished.add(track);
    const step = track.steps[position - 1];
    this.noteSettings(line, step);
    this.play(step, { line, recordedLine: step.kind === 'line' ? step.text : undefined, data });
    return true;
  }

  private startSession(answer: boolean): void {
    this.dropPending();
    this.links.closeAll();
    this.addresses = new Map();
    this.inSession = true;
    this.cleaningUp = false;
    this.consumed = new Set();
    this.changed = new Set();
    this.sslOn.clear();
    this.cloud.clear();
    this.started = false;
    this.candidates = this.freshCandidates(answer);
    if (!answer) return;
    const first = this.first();
    const echoOff = first && first[1] > 0 ? first[0].steps[first[1] - 1] : undefined;
    if (echoOff) this.play(echoOff, {});
    else this.write(OK);
  }

  /**
   * Every recorded scenario, positioned after its own ATE0, in run order from the scenario after
   * the last one replayed (a whole run replays in its order); without an ATE0 from the host, the
   * scenarios replayed to their end are left out.
   */
  private freshCandidates(withFinished: boolean): Map<Track, number> {
    const tracks = this.options.recording.tracks;
    const order = [...tracks.slice(this.lastStarted + 1), ...tracks.slice(0, this.lastStarted + 1)];
    const out = new Map<Track, number>();
    for (const track of order) {
      if (!withFinished && this.finished.has(track)) continue;
      const ate0 = track.steps.findIndex((s) => s.kind === 'line' && /^ATE0$/i.test(s.text));
      out.set(track, ate0 + 1);
    }
    return out;
  }

  /** The rig's clean-up between scenarios (src/rig/lifecycle.ts), answered from the replay's state. */
  private cleanUp(line: string): boolean {
    const upper = line.toUpperCase();
    const client = /^AT\+QMT(DISC|CLOSE)=(\d)$/.exec(upper);
    if (upper === 'AT+QMTOPEN?' || upper === 'AT+QMTCONN?') {
      const lines = this.links
        .clients()
        .filter((c) => upper === 'AT+QMTOPEN?' || c.accepted)
        .map((c) => (upper === 'AT+QMTOPEN?' ? `+QMTOPEN: ${c.idx},"${c.host}",${c.port}` : `+QMTCONN: ${c.idx},3`));
      this.beginCleanUp();
      this.write(Buffer.from([...lines, 'OK'].map((l) => `\r\n${l}\r\n`).join(''), 'latin1'));
      return true;
    }
    if (client) {
      const idx = Number(client[2]);
      const open = this.links.clients().find((c) => c.idx === idx);
      this.beginCleanUp();
      if (!open) {
        this.write(ERROR);
        return true;
      }
      this.write(OK);
      if (client[1] === 'DISC' && open.accepted) {
        const connection = this.links.connectionOf(idx);
        if (connection !== undefined) this.links.send(connection, { cmd: 'disconnect' });
      }
      this.links.end(idx);
      this.write(Buffer.from(`\r\n+QMT${client[1]}: ${idx},0\r\n`, 'latin1'));
      return true;
    }
    if (upper === 'AT+CFUN=1,1') {
      this.links.closeAll();
      this.echo = true;
      this.write(OK);
      this.inSession = false;
      this.cleaningUp = false;
      for (const urc of POWER_UP_URCS)
        this.schedule(DEFAULT_REBOOT_MS + urc.afterRdyMs, () =>
          this.write(Buffer.from(`\r\n${urc.text}\r\n`, 'latin1')),
        );
      return true;
    }
    if (/^AT\+CMEE=\d$/i.test(line) || upper === 'AT') {
      this.write(OK);
      return true;
    }
    return false;
  }

  private beginCleanUp(): void {
    if (this.inSession) this.cleaningUp = true;
  }

  /** Remembers the settings a scenario changed (restored later) and the client's TLS switch. */
  private noteSettings(line: string | undefined, step: HostStep): void {
    if (line && step.kind === 'line')
      for (const value of maskedValues(step.text, line).values()) this.lastSecret = value;
    if (line) this.cloud.note(line);
    const upload = line ? /^AT\+QFUPL="[^"]*",(\d+)/i.exec(line) : null;
    if (upload) this.uploadSize = Number(upload[1]);
    const set = line ? CFG_SET.exec(line) : null;
    if (!set) return;
    const answered = step.outputs.some((o) => o.bytes?.toString('latin1').includes('OK\r\n'));
    if (!answered) return;
    this.changed.add(`${set[1].toLowerCase()},${set[2]}`);
    if (set[1].toLowerCase() === 'ssl') {
      const on = /^AT\+QMTCFG="ssl",\d,(\d)/i.exec(line ?? '')?.[1] === '1';
      if (on) this.sslOn.add(Number(set[2]));
      else this.sslOn.delete(Number(set[2]));
    }
  }

  private refuse(line: string): void {
    const first = this.first();
    if (this.inSession && first && first[0].steps[first[1]]) {
      const [track, position] = first;
      const expected = track.steps[position];
      const shown = expected.kind === 'line' ? expected.text : `<${expected.bytes.length} bytes of data>`;
      this.report(
        'diverged',
        `diverged at line ${expected.line} of ${track.file} (scenario "${track.name}"): the recording has ${shown}, the host sent ${line}`,
      );
    } else {
      this.report('outside', `"${line}" is not in the recording (outside any recorded scenario), answered ERROR`);
    }
    this.write(ERROR);
  }

  private first(): [Track, number] | undefined {
    return this.candidates.entries().next().value as [Track, number] | undefined;
  }

  /** Answers to what a host sends around sessions, from the recording where it has them. */
  private housekeeping(line: string): Buffer {
    const upper = line.toUpperCase();
    const query = /^AT\+QMTCFG="([^"]+)",(\d)$/i.exec(line);
    // The followed scenario's own answer first; one given with the echo as it is now.
    const followed = this.first()?.[0];
    const tracks = followed ? [followed, ...this.options.recording.tracks] : this.options.recording.tracks;
    const echoed = `${line}\r`;
    let found: string | undefined;
    for (const track of tracks) {
      const step = track.steps.find((s) => s.kind === 'line' && s.text.toUpperCase() === upper);
      const said = step?.outputs.filter((o) => o.bytes).map((o) => (o.bytes as Buffer).toString('latin1'));
      if (!said?.length) continue;
      const answer = said.join('');
      found ??= answer;
      if (answer.toUpperCase().startsWith(echoed.toUpperCase()) === this.echo) {
        found = answer;
        break;
      }
    }
    if (found !== undefined) {
      if (!this.echo && found.toUpperCase().startsWith(echoed.toUpperCase())) found = found.slice(echoed.length);
      if (query && found.includes('+QMTCFG:')) this.reported.add(`${query[1].toLowerCase()},${query[2]}`);
      return Buffer.from(found, 'latin1');
    }
    const { model, firmware } = this.options.recording.identity;
    if (upper === 'ATI' && model)
      return Buffer.from(`\r\nQuectel\r\n${model}\r\nRevision: ${firmware ?? 'unknown'}\r\n\r\nOK\r\n`, 'latin1');
    if (upper === 'AT+GMR' && firmware) return Buffer.from(`\r\n${firmware}\r\n\r\nOK\r\n`, 'latin1');
    if (!/^(AT|AT\+QMTOPEN\?|AT\+QMTCONN\?|AT\+CMEE\?|AT\+CMEE=\d|AT\+QMTCFG=.*)$/i.test(line)) return ERROR;
    // AT, AT+QMTOPEN?, AT+QMTCONN?, AT+CMEE?: a module between scenarios, no client open.
    return OK;
  }

  /** Sends a step's recorded output, each part as long after now as it came after the step. */
  private play(step: HostStep, cause: Cause): void {
    if (step.opens !== undefined && cause.line) this.dial(step.opens, cause.line);
    this.playOutputs(step.outputs, cause);
  }

  private playOutputs(outputs: readonly RecordedOutput[], cause: Cause): void {
    for (const output of outputs) {
      const run = () => this.emit(output, cause);
      if (output.afterMs <= 0) run();
      else this.schedule(output.afterMs, run);
    }
  }

  private emit(output: RecordedOutput, cause: Cause): void {
    if (output.packet) return this.sendPacket(output.packet, cause);
    let text = output.bytes.toString('latin1');
    // With echo on, the module echoes the line the host sent now (its address, its secret).
    if (cause.line !== undefined && cause.recordedLine !== undefined && text.startsWith(`${cause.recordedLine}\r`))
      text = cause.line + text.slice(cause.recordedLine.length);
    else text = rewriteAddresses(text, this.addressesOf(this.first()?.[0]));
    // A secret the module printed back (a cloud option's query) was masked in the recording: the
    // module prints the one the host set now.
    if (this.lastSecret !== undefined) text = text.split(SECRET_MASK).join(this.lastSecret);
    // +QFUPL: <size>,<checksum> of the file the host uploaded now (spec 5.2), not of the recorded one.
    if (cause.data && cause.recordedLine === undefined)
      text = text.replace(
        /\+QFUPL: \d+,[0-9a-f]+/i,
        `+QFUPL: ${cause.data.length},${formatChecksum(qfuplChecksum(cause.data))}`,
      );
    const { recorded, live } = cause.trigger ?? {};
    // +QMTRECV's <msgid> is the identifier of the PUBLISH the broker sent (spec 4.2): the live one.
    if (recorded !== undefined && live !== undefined)
      text = text.replace(new RegExp(`(\\+QMTRECV: \\d,)${recorded}\\b`), `$1${live}`);
    this.write(Buffer.from(text, 'latin1'));
    // The link is gone once the module says so (its CLOSE / DISC result, or +QMTSTAT).
    for (const match of text.matchAll(/\+QMT(?:CLOSE|DISC): (\d),0\r|\+QMTSTAT: (\d),/g))
      this.links.end(Number(match[1] ?? match[2]));
  }

  /** Opens recorded connection `connection` to the address of the host's AT+QMTOPEN. */
  private dial(connection: number, line: string): void {
    const match = /^AT\+QMTOPEN=(\d),"([^"]*)",(\d+)/i.exec(line);
    if (!match) return;
    const name = match[2];
    const mapped = Object.entries(this.options.hosts ?? {}).find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
    const ip = mapped ?? (/^localhost$/i.test(name) ? '127.0.0.1' : name);
    if (!/^[\d.]+$|:/.test(ip)) {
      this.report('network', `AT+QMTOPEN dials "${name}": map it with --host ${name}=<ip>; nothing was connected`);
      return;
    }
    this.links.open(
      connection,
      Number(match[1]),
      ip,
      Number(match[3]),
      this.sslOn.has(Number(match[1])),
      this.inProcessDial,
    );
  }

  /** The recorded packet, with what the log does not hold taken from the live exchange. */
  private sendPacket(logged: LoggedPacket, cause: Cause): void {
    if (!logged.packet) return;
    const packet = { ...logged.packet } as Packet & Record<string, unknown>;
    if (packet.cmd === 'connect' && logged.hasPassword && cause.line && cause.recordedLine)
      this.fillCredentials(packet as IConnectPacket, logged.connection, cause.line, cause.recordedLine);
    if (packet.cmd === 'publish' && logged.payload && !logged.payload.complete) {
      const live = cause.data ?? this.lastData;
      packet.payload =
        live && live.length === logged.payload.length ? live : padded(logged.payload.bytes, logged.payload.length);
    }
    if (packet.cmd === 'connect' && logged.willPayload && !logged.willPayload.complete && packet.will) {
      packet.will = { ...packet.will, payload: padded(logged.willPayload.bytes, logged.willPayload.length) };
    }
    const { recorded, live } = cause.trigger ?? {};
    // An acknowledgement carries the identifier of the broker's packet it answers (MQTT 3.1.1 §4.3).
    if (/^pub(ack|rec|rel|comp)$/.test(packet.cmd) && recorded !== undefined && packet.messageId === recorded)
      packet.messageId = live;
    this.links.send(logged.connection, packet as Packet);
  }

  /**
   * The log never holds the password. The host's AT+QMTCONN does (spec 3.3.4 <password>); without
   * one, a cloud option's credentials are derived again (./cloud-signing.ts).
   */
  private fillCredentials(packet: IConnectPacket, connection: number, line: string, recordedLine: string): void {
    const args = [...line.matchAll(/"([^"]*)"|([^,=]+)/g)].map((m) => m[1] ?? m[2] ?? '');
    const idx = Number(/^AT\+QMTCONN=(\d)/i.exec(line)?.[1] ?? 0);
    const given = maskedValues(recordedLine, line).get(3) ?? (args.length >= 5 ? args[4] : undefined);
    if (given !== undefined) {
      packet.password = Buffer.from(given, 'utf8');
      return;
    }
    const cloud = this.cloud.credentials(idx, args[2] ?? '', this.sslOn.has(idx), Date.now());
    if (!cloud) return;
    const connack = this.first()?.[0].triggers.find(
      (t) => t.connection === connection && t.cmd === 'connack' && !this.consumed.has(t),
    );
    packet.clientId = cloud.clientId;
    if (cloud.username !== undefined) packet.username = cloud.username;
    // The recorded broker refused the recorded credentials: these are refused too.
    const refused = connack?.returnCode !== undefined && connack.returnCode !== 0;
    if (cloud.password !== undefined)
      packet.password = Buffer.from(refused ? `${cloud.password}-refused-in-the-recording` : cloud.password, 'utf8');
  }

  /** A packet from the live broker: what the recorded module did after the same packet, now. */
  private onBrokerPacket(connection: number, packet: Packet): void {
    const track = this.first()?.[0];
    if (!track || this.closed) return;
    const messageId = (packet as { messageId?: number }).messageId;
    const trigger =
      track.triggers.find(
        (t) =>
          !this.consumed.has(t) && t.connection === connection && t.cmd === packet.cmd && t.messageId === messageId,
      ) ?? track.triggers.find((t) => !this.consumed.has(t) && t.connection === connection && t.cmd === packet.cmd);
    if (!trigger) return;
    this.consumed.add(trigger);
    this.playOutputs(trigger.outputs, {
      trigger: { recorded: trigger.messageId, live: messageId },
      data: this.lastData,
    });
  }

  private schedule(ms: number, run: () => void): void {
    const entry = {
      run,
      handle: this.clock.setTimeout(() => {
        this.pending = this.pending.filter((p) => p !== entry);
        run();
      }, ms),
    };
    this.pending.push(entry);
  }

  /** The host moved on before the recorded output was due: it came before this command, so now. */
  private flushPending(): void {
    const due = this.pending;
    this.pending = [];
    for (const p of due) {
      this.clock.clearTimeout(p.handle);
      p.run();
    }
  }

  private dropPending(): void {
    for (const p of this.pending) this.clock.clearTimeout(p.handle);
    this.pending = [];
  }

  private report(kind: ReplayEvent['kind'], message: string): void {
    const event = { kind, message };
    this.events.push(event);
    this.options.log?.(event);
  }

  private write(bytes: Buffer): void {
    this.clock.activity();
    this.sink?.(bytes);
  }
}

/** A payload the log cut: its shown start, filled to the logged length. */
function padded(start: Buffer, length: number): Buffer {
  const out = Buffer.alloc(length, 0x20);
  start.copy(out, 0, 0, Math.min(start.length, length));
  return out;
}
