/**
 * `qmt doctor`: is this rig fit for a run (LAVA's health check before a job)? Each check
 * yields at most one problem line; checks that need an answering module are skipped when the
 * port is missing, busy or silent (one root cause, one line).
 *
 *   port present · port not busy · module answers AT · SIM ready (AT+CPIN?) · registered
 *   (AT+CEREG?) · PDP context active (AT+CGACT?) · broker fixture reachable FROM THE MODULE
 *   (AT+QMTOPEN to a fixture started for the check) · module clock within --max-drift (AT+CCLK?)
 */
import { existsSync } from 'node:fs';
import { AtClient } from '../at/at-client';
import { transportFor } from '../at/open-transport';
import { Transcript } from '../at/transcript';
import { BrokerFixture } from '../broker/fixture';
import { RealClock } from '../clock/clock';
import { SecretMasker } from '../secrets/masker';
import { peerFilter } from './broker-access';
import { identifyModule } from './identify';
import { answersAt, switchEchoOff } from './module-handshake';
import { describePid, lockHolders, openHolders } from './port-holders';

export interface DoctorOptions {
  port: string;
  baud: number;
  /** Address the module dials to reach the fixture, and where the fixture listens. */
  brokerHost: string;
  brokerListen: string;
  /** How long +QMTOPEN may take (spec 3.3.2: up to 120 s on a slow network). */
  openTimeoutMs: number;
  /** Largest acceptable |module clock - host clock|, seconds. */
  maxDriftS: number;
  /** PDP context the MQTT stack uses (AT+QMTCFG="pdpcid" default 1). */
  pdpCid: number;
}

export interface DoctorReport {
  readonly port: string;
  /** One line each, naming what is wrong; empty = healthy. */
  readonly problems: string[];
  /** What was found fine, for the healthy summary. */
  readonly facts: string[];
}

const REMOTE = /^[a-z0-9+]+:\/\//i;

/** spec 3.3.2 <result> of +QMTOPEN. */
const OPEN_RESULTS: Record<string, string> = {
  '-1': 'failed to open the network',
  '1': 'wrong parameter',
  '2': 'MQTT identifier is occupied',
  '3': 'failed to activate PDP',
  '4': 'failed to parse the domain name',
  '5': 'error caused by network disconnection',
};

/** 3GPP 27.007 <stat> of +CEREG. */
const REG_STATES: Record<string, string> = {
  '0': 'not registered, not searching',
  '2': 'not registered, searching',
  '3': 'registration denied',
  '4': 'unknown',
};

export async function examineRig(options: DoctorOptions): Promise<DoctorReport> {
  const { port } = options;
  const problems: string[] = [];
  const facts: string[] = [];
  const report = { port, problems, facts };
  if (!REMOTE.test(port) && !existsSync(port)) {
    problems.push(`${port}: port not present (no such device)`);
    return report;
  }
  const transport = transportFor(port, options.baud);
  try {
    await transport.open();
  } catch (error) {
    const message = (error as Error).message;
    if (/lock|temporarily unavailable|busy/i.test(message)) {
      const holders = REMOTE.test(port) ? [] : lockHolders(port).map(describePid);
      problems.push(
        `${port}: port busy${holders.length ? `, held by ${holders.join(', ')}` : ' (another program has it open)'}`,
      );
    } else {
      problems.push(`${port}: cannot open the port: ${message}`);
    }
    return report;
  }
  // Opened: no lock held. A program with the port open without one reads the answers away, and
  // the module would look dead; that is the one problem to report.
  const readers = REMOTE.test(port) ? [] : openHolders(port).map(describePid);
  if (readers.length) {
    problems.push(
      `${port}: port in use, held by ${readers.join(', ')} without a lock: it reads the module's answers away`,
    );
    await transport.close().catch(() => undefined);
    return report;
  }
  const clock = new RealClock();
  const at = new AtClient(transport, clock, new Transcript(clock, new SecretMasker()));
  try {
    if (!(await answersAt(at))) {
      problems.push(
        `${port}: the module does not answer AT (3 tries of 1 s): powered off, wrong port or baud rate, or hung`,
      );
      return report;
    }
    await switchEchoOff(at);
    const identity = await identifyModule(at);
    facts.push(`${identity.model} ${identity.revision}`);
    await checkSim(at, port, problems, facts);
    await checkRegistration(at, port, problems, facts);
    await checkPdp(at, options, problems, facts);
    await checkBroker(at, options, problems, facts);
    await checkClock(at, options, problems, facts);
  } catch (error) {
    problems.push(`${port}: the check stopped: ${(error as Error).message}`);
  } finally {
    await at.close().catch(() => undefined);
  }
  return report;
}

async function query(at: AtClient, command: string, prefix: string): Promise<{ fields?: string[]; answer: string }> {
  const reply = await at.send(command, { timeoutMs: 5_000 });
  const final = reply.final.kind === 'CME ERROR' ? `+CME ERROR: ${reply.final.code}` : reply.final.kind;
  const line = reply.lines.map((l) => l.trim()).find((l) => l.startsWith(`${prefix}:`));
  if (reply.final.kind !== 'OK' || !line) return { answer: line ?? final };
  return {
    fields: line
      .slice(prefix.length + 1)
      .split(',')
      .map((f) => f.trim().replace(/^"|"$/g, '')),
    answer: line,
  };
}

