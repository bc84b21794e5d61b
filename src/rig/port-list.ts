/**
 * The serial ports of this host with their USB identity. serialport's list() is the source;
 * on Linux it shells out to `udevadm`, which minimal hosts and containers lack (and its spawn
 * error is then not catchable), so without udevadm the same facts are read from sysfs.
 */
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { SerialPort } from 'serialport';

export interface PortInfo {
  readonly path: string;
  /** Lower-case hex, e.g. "2c7c" (Quectel). */
  readonly vendorId?: string;
  readonly productId?: string;
  readonly serialNumber?: string;
  readonly manufacturer?: string;
  /** USB interface number of this port within its device, when known (sorts the AT port probe). */
  readonly interfaceNumber?: string;
}

/** Quectel Wireless Solutions' USB vendor id. */
export const QUECTEL_VENDOR_ID = '2c7c';

export async function listSerialPorts(): Promise<PortInfo[]> {
  if (process.platform === 'linux' && !onPath('udevadm')) return listFromSysfs();
  const ports = await SerialPort.list();
  return ports.map((p) => ({
    path: p.path,
    vendorId: p.vendorId?.toLowerCase(),
    productId: p.productId?.toLowerCase(),
    serialNumber: p.serialNumber,
    manufacturer: p.manufacturer,
    interfaceNumber: /-if(\d+)/.exec(p.pnpId ?? '')?.[1],
  }));
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, command)));
}

function readAttr(dir: string, name: string): string | undefined {
  try {
    return readFileSync(path.join(dir, name), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** /sys/class/tty/ttyUSB2/device → .../1-1:1.2 (interface) → .../1-1 (device with idVendor). */
export function listFromSysfs(root = '/sys/class/tty', devRoot = '/dev'): PortInfo[] {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return [];
  }
  const ports: PortInfo[] = [];
  for (const name of names.filter((n) => /^tty(USB|ACM)\d+$/.test(n)).sort()) {
    let dir: string;
    try {
      dir = realpathSync(path.join(root, name, 'device'));
    } catch {
      continue;
    }
    const interfaceNumber = readAttr(dir, 'bInterfaceNumber') ?? readAttr(path.dirname(dir), 'bInterfaceNumber');
    let usb = dir;
    while (usb !== '/' && !existsSync(path.join(usb, 'idVendor'))) usb = path.dirname(usb);
    ports.push({
      path: path.join(devRoot, name),
      vendorId: usb === '/' ? undefined : readAttr(usb, 'idVendor')?.toLowerCase(),
      productId: usb === '/' ? undefined : readAttr(usb, 'idProduct')?.toLowerCase(),
      serialNumber: usb === '/' ? undefined : readAttr(usb, 'serial'),
      manufacturer: usb === '/' ? undefined : readAttr(usb, 'manufacturer'),
      interfaceNumber: interfaceNumber ? String(Number.parseInt(interfaceNumber, 16)) : undefined,
    });
  }
  return ports;
}
