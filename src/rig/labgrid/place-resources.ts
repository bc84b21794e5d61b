/**
 * What labgrid-client prints about a place, read into what the harness needs: the serial port
 * as a URL the transports understand (src/at/open-transport.ts), whether a power switch is
 * there, which exporter (rig host) serves it; and the place list of `-v places`.
 */
import { parse } from 'yaml';

/** labgrid's power resources that `labgrid-client power` drives (labgrid/remote/client.py). */
const POWER_RESOURCES =
  /^(NetworkPowerPort|NetworkUSBPowerPort|NetworkSiSPMPowerPort|PDUDaemonPort|TasmotaPowerPort|NetworkYKUSHPowerPort|NetworkSysfsGPIO)$/;

export interface PlaceResources {
  /** rfc2217://host:port (labgrid's default protocol) or tcp://host:port (protocol: raw). */
  readonly serialPorts: string[];
  readonly power: boolean;
}

/** Reads `labgrid-client -p PLACE env` (a YAML labgrid environment of the acquired place). */
export function readPlaceEnv(text: string, place: string): PlaceResources {
  const env = parse(text) as {
    targets?: Record<string, { resources?: Record<string, Record<string, unknown>>[] }>;
  } | null;
  const target = env?.targets?.[place] ?? Object.values(env?.targets ?? {})[0];
  const serialPorts: string[] = [];
  let power = false;
  for (const entry of target?.resources ?? []) {
    for (const [cls, args] of Object.entries(entry)) {
      if (cls === 'NetworkSerialPort' && args.port !== null && args.port !== undefined) {
        const scheme = String(args.protocol ?? 'rfc2217') === 'raw' ? 'tcp' : 'rfc2217';
        serialPorts.push(`${scheme}://${String(args.host)}:${Number(args.port)}`);
      }
      if (POWER_RESOURCES.test(cls)) power = true;
    }
  }
  return { serialPorts, power };
}

export interface PlaceSummary {
  readonly name: string;
  readonly tags: Record<string, string>;
  /** "host/user" holding it, if anyone. */
  readonly acquired?: string;
  /** Exporters (rig hosts) its match patterns name: the first part of exporter/group/class. */
  readonly exporters: string[];
  readonly reservation?: string;
}

/** Reads `labgrid-client -v places` or `-p PLACE show` (labgrid's Place.show layout). */
export function readPlaces(text: string): PlaceSummary[] {
  const places: PlaceSummary[] = [];
  let current:
    | { name: string; tags: Record<string, string>; acquired?: string; exporters: Set<string>; reservation?: string }
    | undefined;
  let section = '';
  const flush = () => {
    if (current) places.push({ ...current, exporters: [...current.exporters].sort() });
  };
  for (const line of text.split('\n')) {
    const header = /^Place '(.+)':$/.exec(line);
    if (header) {
      flush();
      current = { name: header[1] as string, tags: {}, exporters: new Set() };
      section = '';
      continue;
    }
    if (!current || (!/^ {2}\S/.test(line) && !/^ {4}\S/.test(line))) {
      if (!/^\s/.test(line)) section = '';
      continue;
    }
    const field = /^ {2}([a-z ]+):\s*(.*)$/.exec(line);
    if (field) {
      section = field[1] as string;
      const value = (field[2] as string).trim();
      if (section === 'tags' && value)
        for (const pair of value.split(', ')) {
          const [k, ...v] = pair.split('=');
          current.tags[k as string] = v.join('=');
        }
      if (section === 'acquired' && value !== 'None') current.acquired = value;
      if (section === 'reservation' && value) current.reservation = value;
      continue;
    }
    if (section === 'matches' && /^ {4}\S/.test(line)) current.exporters.add(line.trim().split('/')[0] as string);
  }
  flush();
  return places;
}

/** The exporter (rig host) of an acquired resource in `show`: "Acquired resource 'x' (rig1/modA/…)". */
export function exporterOfShow(text: string): string | undefined {
  return /^Acquired resource '[^']*' \(([^/)]+)\//m.exec(text)?.[1];
}
