/**
 * The simulated module: wires the UART to line assembly, echo, the dispatcher and the raw
 * capture of prompts, and owns the module state. One command runs at a time; input lines
 * that arrive meanwhile wait (bytes after a `>` prompt are the prompt's data, as on hardware).
 *
 * A command ends when its final result is written, or when its handler (or its prompt
 * callback) has returned/settled without one (e.g. the A13 "qmtping" query without OK).
 * Any exception becomes ERROR: no input crashes the module.
 */
import type { Duplex } from 'node:stream';
import type { Clock, TimerHandle } from '../../clock/clock';
import type { VariantProfile } from '../../variants/profile';
import { createMqttSide } from '../mqtt';
import { createFaultSet } from '../faults/fault-set';
import { withHandlerFaults } from '../faults/handler-faults';
import type { FaultSet, InProcessDial, MqttEnvironment, MqttSide, ParsedCommand, SerialOut } from '../types';
import { CommandOutput } from './command-output';
import { parseCommandLine } from './command-parser';
import type { CoreHandlerContext } from './core-context';
import { findHandler } from './dispatcher';
import { createHostResolver } from './host-resolver';
import { LineAssembler, type AssembledLine } from './line-assembler';
import { createModuleOut } from './module-out';
import { promptBytes } from './framing';
import { createModuleState, resetVolatileState, type ModuleState } from './module-state';
import { RawCapture, type CaptureRequest } from './raw-capture';
import { DEFAULT_REBOOT_MS, POWER_UP_URCS } from './reboot';
import { UartWriter } from './uart-writer';
import { NetworkLatency, NO_LATENCY, type LatencySpec } from '../network-latency';

export interface SimulatedModuleOptions {
  variant: VariantProfile;
  clock: Clock;
  /** Fault ids from src/sim/faults/catalog.ts; an unknown id throws. */
  faults?: Iterable<string>;
  /** Host name → loopback IP for AT+QMTOPEN name resolution. */
  hosts?: Record<string, string>;
  /** In-process connections for AT+QMTOPEN (a virtual-time run); real loopback sockets when absent. */
  dial?: InProcessDial;
  /** Network latency of the server's packets (default none: unit tests of the protocol stay exact). */
  latency?: LatencySpec;
  /** Told at each AT+CFUN=1,1 (qmt-sim logs it: a rig test can act as the USB bus would). */
  onRestart?: () => void;
  /** Test seam: builds the MQTT side (default: the real one from src/sim/mqtt). */
  mqttSide?: (env: MqttEnvironment) => MqttSide;
}

export interface SimulatedModule {
  /** Connects the module's serial side; a previously attached UART is let go (one at a time). */
  attach(uart: Duplex): void;
  /** Tears down timers, MQTT clients and the UART link. */
  close(): void;
  readonly variant: VariantProfile;
}

export class ModuleRuntime implements SimulatedModule {
  readonly variant: VariantProfile;
  readonly faults: FaultSet;
  readonly state: ModuleState;
  readonly mqtt: MqttSide;
  private readonly clock: Clock;
  private readonly writer: UartWriter;
  private readonly moduleOut: SerialOut;
  private readonly resolveHost: (name: string) => string | undefined;
  private readonly dial: InProcessDial | undefined;
  private readonly assembler = new LineAssembler();
  private input: Buffer[] = [];
  private capture: RawCapture | undefined;
  private current: CommandOutput | undefined;
  private processing = false;
  private booting = false;
  private closed = false;
  /** The AT port is wedged by the fault of hangsOn; that happens at most once per process. */
  private hung = false;
  private hangFired = false;
  private readonly timers = new Set<TimerHandle>();
  private detachUart: (() => void) | undefined;
  private readonly onRestart: (() => void) | undefined;

