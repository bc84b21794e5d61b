/**
 * Test fixtures for the simulator's MQTT side: a fake serial side that records what the module
 * prints, a ClientConfig with the variant's defaults, a real Aedes broker and a silent TCP server
 * on 127.0.0.1 (ephemeral ports). No import from src/at or src/broker (independence rule).
 */
import * as net from 'node:net';
import * as mqttPacket from 'mqtt-packet';
import { Aedes } from 'aedes';
import { VirtualClock } from '../../../src/clock/clock';
import { findVariant } from '../../../src/variants/catalog';
import type { VariantProfile } from '../../../src/variants/profile';
import type {
  AtArgument,
  ClientConfig,
  FaultSet,
  HandlerContext,
  MqttEnvironment,
  MqttSide,
  ParsedCommand,
  SerialOut,
} from '../../../src/sim/types';
import { FAULTS, type FaultHook, type FaultId } from '../../../src/sim/faults/catalog';
import { createMqttSide } from '../../../src/sim/mqtt';
import { NetworkLatency, NO_LATENCY, type LatencySpec } from '../../../src/sim/network-latency';

export class FakeOut implements SerialOut {
  readonly events: string[] = [];
  private pending: ((data: Buffer) => void) | undefined;
  line(text: string): void {
    this.events.push(`line:${text}`);
  }
  ok(): void {
    this.events.push('OK');
  }
  error(): void {
    this.events.push('ERROR');
  }
  urc(text: string): void {
    this.events.push(`urc:${text}`);
  }
  prompt(length: number, onData: (data: Buffer) => void): void {
    this.events.push(`prompt:${length}`);
    this.pending = onData;
  }
  raw(bytes: Buffer): void {
    this.events.push(`raw:${bytes.toString('latin1')}`);
  }
  /** The host types payload after the `>` prompt. */
  type(data: string): void {
    const onData = this.pending;
    this.pending = undefined;
    if (!onData) throw new Error('no prompt pending');
    onData(Buffer.from(data, 'latin1'));
  }
  urcs(): string[] {
    return this.events.filter((e) => e.startsWith('urc:')).map((e) => e.slice(4));
  }
  /** Waits (real time) until a URC matching the pattern has been printed; returns it. */
  async waitUrc(pattern: RegExp, timeoutMs = 3000): Promise<string> {
    const start = Date.now();
    for (;;) {
      const found = this.urcs().find((u) => pattern.test(u));
      if (found) return found;
      if (Date.now() - start > timeoutMs) throw new Error(`no URC ${pattern} in ${JSON.stringify(this.events)}`);
      await new Promise((r) => setTimeout(r, 2));
    }
  }
  clear(): void {
    this.events.length = 0;
  }
}

export function defaultConfig(variant: VariantProfile): ClientConfig {
  const d = variant.defaults;
  return {
    vsn: d.vsn,
    cid: 1,
    sslEnable: d.sslEnable,
    sslCtxIdx: d.sslCtxIdx,
    keepAlive: 120,
    cleanSession: d.cleanSession,
    pktTimeout: 5,
    retryTimes: 3,
    timeoutNotice: d.timeoutNotice,
    will: { flag: 0, qos: 0, retain: 0, topic: '', message: Buffer.alloc(0) },
    msgRecvMode: d.msgRecvMode,
    msgLenEnable: d.msgLenEnable,
    qmtpingInterval: 5,
    sendMode: d.sendMode,
    hwTimeEnable: d.hwTimeEnable,
    dataformat: { sendMode: d.sendMode, recvMode: d.recvMode },
    viewMode: d.viewMode,
    editTimeout: { mode: d.editMode, time: d.editTime },
  };
}

/** The faults of a test module, switched on by id at any time (`on.add(id)`). */
export class Faults implements FaultSet {
  readonly on = new Set<FaultId>();
  at(hook: FaultHook): boolean {
    return FAULTS.some((fault) => fault.acts.at === hook && this.on.has(fault.id));
  }
}

export interface Module {
  clock: VirtualClock;
  out: FakeOut;
  faults: Faults;
  variant: VariantProfile;
  config: ClientConfig[];
  mqtt: MqttSide;
  ctx: HandlerContext;
  /** Runs one AT command line through the MQTT handlers. */
  at(line: string): void;
  stop(): void;
}

