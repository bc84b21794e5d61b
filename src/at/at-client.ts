/**
 * The harness end of the AT link: one command in flight at a time (others queue), the `>` prompt
 * handshake for payload commands, per-command limits on the scenario's CLOCK (virtual against the
 * simulator, real against hardware), and a log of every URC for waits and the "unasserted" hook.
 * Bytes are classified by the Digester; every byte both ways goes to the Transcript.
 */
import type { Clock, TimerHandle } from '../clock/clock';
import { dataPromptOf, describeCommand } from './command-info';
import { Digester, type DigestEvent, type DigesterOptions } from './digester';
import { recvLengthSetting, restartsModule } from './recv-config';
import type { Transcript } from './transcript';
import { AtTimeoutError, type AtResponse, type ReceivedUrc, type SendOptions, type Transport, type Urc } from './types';

export interface AtClientOptions {
  /** Digester settings; `echo` is the initial ATE state (default off — rigs send ATE0 first). */
  digester?: DigesterOptions;
}

/** Where a wait starts looking: a clock time (ms, URCs with `at >= time`) or a URC index. */
export type UrcSince = number | { time: number } | { index: number };

interface InFlight {
  readonly command: string;
  readonly options: SendOptions;
  readonly sentAt: number;
  readonly lines: string[];
  readonly payloads: (Buffer | undefined)[];
  readonly messages: (Pick<Urc, 'fields' | 'payload' | 'recvLayout'> | undefined)[];
  prompted: boolean;
  payloadEchoed?: boolean;
  bytesReceived: number;
  timer: TimerHandle | undefined;
  resolve(response: AtResponse): void;
  reject(error: Error): void;
}

interface Waiter {
  matches(urc: ReceivedUrc): boolean;
  resolve(urc: ReceivedUrc): void;
  reject(error: Error): void;
  timer: TimerHandle | undefined;
}

export class AtClient {
  private readonly digester: Digester;
  private readonly received: ReceivedUrc[] = [];
  private readonly listeners = new Set<(urc: ReceivedUrc) => void>();
  private readonly waiters = new Set<Waiter>();
  private queue: Promise<unknown> = Promise.resolve();
  private inFlight: InFlight | undefined;
  private closedBecause: Error | undefined;
  private readonly strayEchoes: { text: string; at: number; payload: boolean }[] = [];

  constructor(
    private readonly transport: Transport,
    private readonly clock: Clock,
    private readonly transcript: Transcript,
    options: AtClientOptions = {},
  ) {
    this.digester = new Digester(options.digester);
    transport.onData((chunk) => this.receive(chunk));
    transport.onClose((error) =>
      this.shutDown(new Error(`rig: ${transport.description} closed${error ? `: ${error.message}` : ''}`)),
    );
  }

  /** Tells the digester whether the module echoes (after ATE0 / ATE1 answered OK). */
  setEcho(on: boolean): void {
    this.digester.setEcho(on);
  }