  constructor(options: SimulatedModuleOptions) {
    this.onRestart = options.onRestart;
    this.variant = options.variant;
    this.clock = options.clock;
    this.faults = createFaultSet(options.faults ?? []);
    this.writer = new UartWriter(this.clock, this.faults);
    this.state = createModuleState(this.variant, this.faults);
    this.moduleOut = createModuleOut(this.writer, () => this.state.cmee);
    this.resolveHost = createHostResolver(options.hosts);
    this.dial = options.dial;
    const env: MqttEnvironment = {
      clock: this.clock,
      variant: this.variant,
      faults: this.faults,
      config: this.state.config,
      out: this.moduleOut,
      resolveHost: this.resolveHost,
      files: this.state.files,
      sslContexts: this.state.sslContexts,
      radioOn: () => this.state.fun === 1,
      latency: new NetworkLatency(options.latency ?? NO_LATENCY),
    };
    this.mqtt = (options.mqttSide ?? createMqttSide)(env);
  }

  attach(uart: Duplex): void {
    if (this.closed) throw new Error('simulated module is closed');
    this.detachUart?.();
    const onData = (data: Buffer | string) =>
      this.receive(typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
    const onGone = () => {
      if (this.detachUart === detach) detach();
    };
    const onError = () => onGone();
    const detach = () => {
      uart.off('data', onData);
      uart.off('close', onGone);
      uart.off('end', onGone);
      uart.off('error', onError);
      this.writer.connect(undefined);
      this.detachUart = undefined;
    };
    uart.on('data', onData);
    uart.on('close', onGone);
    uart.on('end', onGone);
    uart.on('error', onError);
    this.writer.connect((bytes) => {
      if (!uart.destroyed && uart.writable) uart.write(bytes);
    });
    this.detachUart = detach;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.timers) this.clock.clearTimeout(timer);
    this.timers.clear();
    this.safely(() => this.mqtt.reset());
    this.detachUart?.();
    this.input = [];
    this.capture = undefined;
  }

  /** Bytes from the host. Exposed for in-process transports that do not use a Duplex. */
  receive(data: Buffer): void {
    this.clock.activity();
    if (this.closed || this.booting || data.length === 0) return;
    this.input.push(data);
    this.process();
  }

