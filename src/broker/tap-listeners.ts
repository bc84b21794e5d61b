/**
 * The listening sockets of the broker fixture's tap: plain MQTT on the asked port, and for TLS
 * scenarios (spec 5.2) a TLS listener on an ephemeral port with certificates made at run time.
 */
import type { Server } from 'node:net';
import type { Duplex } from 'node:stream';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';
import { tlsMaterial, type TlsMaterial } from './tls-material';

/** What a scenario uploads to the module for TLS (AT+QFUPL). */
export type ModuleTlsMaterial = Pick<TlsMaterial, 'caPem' | 'clientCertPem' | 'clientKeyPem'>;

export interface TlsListener {
  readonly server: Server;
  readonly port: number;
  readonly material: ModuleTlsMaterial;
}

/**
 * A TLS listener on `host`, ephemeral port. `refused` sees each TCP connection before the
 * handshake (and closes a peer that may not connect); `accept` gets each finished handshake.
 */
export async function openTlsListener(
  host: string,
  requireClientCert: boolean,
  accept: (socket: TLSSocket) => void,
  refused: (socket: Duplex) => boolean,
): Promise<TlsListener> {
  const material = await tlsMaterial();
  const server = createTlsServer(
    {
      key: material.serverKeyPem,
      cert: material.serverCertPem,
      ca: [material.caPem],
      requestCert: requireClientCert,
      rejectUnauthorized: requireClientCert,
    },
    accept,
  );
  // Peers are checked on the TCP connection, before the handshake.
  server.prependListener('connection', (socket: Duplex) => void refused(socket));
  const port = await listen(server, host, 0);
  const { caPem, clientCertPem, clientKeyPem } = material;
  return { server, port, material: { caPem, clientCertPem, clientKeyPem } };
}

export function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/**
 * Stops listening. Does not wait for open connections (server.close's callback would wait for
 * every module connection to end); the listening socket itself is gone after this tick.
 */
export function closeServer(server: Server): Promise<void> {
  if (server.listening) server.close(() => undefined);
  return new Promise((resolve) => setImmediate(resolve));
}