export function makeModule(
  variantName = 'EC200N-CN',
  readings: Partial<VariantProfile['readings']> = {},
  latency: LatencySpec = NO_LATENCY,
): Module {
  const base = findVariant(variantName);
  const variant: VariantProfile = { ...base, readings: { ...base.readings, ...readings } };
  const clock = new VirtualClock();
  const out = new FakeOut();
  const faults = new Faults();
  const config = Array.from({ length: 6 }, () => defaultConfig(variant));
  const hosts: Record<string, string> = { localhost: '127.0.0.1', 'broker.test': '127.0.0.1', 'far.test': '192.0.2.7' };
  const env: MqttEnvironment = {
    clock,
    variant,
    faults,
    config,
    out,
    resolveHost: (name) => hosts[name],
    radioOn: () => true,
    files: new Map(),
    sslContexts: Array.from({ length: 6 }, () => ({
      seclevel: 0,
      sslversion: 4,
      ciphersuite: '0xFFFF',
      ignorelocaltime: 1,
    })),
    latency: new NetworkLatency(latency),
  };
  const mqtt = createMqttSide(env);
  const ctx: HandlerContext = { ...env, mqtt, resolveHost: env.resolveHost };
  return {
    clock,
    out,
    faults,
    variant,
    config,
    mqtt,
    ctx,
    at(line: string) {
      const command = parseLine(line);
      const handler = mqtt.handlers[command.name];
      if (!handler) throw new Error(`no handler for ${command.name}`);
      void handler(command, ctx);
    },
    stop() {
      mqtt.reset();
      clock.stop();
    },
  };
}

/** Minimal AT line parser for tests (the core has the real one). */
export function parseLine(raw: string): ParsedCommand {
  const body = raw.replace(/^AT/i, '');
  const match = /^(\+[A-Z]+)(=\?|\?|=)?(.*)$/i.exec(body);
  if (!match) throw new Error(`bad line ${raw}`);
  const name = match[1].toUpperCase();
  const form = match[2] === '=?' ? 'test' : match[2] === '?' ? 'read' : match[2] === '=' ? 'set' : 'exec';
  const args: AtArgument[] = [];
  if (form === 'set') {
    const re = /\s*(?:"([^"]*)"|([^,]*))\s*(?:,|$)/gy;
    const text = match[3];
    while (re.lastIndex < text.length) {
      const m = re.exec(text);
      if (!m) break;
      args.push(m[1] !== undefined ? { text: m[1], quoted: true } : { text: m[2].trim(), quoted: false });
    }
  }
  return { raw, name, form, args };
}

export interface Broker {
  aedes: Aedes;
  port: number;
  close(): Promise<void>;
}

export async function startBroker(): Promise<Broker> {
  const aedes = await Aedes.createBroker();
  const server = net.createServer(aedes.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    aedes,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        aedes.close(() => server.close(() => resolve()));
      }),
  };
}

/** A server that parses MQTT but answers only CONNECT (with CONNACK 0): for retransmission tests. */
export async function startSilentServer(): Promise<{
  port: number;
  packets: mqttPacket.Packet[];
  sockets: net.Socket[];
  close(): Promise<void>;
}> {
  const packets: mqttPacket.Packet[] = [];
  const sockets: net.Socket[] = [];
  const server = net.createServer((socket) => {
    sockets.push(socket);
    const parser = mqttPacket.parser({ protocolVersion: 4 });
    parser.on('packet', (packet) => {
      packets.push(packet);
      if (packet.cmd === 'connect')
        socket.write(mqttPacket.generate({ cmd: 'connack', returnCode: 0, sessionPresent: false }));
    });
    socket.on('data', (chunk: Buffer) => parser.parse(chunk));
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    packets,
    sockets,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}

/** Opens and connects client `idx` to a broker; resolves when +QMTCONN: idx,0,0 arrived. */
export async function connectClient(m: Module, port: number, idx = 0, clientId = 'sim-client'): Promise<void> {
  m.at(`AT+QMTOPEN=${idx},"127.0.0.1",${port}`);
  await m.out.waitUrc(new RegExp(`^\\+QMTOPEN: ${idx},0$`));
  m.at(`AT+QMTCONN=${idx},"${clientId}"`);
  await m.out.waitUrc(new RegExp(`^\\+QMTCONN: ${idx},0,0$`));
}

/** A port nobody listens on (bound then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