  private process(): void {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.input.length > 0 && !this.booting && !this.closed) {
        const chunk = this.input[0];
        if (this.capture) {
          this.echoPayload(this.capture, chunk);
          this.consume(this.capture.feed(chunk));
          if (this.capture.done) this.completeCapture();
          continue;
        }
        if (this.current && !this.current.hasEnded) break; // wait for the running command
        const { line, consumed } = this.assembler.take(chunk);
        this.consume(consumed);
        if (line) this.runLine(line);
      }
    } finally {
      this.processing = false;
    }
  }

  private consume(count: number): void {
    const chunk = this.input[0];
    if (count >= chunk.length) this.input.shift();
    else this.input[0] = chunk.subarray(count);
  }

  private runLine(line: AssembledLine): void {
    if (line.kind === 'overlong') {
      this.writer.line('ERROR');
      return;
    }
    const command = parseCommandLine(line.bytes, {
      upperCasePrefixOnly: this.faults.at('simulated-module.lowercase-prefix'),
    });
    if (this.hangsOn(command)) return; // a wedged AT port does not even echo
    // ATE1: the received line goes back as received, followed by <CR> (like real modules).
    if (this.state.echo) this.writer.raw(Buffer.concat([line.bytes, Buffer.from('\r')]));
    const handler = command && findHandler(command.name, this.mqtt.handlers);
    // Syntax errors and unknown commands: plain ERROR whatever AT+CMEE says (V.25ter).
    if (!command || !handler) {
      this.writer.line('ERROR');
      return;
    }
    this.runCommand(command, withHandlerFaults('core', command.name, handler));
  }

  /**
   * A fault wedges the AT port at the first AT+QMTSUB set command — no answer to it or to
   * anything after it — until AT+CFUN=1,1, which the module's reset path still obeys
   * (our assumption, not in docs/field-evidence.md: a stuck AT task, the modem's restart still works). It never recurs in the
   * same process, so the scenario after the restart can pass.
   */
  private hangsOn(command: ParsedCommand | undefined): boolean {
    if (!this.faults.at('simulated-module.first-qmtsub-wedges-port')) return false;
    if (this.hung) {
      const restart =
        command?.name === '+CFUN' && command.form === 'set' && command.args.map((a) => a.text).join(',') === '1,1';
      if (!restart) return true;
      this.hung = false;
      return false;
    }
    if (!this.hangFired && command?.name === '+QMTSUB' && command.form === 'set') {
      this.hung = true;
      this.hangFired = true;
      return true;
    }
    return false;
  }

  private runCommand(command: ParsedCommand, handler: NonNullable<ReturnType<typeof findHandler>>): void {
    const out = new CommandOutput({
      writer: this.writer,
      prompt: promptBytes(this.variant.at?.prompt),
      cmee: () => this.state.cmee,
      startCapture: (request) => this.startCapture(request),
      finished: () => {
        if (this.current === out) this.current = undefined;
        queueMicrotask(() => this.process());
      },
    });
    this.current = out;
    const ctx = this.context(out);
    this.settle(out, () => handler(command, ctx));
  }

  /** Runs `step`; when it returns/settles without a final result and no capture, the command ends. */
  private settle(out: CommandOutput, step: () => unknown): void {
    const finish = (failed: boolean) => {
      if (out.hasEnded) return;
      if (failed) {
        if (out.isCapturing) this.capture = undefined;
        return out.error();
      }
      if (!out.isCapturing) out.endSilently();
    };
    let result: unknown;
    try {
      result = step();
    } catch {
      return finish(true);
    }
    if (result instanceof Promise)
      result.then(
        () => finish(false),
        () => finish(true),
      );
    else finish(false);
  }

  private startCapture(request: CaptureRequest): () => void {
    const out = this.current;
    const wrapped: CaptureRequest = {
      ...request,
      onData: (data) => {
        if (out) this.settle(out, () => request.onData(data));
        else this.safely(() => request.onData(data));
      },
    };
    const capture = new RawCapture(wrapped);
    this.capture = capture;
    if (capture.done) queueMicrotask(() => this.capture === capture && this.completeCapture()); // length 0
    return () => {
      if (this.capture === capture) this.capture = undefined;
      queueMicrotask(() => this.process());
    };
  }

  /**
   * Reading payload-echo "echoed" (the note is silent; src/variants/readings.ts): with ATE1 the data typed after the `>`
   * prompt comes back as it is taken. An upload after CONNECT (AT+QFUPL, dropExtra off) never does.
   */
  private echoPayload(capture: RawCapture, chunk: Buffer): void {
    const echoes = this.state.echo && this.variant.readings['payload-echo'] === 'echoed';
    if (!capture.request.dropExtra || !(echoes || this.faults.at('simulated-module.payload-echo'))) return;
    const taken = chunk.subarray(0, capture.remaining);
    if (taken.length) this.writer.raw(taken);
  }

  private completeCapture(): void {
    const capture = this.capture!;
    this.capture = undefined;
    capture.request.onData(capture.data());
    queueMicrotask(() => this.process());
  }

  private context(out: CommandOutput): CoreHandlerContext {
    return {
      clock: this.clock,
      variant: this.variant,
      faults: this.faults,
      config: this.state.config,
      out,
      mqtt: this.mqtt,
      resolveHost: this.resolveHost,
      dial: this.dial,
      files: this.state.files,
      sslContexts: this.state.sslContexts,
      radioOn: () => this.state.fun === 1,
      state: this.state,
      reboot: () => this.reboot(),
    };
  }

  /** AT+CFUN=1,1: deaf until `RDY`; volatile settings and every MQTT client are reset now. */
  private reboot(): void {
    this.booting = true;
    this.onRestart?.();
    this.input = [];
    this.capture = undefined;
    this.current = undefined;
    this.assembler.reset();
    this.safely(() => this.mqtt.reset());
    resetVolatileState(this.state, this.variant, this.faults);
    const rdyAt = this.variant.at?.rebootMs ?? DEFAULT_REBOOT_MS;
    for (const urc of POWER_UP_URCS) {
      this.later(rdyAt + urc.afterRdyMs, () => {
        if (urc.text === 'RDY') this.booting = false;
        this.writer.line(urc.text);
      });
    }
  }

  private later(ms: number, action: () => void): void {
    const handle = this.clock.setTimeout(() => {
      this.timers.delete(handle);
      if (!this.closed) this.safely(action);
    }, ms);
    this.timers.add(handle);
  }

  private safely(action: () => void): void {
    try {
      action();
    } catch {
      // The module never crashes on its own bugs; the harness sees missing output instead.
    }
  }
}
