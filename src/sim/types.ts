/**
 * Contract between the simulated module's core (AT line handling, dispatcher, AT+QMTCFG,
 * variant, faults) and its MQTT side (QMTOPEN … QMTRECV handlers and per-client sessions).
 *
 * src/sim is the *other side of the wire*: nothing in src/sim may import from src/at, src/qmt,
 * steps/ or support/. It may import src/clock (the shared time line), src/variants (profile
 * data) and spec/ data only. A bug shared by both sides would make the suite pass a broken module.
 */
import type { Duplex } from 'node:stream';
import type { Clock } from '../clock/clock';
import type { VariantProfile } from '../variants/profile';
import type { FaultHook } from './faults/catalog';
import type { NetworkLatency } from './network-latency';

/** One parsed AT command line, e.g. `AT+QMTCFG="keepalive",0,60`. */
export interface ParsedCommand {
  /** The raw line as received, without the terminating CR. */
  readonly raw: string;
  /** Upper-cased command name including the prefix, e.g. `+QMTCFG`, `E0`, `I`, `+GMR`. */
  readonly name: string;
  /** `test` for `=?`, `read` for `?`, `set` for `=…`, `exec` for a bare command. */
  readonly form: 'test' | 'read' | 'set' | 'exec';
  /** Set-form arguments. Quoted strings keep `quoted: true`; an empty argument is `''`. */
  readonly args: readonly AtArgument[];
}

export interface AtArgument {
  readonly text: string;
  readonly quoted: boolean;
}

/** Per-client configuration, as AT+QMTCFG sets it (spec 3.3.1). Lost on reboot. */
export interface ClientConfig {
  vsn: number;
  cid: number;
  sslEnable: number;
  sslCtxIdx: number;
  keepAlive: number;
  cleanSession: number;
  pktTimeout: number;
  retryTimes: number;
  timeoutNotice: number;
  will: { flag: number; qos: number; retain: number; topic: string; message: Buffer };
  msgRecvMode: number;
  msgLenEnable: number;
  aliauth?: { productKey: string; deviceName: string; deviceSecret: string };
  qmtpingInterval: number;
  sendMode: number;
  onenet?: { productId: string; accessKey: string };
  hwauth?: { productId: string; deviceSecret: string };
  hwprodid?: { productId: string; productSecret: string; nodeId: string };
  hwTimeEnable: number;
  dataformat: { sendMode: number; recvMode: number };
  viewMode: number;
  editTimeout: { mode: number; time: number };
}

/** What a handler may do to the serial side. Lines are sent framed as <CR><LF>line<CR><LF>. */
export interface SerialOut {
  /** An information line belonging to the running command. */
  line(text: string): void;
  ok(): void;
  error(): void;
  /** Unsolicited result code; may be sent at any time, also while another command runs. */
  urc(text: string): void;
  /**
   * Sends the `>` prompt (no line ending) and hands the next `length` bytes (or fewer, when
   * the input ends per the variant's rules) to `onData`. Used by QMTPUBEX and QMTCFG="willex".
   * `keepExtraInChunk` is a fault hook: bytes beyond `length` in the completing chunk are kept.
   */
  prompt(length: number, onData: (data: Buffer) => void, options?: { keepExtraInChunk?: boolean }): void;
  /** Raw bytes (rarely needed; e.g. `RDY` after reboot is still a line). */
  raw(bytes: Buffer): void;
}

/**
 * How AT+QMTOPEN reaches a server without the kernel (a run on a virtual clock, where every link
 * must be in process for the clock to see its bytes): a byte stream to address:port, or undefined
 * when nothing in process listens there (the module then dials a real socket on loopback).
 */
export type InProcessDial = (address: string, port: number) => Duplex | undefined;

/** Everything a command handler sees. */
export interface HandlerContext {
  readonly clock: Clock;
  readonly variant: VariantProfile;
  readonly faults: FaultSet;
  /** Six client configurations, index = client_idx (spec 3.3.1: 0~5). */
  readonly config: ClientConfig[];
  readonly out: SerialOut;
  /** The MQTT side; the core asks it whether a client has a connection (for QMTCFG refusals). */
  readonly mqtt: MqttSide;
  /** Name resolution for QMTOPEN: returns an IP address, or undefined when the name fails (result 4). */
  resolveHost(name: string): string | undefined;
  /** In-process connections for QMTOPEN, when the module runs on a virtual clock. */
  readonly dial?: InProcessDial;
  /** The module's file system (UFS), written by AT+QFUPL (spec 5.2). */
  readonly files: Map<string, Buffer>;
  /** SSL contexts 0..5 as AT+QSSLCFG sets them (spec 5.2; details in the SSL application note). */
  readonly sslContexts: SslContext[];
  /** False while AT+CFUN=0 or =4 has the radio off: no network for QMTOPEN. */
  radioOn(): boolean;
}

export interface SslContext {
  /** UFS file names, e.g. "UFS:cacert.pem". */
  cacert?: string;
  clientcert?: string;
  clientkey?: string;
  seclevel: number;
  sslversion: number;
  ciphersuite: string;
  ignorelocaltime: number;
}

export type CommandHandler = (command: ParsedCommand, ctx: HandlerContext) => void | Promise<void>;

/** The faults a module shows, asked by hook point: src/sim/faults/catalog.ts names each fault's hook. */
export interface FaultSet {
  /** Whether the fault that acts at `hook` is on. */
  at(hook: FaultHook): boolean;
}

/** The MQTT side of the module as the core needs it. Implemented in src/sim/mqtt. */
/** Everything the MQTT side needs; built once per simulated module by the core. */
export interface MqttEnvironment {
  readonly clock: Clock;
  readonly variant: VariantProfile;
  readonly faults: FaultSet;
  readonly config: ClientConfig[];
  /** Only `urc` is for the MQTT side's asynchronous reports; command output goes through the handler context. */
  readonly out: SerialOut;
  resolveHost(name: string): string | undefined;
  readonly files: Map<string, Buffer>;
  readonly sslContexts: SslContext[];
  radioOn(): boolean;
  /** The simulated network between module and server (./network-latency.ts). */
  readonly latency: NetworkLatency;
}

export interface MqttSide {
  /** True once QMTOPEN succeeded for this client and until it is closed (spec: "MQTT connection created"). */
  hasConnection(clientIdx: number): boolean;
  /** True from the CONNECT of AT+QMTCONN until the link is gone (reading A10 "after-connect"). */
  hasSentConnect(clientIdx: number): boolean;
  /** Command handlers for +QMTOPEN, +QMTCLOSE, +QMTCONN, +QMTDISC, +QMTSUB, +QMTUNS, +QMTPUBEX, +QMTRECV. */
  readonly handlers: Readonly<Record<string, CommandHandler>>;
  /** Tears down every client silently (reboot). */
  reset(): void;
}