  /**
   * Sends `command` + CR and resolves on its final result; ERROR / +CME ERROR are results, not
   * exceptions. With `payload`, waits for `>` (for AT+QFUPL: the `CONNECT` line, spec 5.2) and
   * writes the payload after it (spec 3.3.8: sending before the prompt gets the data swallowed
   * as command text). Rejects with AtTimeoutError when
   * the prompt or the final result misses `timeoutMs` on the clock.
   */
  send(command: string, options: SendOptions): Promise<AtResponse> {
    const run = this.queue.then(() => this.execute(command, options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Every URC seen so far, in arrival order. */
  urcs(): readonly ReceivedUrc[] {
    return this.received;
  }

  /** URCs no wait has returned — for a hook that reports unexpected URCs. */
  unconsumedUrcs(): readonly ReceivedUrc[] {
    return this.received.filter((u) => !u.consumed);
  }

  /** Echoes that came while echo was believed off (a module ignoring ATE0); `payload`: the data typed after `>`. */
  unexpectedEchoes(): readonly { text: string; at: number; payload: boolean }[] {
    return this.strayEchoes;
  }

  /** Index the next URC will get; pass `{ index: mark() }` as `since` to wait only for newer ones. */
  mark(): number {
    return this.received.length;
  }

  /** Calls `listener` for every URC from now on; returns an unsubscribe function. */
  onUrc(listener: (urc: ReceivedUrc) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Resolves with the first unconsumed URC matching `predicate` that arrived at/after `since`
   * (already received, or the next one), and marks it consumed. Rejects after `timeoutMs` on the
   * clock, naming what was awaited and the URCs that did arrive.
   */
  waitForUrc(predicate: (u: Urc) => boolean, timeoutMs: number, since?: UrcSince, what?: string): Promise<Urc> {
    const inWindow = windowFilter(since);
    const matches = (u: ReceivedUrc) => !u.consumed && inWindow(u) && predicate(u);
    const already = this.received.find(matches);
    if (already) {
      already.consumed = true;
      return Promise.resolve(already);
    }
    if (this.closedBecause) return Promise.reject(this.closedBecause);
    return new Promise<Urc>((resolve, reject) => {
      const waiter: Waiter = { matches, resolve, reject, timer: undefined };
      waiter.timer = this.clock.setTimeout(() => {
        this.waiters.delete(waiter);
        const seen = this.received.filter(inWindow).map((u) => this.transcript.mask(u.text));
        reject(
          new Error(
            `no URC matching ${this.transcript.mask(what ?? describePredicate(predicate))} within ${timeoutMs} ms; ` +
              (seen.length ? `URCs that arrived: ${seen.join(' | ')}` : 'no URC arrived'),
          ),
        );
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Fails whatever is pending and closes the transport. */
  async close(): Promise<void> {
    this.shutDown(new Error('harness: AT client closed'));
    await this.transport.close();
  }

  private execute(command: string, options: SendOptions): Promise<AtResponse> {
    if (this.closedBecause) return Promise.reject(this.closedBecause);
    return new Promise<AtResponse>((resolve, reject) => {
      const flight: InFlight = {
        command,
        options,
        sentAt: this.clock.now(),
        lines: [],
        payloads: [],
        messages: [],
        prompted: false,
        bytesReceived: 0,
        timer: undefined,
        resolve,
        reject,
      };
      flight.timer = this.clock.setTimeout(() => {
        const prompt = dataPromptOf(describeCommand(command));
        const detail = options.payload !== undefined && !flight.prompted ? `no ${prompt} prompt` : undefined;
        // Errors reach reports: the command text is masked like the transcript (passwords).
        this.fail(
          flight,
          new AtTimeoutError(
            this.transcript.mask(command),
            options.timeoutMs,
            flight.bytesReceived,
            detail,
            flight.lines.map((l) => this.transcript.mask(l)),
          ),
        );
      }, options.timeoutMs);
      this.inFlight = flight;
      this.digester.startCommand(command, { expectPrompt: options.payload !== undefined, payload: options.payload });
      this.write(Buffer.from(`${command}\r`, 'utf8'), flight);
    });
  }

  private write(bytes: Buffer, flight: InFlight): void {
    this.clock.activity();
    this.transcript.record('tx', bytes, this.clock.now());
    // A local write takes no scenario time: keep a virtual clock from jumping meanwhile.
    const release = this.clock.hold('AT write');
    this.transport.write(bytes).then(
      () => {
        release();
        this.clock.activity();
      },
      (error: Error) => {
        release();
        this.fail(flight, new Error(`${this.transcript.mask(flight.command)}: write failed: ${error.message}`));
      },
    );
  }

  private receive(chunk: Buffer): void {
    this.clock.activity();
    const now = this.clock.now();
    this.transcript.record('rx', chunk, now);
    if (this.inFlight) this.inFlight.bytesReceived += chunk.length;
    for (const event of this.digester.feed(chunk, now)) this.handle(event);
  }

  private handle(event: DigestEvent): void {
    const flight = this.inFlight;
    switch (event.type) {
      case 'echo':
        // The digester reads an echo of the prompted payload only right after the prompt.
        const payload = Boolean(flight?.prompted && flight.options.payload?.toString('utf8') === event.text);
        if (payload && flight) flight.payloadEchoed = true;
        // Echo is dropped; an echo while ATE0 is believed in effect is kept as evidence.
        // ATE0 itself is echoed by a module whose echo is still on (V.25ter: the echo comes before the
        // command takes effect; EC200U boots with ATE1, docs/field-evidence.md#echo-at-power-up), so it is no evidence.
        if (!event.expected && !/^ATE0?$/i.test(event.text.trim()))
          this.strayEchoes.push({ text: event.text, at: event.at, payload });
        return;
      case 'prompt':
        if (!flight) return;
        flight.prompted = true;
        if (flight.options.payload !== undefined) this.write(flight.options.payload, flight);
        return;
      case 'response-line':
        flight?.lines.push(event.text);
        flight?.payloads.push(event.payload);
        flight?.messages.push(
          event.payload && event.fields
            ? { fields: event.fields, payload: event.payload, recvLayout: event.recvLayout }
            : undefined,
        );
        return;
      case 'final': {
        if (!flight) return;
        this.finish(flight);
        const response: AtResponse = {
          command: flight.command,
          lines: flight.lines,
          final: event.result,
          prompted: flight.prompted,
          ...(flight.payloadEchoed ? { payloadEchoed: true } : {}),
          sentAt: flight.sentAt,
          doneAt: event.at,
          urcsBeforeFinal: this.received.length,
          ...(flight.payloads.some((p) => p !== undefined)
            ? { payloads: flight.payloads, messages: flight.messages }
            : {}),
        };
        this.learnRecvLength(response);
        flight.resolve(response);
        return;
      }
      case 'urc':
        this.record(event.urc);
    }
  }

  /** What the host configured decides whether +QMTRECV carries a length (spec 3.3.1). */
  private learnRecvLength(response: AtResponse): void {
    if (restartsModule(response)) this.digester.forgetRecvLengths();
    const setting = recvLengthSetting(response);
    if (setting) this.digester.setRecvLength(setting.clientIdx, setting.present);
  }

  private record(urc: Urc): void {
    const received: ReceivedUrc = { ...urc, index: this.received.length, consumed: false };
    this.received.push(received);
    for (const waiter of this.waiters) {
      if (!waiter.matches(received)) continue;
      received.consumed = true;
      this.waiters.delete(waiter);
      this.clock.clearTimeout(waiter.timer);
      waiter.resolve(received);
      break;
    }
    for (const listener of [...this.listeners]) listener(received);
  }

  private finish(flight: InFlight): void {
    this.clock.clearTimeout(flight.timer);
    if (this.inFlight === flight) this.inFlight = undefined;
  }

  private fail(flight: InFlight, error: Error): void {
    if (this.inFlight !== flight) return;
    this.finish(flight);
    // A late final result must not be taken as the next command's answer.
    const leftovers = this.digester.abortCommand(this.clock.now());
    flight.reject(error);
    for (const event of leftovers) this.handle(event);
  }

  private shutDown(reason: Error): void {
    if (this.closedBecause) return;
    this.closedBecause = reason;
    if (this.inFlight)
      this.fail(this.inFlight, new Error(`${this.transcript.mask(this.inFlight.command)}: ${reason.message}`));
    for (const waiter of this.waiters) {
      this.clock.clearTimeout(waiter.timer);
      waiter.reject(reason);
    }
    this.waiters.clear();
  }
}

function windowFilter(since: UrcSince | undefined): (u: ReceivedUrc) => boolean {
  if (since === undefined) return () => true;
  if (typeof since === 'number') return (u) => u.at >= since;
  if ('time' in since) return (u) => u.at >= since.time;
  return (u) => u.index >= since.index;
}

function describePredicate(predicate: (u: Urc) => boolean): string {
  const source = predicate.toString().replace(/\s+/g, ' ');
  return source.length > 160 ? `${source.slice(0, 157)}...` : source;
}
