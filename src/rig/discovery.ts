/**
 * `qmt list` / `qmt run --port auto`: which Quectel modules are attached, and which of each
 * module's ports is its AT port. A module exposes several ports (DM, NMEA, AT, modem); they
 * share the USB device (same serial number), so the ports of one device are probed with `AT` in
 * interface order and the first to answer OK is the AT port (our assumption, not in docs/field-evidence.md: usually interface 2,
 * /dev/ttyUSB2; the modem port answers AT too, and comes later). ATI / AT+GMR / AT+QGMR then
 * identify the model and firmware, matched to a variant profile.
 *
 * Ports that are not on USB (a ser2net or RFC 2217 port, a simulator's pseudo-terminal) cannot
 * be listed; QMT_RIG_PORTS (comma-separated) adds them as candidates, each its own module.
 */
import { AtClient } from '../at/at-client';
import { transportFor } from '../at/open-transport';
import { Transcript } from '../at/transcript';
import { RealClock } from '../clock/clock';
import { SecretMasker } from '../secrets/masker';
import { detectVariant } from '../variants/catalog';
import { identifyModule } from './identify';
import { answersAt, switchEchoOff } from './module-handshake';
import { listSerialPorts, QUECTEL_VENDOR_ID, type PortInfo } from './port-list';
import type { ModuleIdentity } from './types';

export const EXTRA_PORTS_ENV = 'QMT_RIG_PORTS';

export interface DiscoveredModule {
  /** The module's AT port, what `--port` takes. */
  readonly port: string;
  /** Variant profile matched from ATI / AT+GMR; undefined = no profile knows this model. */
  readonly variant?: string;
  readonly identity: ModuleIdentity;
  /** The module's other ports (same USB device), which did not answer AT first. */
  readonly otherPorts: readonly string[];
}

export interface DiscoveryProblem {
  readonly ports: readonly string[];
  /** One line: why no AT port was found among them. */
  readonly problem: string;
}

export interface DiscoveryOptions {
  baud: number;
  listPorts?: () => Promise<PortInfo[]>;
  /** Candidates besides USB (default: QMT_RIG_PORTS). */
  extraPorts?: readonly string[];
  /** Per probe; a port that is not an AT port stays silent, so keep this short. */
  probeTimeoutMs?: number;
}

export interface Discovery {
  readonly modules: DiscoveredModule[];
  readonly problems: DiscoveryProblem[];
}

export function extraPortsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env[EXTRA_PORTS_ENV] ?? '').split(/[,\s]+/).filter(Boolean);
}

/** Quectel USB ports grouped by device (serial number), each group in interface order. */
export function groupQuectelPorts(ports: readonly PortInfo[]): PortInfo[][] {
  const groups = new Map<string, PortInfo[]>();
  for (const port of ports.filter((p) => p.vendorId?.toLowerCase() === QUECTEL_VENDOR_ID)) {
    const key = port.serialNumber ? `serial:${port.serialNumber}` : `path:${port.path}`;
    groups.set(key, [...(groups.get(key) ?? []), port]);
  }
  const order = (p: PortInfo) => Number(p.interfaceNumber ?? Number.NaN);
  return [...groups.values()].map((g) =>
    [...g].sort((a, b) => order(a) - order(b) || a.path.localeCompare(b.path, undefined, { numeric: true })),
  );
}

export async function discoverModules(options: DiscoveryOptions): Promise<Discovery> {
  const listed = await (options.listPorts ?? listSerialPorts)();
  const groups: string[][] = [
    ...groupQuectelPorts(listed).map((g) => g.map((p) => p.path)),
    ...(options.extraPorts ?? extraPortsFromEnv()).map((p) => [p]),
  ];
  const modules: DiscoveredModule[] = [];
  const problems: DiscoveryProblem[] = [];
  // One device at a time, one port at a time: probing two ports of one module at once confuses some firmware.
  for (const group of groups) {
    const reasons: string[] = [];
    let found: DiscoveredModule | undefined;
    for (const port of group) {
      const probe = await probePort(port, options.baud, options.probeTimeoutMs ?? 500);
      if ('identity' in probe) {
        const variant = detectVariant(`${probe.identity.model} ${probe.identity.revision}`)?.name;
        found = { port, variant, identity: probe.identity, otherPorts: group.filter((p) => p !== port) };
        break;
      }
      reasons.push(`${port}: ${probe.problem}`);
    }
    if (found) modules.push(found);
    else problems.push({ ports: group, problem: reasons.join('; ') });
  }
  return { modules, problems };
}

/** Opens `port`, checks it answers AT, identifies the module, closes the port again. */
export async function probePort(
  port: string,
  baud: number,
  timeoutMs: number,
): Promise<{ identity: ModuleIdentity } | { problem: string }> {
  const transport = transportFor(port, baud);
  try {
    await transport.open();
  } catch (error) {
    return { problem: (error as Error).message };
  }
  const clock = new RealClock();
  const at = new AtClient(transport, clock, new Transcript(clock, new SecretMasker()));
  try {
    if (!(await answersAt(at, { tries: 2, timeoutMs }))) return { problem: 'no answer to AT' };
    await switchEchoOff(at);
    return { identity: await identifyModule(at) };
  } catch (error) {
    return { problem: (error as Error).message };
  } finally {
    await at.close().catch(() => undefined);
  }
}
