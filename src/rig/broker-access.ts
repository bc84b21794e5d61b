/**
 * Who may connect to the broker fixture (reachability from a real module). When the
 * fixture listens beyond loopback (`--broker-listen 0.0.0.0` on a rig whose modules come in over
 * a LAN or a cellular test network), anything on that network could reach it; it accepts only
 * loopback and the advertised address's subnet (IPv4 /24, IPv6 /64), plus what `--broker-allow`
 * adds (CIDR blocks or single addresses). Everything else is closed on accept.
 */
import { writeFileSync } from 'node:fs';
import { BlockList, isIP } from 'node:net';
import { tlsMaterial } from '../broker/tls-material';

export function peerAllowList(advertised: string, extra: readonly string[] = []): BlockList {
  const list = new BlockList();
  list.addSubnet('127.0.0.0', 8, 'ipv4');
  list.addAddress('::1', 'ipv6');
  const family = isIP(advertised);
  if (family === 4) list.addSubnet(advertised.split('.').slice(0, 3).join('.') + '.0', 24, 'ipv4');
  if (family === 6) list.addSubnet(advertised, 64, 'ipv6');
  for (const entry of extra) addEntry(list, entry);
  return list;
}

/** Throws naming the entry when it is neither an address nor address/prefix. */
export function addEntry(list: BlockList, entry: string): void {
  const [address, prefix] = entry.split('/');
  const family = isIP(address);
  const bits = prefix === undefined ? (family === 4 ? 32 : 128) : Number(prefix);
  if (!family || !Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128)) {
    throw new Error(`"${entry}" is not an IP address or CIDR block (e.g. 10.20.0.0/16)`);
  }
  list.addSubnet(address, bits, family === 4 ? 'ipv4' : 'ipv6');
}

/** Accepts IPv4-mapped IPv6 peers (`::ffff:10.0.0.7`) as the IPv4 address they are. */
export function peerAllowed(list: BlockList, remote: string | undefined): boolean {
  if (!remote) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(remote)?.[1];
  const address = mapped ?? remote;
  return list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/** The fixture's allowPeer for a run: loopback, the advertised address's subnet, `--broker-allow`. */
export function peerFilter(
  advertised: string,
  extra: readonly string[] = [],
): (address: string | undefined) => boolean {
  const list = peerAllowList(advertised, extra);
  return (address) => peerAllowed(list, address);
}

/**
 * `--broker-ca-out <file>`: the CA that signs the fixture's TLS certificates this run (one per
 * process), for uploading to a real module with AT+QFUPL="UFS:cacert.pem",<size> (spec 5.2)
 * and pointing AT+QSSLCFG="cacert" at it.
 */
export async function exportBrokerCa(file: string): Promise<void> {
  writeFileSync(file, (await tlsMaterial()).caPem);
}
