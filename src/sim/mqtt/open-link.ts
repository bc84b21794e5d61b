/**
 * The TCP (or TLS, spec 3.3.1 note 3 / 5.2) connection AT+QMTOPEN makes. On a virtual clock the
 * server is reached in process when it can be (`dial`: no kernel between module and fixture, so
 * the clock sees every byte in flight); otherwise a real socket on loopback, with the clock held
 * while the connect runs so virtual time does not move past it.
 */
import * as net from 'node:net';
import type { Duplex } from 'node:stream';
import * as tls from 'node:tls';
import type { Clock } from '../../clock/clock';
import type { InProcessDial, SslContext } from '../types';

export interface TlsMaterial {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  /** SSL application note: seclevel 0 = no authentication, 1 = server, 2 = server and client. */
  verifyServer: boolean;
  /** Name to check the server certificate against (the <host_name> the host gave). */
  serverName: string;
}

export type OpenOutcome = { ok: true; socket: Duplex; inProcess: boolean } | { ok: false; errorCode: string };

/** Connect timeout on the wall clock: loopback answers at once, so this only guards a hang. */
const CONNECT_GUARD_MS = 10_000;

export function openLink(
  clock: Clock,
  address: string,
  port: number,
  material?: TlsMaterial,
  dial?: InProcessDial,
): Promise<OpenOutcome> {
  const stream = dial?.(address, port);
  if (stream)
    return material
      ? openTlsInProcess(stream, material)
      : Promise.resolve({ ok: true, socket: stream, inProcess: true });
  const release = clock.hold('QMTOPEN connect');
  return new Promise<OpenOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: OpenOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(guard);
      release();
      resolve(outcome);
    };
    const socket = material
      ? tls.connect({ host: address, port, ...tlsOptions(material) })
      : net.connect({ host: address, port, noDelay: true });
    const guard = setTimeout(() => {
      socket.destroy();
      finish({ ok: false, errorCode: 'ETIMEDOUT' });
    }, CONNECT_GUARD_MS);
    // The error listener stays attached after the connect (finish() is then a no-op), so an early
    // socket error before the session attaches its own listeners can never crash the process.
    socket.setNoDelay(true);
    socket.once(material ? 'secureConnect' : 'connect', () => finish({ ok: true, socket, inProcess: false }));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (settled) return;
      socket.destroy();
      finish({ ok: false, errorCode: error.code ?? 'EIO' });
    });
  });
}

/** TLS over an in-process stream: the same checks as over a socket; no wall-clock guard (nothing can hang in process). */
function openTlsInProcess(stream: Duplex, material: TlsMaterial): Promise<OpenOutcome> {
  return new Promise<OpenOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: OpenOutcome): void => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    const socket = tls.connect({ socket: stream, ...tlsOptions(material) });
    socket.once('secureConnect', () => finish({ ok: true, socket, inProcess: true }));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (settled) return;
      socket.destroy();
      finish({ ok: false, errorCode: error.code ?? 'EIO' });
    });
    socket.once('close', () => finish({ ok: false, errorCode: 'ECONNRESET' }));
  });
}

function tlsOptions(material: TlsMaterial): tls.ConnectionOptions {
  return {
    ca: material.ca,
    cert: material.cert,
    key: material.key,
    rejectUnauthorized: material.verifyServer,
    servername: net.isIP(material.serverName) ? undefined : material.serverName,
    checkServerIdentity: (_host, cert) => tls.checkServerIdentity(material.serverName, cert),
  };
}

/** Reads the certificate files an SSL context names from the module's UFS (AT+QFUPL, spec 5.2). */
export function tlsMaterialFor(
  context: SslContext | undefined,
  files: Map<string, Buffer>,
  hostName: string,
): TlsMaterial | 'missing-file' {
  const ctx = context ?? { seclevel: 0, sslversion: 4, ciphersuite: '0xFFFF', ignorelocaltime: 1 };
  const read = (name: string | undefined): Buffer | undefined | 'missing' =>
    name === undefined ? undefined : (files.get(name) ?? 'missing');
  const ca = read(ctx.cacert);
  const cert = read(ctx.clientcert);
  const key = read(ctx.clientkey);
  if (ca === 'missing' || cert === 'missing' || key === 'missing') return 'missing-file';
  return { ca, cert, key, verifyServer: ctx.seclevel >= 1, serverName: hostName };
}

/** The simulator never leaves the machine: only loopback addresses are dialled. */
export function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address === 'localhost';
}
