/**
 * The recorded module's serial output as the replayed module prints it now: each part as long after
 * its cause as it came in the recording (on the session's clock), with what legitimately differs
 * between two runs taken from the live exchange (the line the host sent, the fixture's address,
 * secrets, an uploaded file's checksum, the broker's packet identifier).
 */
import type { Clock, TimerHandle } from '../../clock/clock';
import { formatChecksum, qfuplChecksum } from '../handlers/basic/checksum';
import { rewriteAddresses, type AddressMap } from './command-match';

const SECRET_MASK = '***';

/** What a step's outputs need from the live exchange that caused them. */
export interface Cause {
  readonly line?: string;
  readonly recordedLine?: string;
  readonly data?: Buffer;
  readonly trigger?: { recorded?: number; live?: number };
}

export interface LiveContext {
  /** The followed scenario's recorded fixture address → this session's. */
  readonly addresses: AddressMap;
  /** The last secret the host sent where the recording has it masked. */
  readonly lastSecret: string | undefined;
  /** This session's recorded → live packet identifiers of the PUBLISHes the broker sent. */
  readonly msgids: Map<number, number>;
}

/** The recorded text with what comes from the live exchange put in. */
export function liveText(recorded: string, cause: Cause, context: LiveContext): string {
  let text = recorded;
  // With echo on, the module echoes the line the host sent now (its address, its secret).
  if (cause.line !== undefined && cause.recordedLine !== undefined && text.startsWith(`${cause.recordedLine}\r`))
    text = cause.line + text.slice(cause.recordedLine.length);
  else text = rewriteAddresses(text, context.addresses);
  // A secret the module printed back (a cloud option's query) was masked in the recording: the
  // module prints the one the host set now.
  if (context.lastSecret !== undefined) text = text.split(SECRET_MASK).join(context.lastSecret);
  // +QFUPL: <size>,<checksum> of the file the host uploaded now (spec 5.2), not of the recorded one.
  if (cause.data && cause.recordedLine === undefined)
    text = text.replace(
      /\+QFUPL: \d+,[0-9a-f]+/i,
      `+QFUPL: ${cause.data.length},${formatChecksum(qfuplChecksum(cause.data))}`,
    );
  const { recorded: id, live } = cause.trigger ?? {};
  if (id !== undefined && live !== undefined) context.msgids.set(id, live);
  // +QMTRECV's <msgid> is the identifier of the PUBLISH the broker sent (spec 4.2): the live one,
  // in the URC and in AT+QMTRECV's answer from the buffer alike. A <msgid> has a field after it;
  // buffer mode's `+QMTRECV: <idx>,<recv_id>` does not.
  return text.replace(/(\+QMTRECV: \d,)(\d+)(?=,)/g, (all, head: string, recorded: string) => {
    const now = context.msgids.get(Number(recorded));
    return now === undefined ? all : `${head}${now}`;
  });
}

/** Outputs due later on the session's clock; all of them due at once when the host moves on first. */
export class DueOutputs {
  private pending: { handle: TimerHandle; run: () => void }[] = [];

  constructor(private clock: Clock) {}

  /** A new session brings its own clock: what was due on the old one is dropped. */
  useClock(clock: Clock): void {
    if (clock === this.clock) return;
    this.drop();
    this.clock = clock;
  }

  activity(): void {
    this.clock.activity();
  }

  schedule(ms: number, run: () => void): void {
    if (ms <= 0) return run();
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
  flush(): void {
    const due = this.pending;
    this.pending = [];
    for (const p of due) {
      this.clock.clearTimeout(p.handle);
      p.run();
    }
  }

  drop(): void {
    for (const p of this.pending) this.clock.clearTimeout(p.handle);
    this.pending = [];
  }
}
