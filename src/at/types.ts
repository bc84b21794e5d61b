/**
 * The AT wire as the harness sees it. One seam for real vs simulated: the Transport. Everything
 * above it is identical whether the bytes go to /dev/ttyUSB2, tcp://rig7:4001 or the simulator.
 */

export interface Transport {
  /** Human-readable where: "/dev/ttyUSB2 @115200", "tcp://127.0.0.1:4001", "in-process simulator". */
  readonly description: string;
  open(): Promise<void>;
  write(data: Buffer): Promise<void>;
  onData(listener: (chunk: Buffer) => void): void;
  /** Called once when the link goes away (port unplugged, TCP closed) — harness/rig trouble. */
  onClose(listener: (error?: Error) => void): void;
  close(): Promise<void>;
}

/**
 * How a +QMTRECV message was printed (docs/field-evidence.md#qmtrecv-layouts):
 * payload in quotes or bare, with or without <payload_len> on the same line, or `split` — header
 * with the length, payload alone on the next line. Recorded so a report can say what was seen.
 */
export type RecvLayout = 'quoted' | 'quoted-length' | 'unquoted' | 'unquoted-length' | 'split';

/** A line the module sent that is not part of the running command's answer. */
export interface Urc {
  /** Full line text, e.g. `+QMTSTAT: 0,1`. For +QMTRECV with a length, the payload is decoded. */
  readonly text: string;
  /** Prefix before the colon, e.g. `+QMTSTAT`; the whole line when it has no colon (`RDY`). */
  readonly name: string;
  /** Comma-separated fields after `name: `, quotes removed. */
  readonly fields: readonly string[];
  /** +QMTRECV message payload as bytes, when the URC carried one. */
  readonly payload?: Buffer;
  /** The +QMTRECV layout the payload came in, when it carried one. */
  readonly recvLayout?: RecvLayout;
  /** Clock time (ms) when the line was complete. */
  readonly at: number;
}

export type FinalResult = { kind: 'OK' } | { kind: 'ERROR' } | { kind: 'CME ERROR'; code: string };

export interface AtResponse {
  /** The command as sent, e.g. `AT+QMTCFG="keepalive",0`. */
  readonly command: string;
  /** Information lines belonging to the command, in order (empty lines dropped). */
  readonly lines: readonly string[];
  readonly final: FinalResult;
  /** True when the `>` prompt (AT+QFUPL: `CONNECT`) came (and the payload, if any, was written after it). */
  readonly prompted: boolean;
  /** True when the payload written after the prompt came back as echo (reading payload-echo). */
  readonly payloadEchoed?: boolean;
  /** Clock times (ms) the command was sent and the final result complete. */
  readonly sentAt: number;
  readonly doneAt: number;
  /**
   * How many URCs had arrived when the final result came: a URC whose ReceivedUrc `index` is below
   * this came before the final result (a virtual clock can give both the same time). Spec 3.3.2-3.3.8
   * print the final OK before the command's result URC.
   */
  readonly urcsBeforeFinal?: number;
  /**
   * Parallel to `lines`: the message payload bytes of a line that carried one (+QMTRECV read with
   * AT+QMTRECV=…, spec 3.3.9), undefined for other lines. Absent when no line carried a payload.
   */
  readonly payloads?: readonly (Buffer | undefined)[];
  /**
   * Parallel to `lines`: a +QMTRECV message line read apart (fields, payload, layout) so it can be
   * compared whatever layout the firmware printed; undefined for other lines.
   */
  readonly messages?: readonly (Pick<Urc, 'fields' | 'payload' | 'recvLayout'> | undefined)[];
}

/** A URC as the AtClient keeps it: its place in arrival order, and whether a wait returned it. */
export interface ReceivedUrc extends Urc {
  /** 0-based position in the order URCs arrived. */
  readonly index: number;
  /** Set when waitForUrc returned this URC; unconsumed ones are the "nobody asserted" list. */
  consumed: boolean;
}

export interface SendOptions {
  /** Maximum response time on the scenario's clock; a late answer rejects naming the command. */
  timeoutMs: number;
  /** Bytes to send after the `>` prompt (QMTPUBEX, QMTCFG="willex") or AT+QFUPL's `CONNECT` (spec 5.2). */
  payload?: Buffer;
}

/** Thrown when a command's final result does not arrive in time. */
export class AtTimeoutError extends Error {
  constructor(
    readonly command: string,
    readonly timeoutMs: number,
    readonly bytesReceived: number,
    /** What exactly was missing when it was not the final result, e.g. the `>` prompt. */
    readonly detail?: string,
    /** Information lines that did arrive before the time ran out (A13: a query without OK). */
    readonly lines: readonly string[] = [],
  ) {
    super(
      `${command}: ${detail ?? 'no final result'} within ${timeoutMs} ms` +
        (bytesReceived === 0 ? ' (no byte received from the module)' : ` (${bytesReceived} bytes received)`),
    );
    this.name = 'AtTimeoutError';
  }
}
