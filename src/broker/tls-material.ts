/**
 * TLS material generated at run time (nothing committed, no network): a CA, a server
 * certificate for 127.0.0.1 / ::1 / localhost signed by it, and a client certificate + key
 * signed by it, so a scenario can upload CA / client cert / client key to the module
 * (AT+QFUPL) and the TLS tap can verify the module's certificate when asked to.
 */
import type * as Selfsigned from 'selfsigned';

// Loaded on first use: only TLS scenarios need it, and it is a large part of a cold start.
const generate: typeof Selfsigned.generate = (...args) =>
  (require('selfsigned') as typeof Selfsigned).generate(...args);

export interface TlsMaterial {
  readonly caPem: string;
  readonly serverCertPem: string;
  readonly serverKeyPem: string;
  readonly clientCertPem: string;
  readonly clientKeyPem: string;
}

const ONE_DAY_MS = 24 * 60 * 60 * 1000;

async function createTlsMaterial(): Promise<TlsMaterial> {
  // Valid from yesterday: a module whose clock is a little behind still accepts the chain.
  const notBeforeDate = new Date(Date.now() - ONE_DAY_MS);
  const notAfterDate = new Date(Date.now() + 365 * ONE_DAY_MS);
  const common = { keySize: 2048, algorithm: 'sha256', notBeforeDate, notAfterDate } as const;
  const ca = await generate([{ name: 'commonName', value: 'QMT conformance test CA' }], {
    ...common,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const caSigner = { key: ca.private, cert: ca.cert };
  const server = await generate([{ name: 'commonName', value: 'localhost' }], {
    ...common,
    ca: caSigner,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  const client = await generate([{ name: 'commonName', value: 'qmt-module-under-test' }], {
    ...common,
    ca: caSigner,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', clientAuth: true },
    ],
  });
  return {
    caPem: ca.cert,
    serverCertPem: server.cert,
    serverKeyPem: server.private,
    clientCertPem: client.cert,
    clientKeyPem: client.private,
  };
}

let shared: Promise<TlsMaterial> | undefined;

/**
 * One set of material per process: RSA key generation costs hundreds of ms, and the material
 * carries no state between scenarios. `fresh: true` makes a new, unrelated set (e.g. a "wrong CA").
 */
export function tlsMaterial(options: { fresh?: boolean } = {}): Promise<TlsMaterial> {
  if (options.fresh) return createTlsMaterial();
  shared ??= createTlsMaterial().catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}
