/**
 * Picks the transport from what the user typed (labgrid idea: configuration decides the driver):
 * `tcp://host:port` → raw TCP (ser2net), `rfc2217://host:port` → telnet with RFC 2217 port
 * control (baud rate and control lines set remotely), anything else → a serial device path, nothing → the
 * in-process simulator link when one is offered.
 */
import type { Duplex } from 'node:stream';
import { SerialTransport } from './serial-transport';
import { Rfc2217Transport } from './rfc2217-transport';
import { StreamTransport } from './stream-transport';
import { TcpTransport } from './tcp-transport';
import type { Transport } from './types';

export function transportFor(port: string | undefined, baud: number, inProcess?: () => Duplex): Transport {
  if (port === undefined || port === '') {
    if (inProcess) return new StreamTransport(inProcess(), 'in-process simulator');
    throw new Error('no module port given: pass a serial device path or tcp://host:port');
  }
  if (/^tcp:\/\//i.test(port)) return new TcpTransport(port);
  if (/^rfc2217:\/\//i.test(port)) return new Rfc2217Transport(port, baud);
  return new SerialTransport(port, baud);
}