async function checkSim(at: AtClient, port: string, problems: string[], facts: string[]): Promise<void> {
  const { fields, answer } = await query(at, 'AT+CPIN?', '+CPIN');
  if (fields?.[0] === 'READY') facts.push('SIM ready');
  else problems.push(`${port}: SIM not ready (AT+CPIN? answered ${answer})`);
}

async function checkRegistration(at: AtClient, port: string, problems: string[], facts: string[]): Promise<void> {
  const { fields, answer } = await query(at, 'AT+CEREG?', '+CEREG');
  const stat = fields?.[1];
  if (stat === '1' || stat === '5') facts.push(stat === '1' ? 'registered (home)' : 'registered (roaming)');
  else
    problems.push(
      `${port}: not registered on the network (AT+CEREG? answered ${answer}${stat && REG_STATES[stat] ? `: ${REG_STATES[stat]}` : ''})`,
    );
}

async function checkPdp(at: AtClient, options: DoctorOptions, problems: string[], facts: string[]): Promise<void> {
  const reply = await at.send('AT+CGACT?', { timeoutMs: 5_000 });
  const active = reply.lines.some((l) => new RegExp(`^\\+CGACT:\\s*${options.pdpCid}\\s*,\\s*1\\b`).test(l.trim()));
  if (reply.final.kind === 'OK' && active) facts.push(`PDP context ${options.pdpCid} active`);
  else
    problems.push(
      `${options.port}: PDP context ${options.pdpCid} is not active (AT+CGACT? answered ${reply.lines.join(' ') || reply.final.kind})`,
    );
}

async function checkBroker(at: AtClient, options: DoctorOptions, problems: string[], facts: string[]): Promise<void> {
  const clock = new RealClock();
  const broker = await BrokerFixture.start({
    clock,
    host: options.brokerListen,
    allowNonLoopback: options.brokerListen !== '127.0.0.1',
    allowPeer: peerFilter(options.brokerHost),
    masker: new SecretMasker(),
  });
  const where = `${options.brokerHost}:${broker.port}`;
  try {
    const opened = await at.send('AT+QMTOPEN?', { timeoutMs: 5_000 });
    const busy = new Set(opened.lines.map((l) => /^\+QMTOPEN:\s*(\d)/.exec(l.trim())?.[1]).filter(Boolean));
    const idx = [0, 1, 2, 3, 4, 5].find((i) => !busy.has(String(i)));
    if (idx === undefined) {
      problems.push(`${options.port}: cannot check the broker: all six MQTT clients are open`);
      return;
    }
    const since = { index: at.mark() };
    const reply = await at.send(`AT+QMTOPEN=${idx},"${options.brokerHost}",${broker.port}`, { timeoutMs: 5_000 });
    if (reply.final.kind !== 'OK') {
      problems.push(
        `${options.port}: broker at ${where} not reachable from the module: AT+QMTOPEN answered ${reply.final.kind}`,
      );
      return;
    }
    const urc = await at
      .waitForUrc(
        (u) => u.name === '+QMTOPEN' && u.fields[0] === String(idx),
        options.openTimeoutMs,
        since,
        `+QMTOPEN: ${idx},<result>`,
      )
      .catch(() => undefined);
    const result = urc?.fields[1];
    if (result === '0') facts.push(`broker fixture reachable at ${where}`);
    else if (result === undefined)
      problems.push(
        `${options.port}: broker at ${where} not reachable from the module: no +QMTOPEN within ${options.openTimeoutMs / 1000} s`,
      );
    else
      problems.push(
        `${options.port}: broker at ${where} not reachable from the module: +QMTOPEN: ${idx},${result} (${OPEN_RESULTS[result] ?? 'unknown result'})`,
      );
    await at.send(`AT+QMTCLOSE=${idx}`, { timeoutMs: 5_000 }).catch(() => undefined);
  } finally {
    await broker.stop();
  }
}

/** +CCLK: "yy/MM/dd,hh:mm:ss±zz", zz in quarters of an hour (3GPP 27.007). */
export function parseCclk(text: string): Date | undefined {
  const m = /(\d{2})\/(\d{2})\/(\d{2}),(\d{2}):(\d{2}):(\d{2})([+-]\d{1,2})?/.exec(text);
  if (!m) return undefined;
  const [, yy, mo, dd, hh, mi, ss, zz] = m;
  const local = Date.UTC(2000 + Number(yy), Number(mo) - 1, Number(dd), Number(hh), Number(mi), Number(ss));
  return new Date(local - Number(zz ?? 0) * 15 * 60_000);
}

async function checkClock(at: AtClient, options: DoctorOptions, problems: string[], facts: string[]): Promise<void> {
  const { answer, fields } = await query(at, 'AT+CCLK?', '+CCLK');
  const moduleTime = fields ? parseCclk(answer) : undefined;
  if (!moduleTime) {
    problems.push(`${options.port}: cannot read the module clock (AT+CCLK? answered ${answer})`);
    return;
  }
  const drift = Math.round((moduleTime.getTime() - Date.now()) / 1000);
  if (Math.abs(drift) > options.maxDriftS) {
    problems.push(
      `${options.port}: module clock ${Math.abs(drift)} s ${drift < 0 ? 'behind' : 'ahead of'} the host (AT+CCLK?; limit ${options.maxDriftS} s): TLS certificate dates and timestamps will be off`,
    );
  } else facts.push(`clock drift ${drift} s`);
}
