/**
 * What a scenario uploads with AT+QFUPL for TLS (spec 5.2): the fixture's CA and the module's client
 * certificate and key, or a CA made for this scenario that did not sign the broker's certificate
 * (the module must then reject the server).
 */
import type { ModuleTlsMaterial } from '../broker/fixture';
import { tlsMaterial } from '../broker/tls-material';
import type { Clock } from '../clock/clock';
import { harnessTrouble } from './verdict';

type Source = (material: ModuleTlsMaterial | undefined, clock: Clock) => Promise<string>;

const UPLOADS: Record<string, Source> = {
  "the broker's CA certificate": async (material) => requireTls(material).caPem,
  "the module's client certificate": async (material) => requireTls(material).clientCertPem,
  "the module's client key": async (material) => requireTls(material).clientKeyPem,
  "a CA certificate that did not sign the broker's certificate": async (_material, clock) => {
    // Generating a key pair takes real time; the virtual clock must not run on meanwhile.
    const release = clock.hold('generate an unrelated CA');
    try {
      return (await tlsMaterial({ fresh: true })).caPem;
    } finally {
      release();
    }
  },
};

/** The names a scenario may upload by (the `{upload}` parameter type). */
export const UPLOAD_NAMES = Object.keys(UPLOADS);

export async function uploadData(name: string, material: ModuleTlsMaterial | undefined, clock: Clock): Promise<Buffer> {
  const source = UPLOADS[name];
  if (!source) throw harnessTrouble(`nothing to upload is called "${name}" (known: ${UPLOAD_NAMES.join(', ')})`);
  return Buffer.from(await source(material, clock), 'latin1');
}

function requireTls(material: ModuleTlsMaterial | undefined): ModuleTlsMaterial {
  if (!material) throw harnessTrouble('the broker has no TLS listener: tag the scenario @ssl');
  return material;
}
