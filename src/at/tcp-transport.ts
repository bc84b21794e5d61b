/**
 * Raw TCP to a serial server such as ser2net (`tcp://rig7:4001`): the bytes are the module's
 * UART, no telnet negotiation (configure ser2net in raw mode).
 */
import { ListenerSet } from './listeners';
import { SocketLink } from './socket-link';
import type { Transport } from './types';

export interface TcpAddress {
  host: string;
  port: number;
}

/** `tcp://host:port` or `tcp://[::1]:port`; throws naming the bad URL. */
export function parseTcpUrl(url: string): TcpAddress {
  const match = /^tcp:\/\/(?:\[([^\]]+)\]|([^:/]+)):(\d+)\/?$/.exec(url);
  const port = match ? Number(match[3]) : NaN;
  if (!match || !(port > 0 && port < 65536)) throw new Error(`invalid TCP port "${url}": expected tcp://host:port`);
  return { host: match[1] ?? match[2], port };
}

export class TcpTransport implements Transport {
  readonly description: string;
  private readonly link: SocketLink;
  private readonly data = new ListenerSet<[Buffer]>();

  constructor(url: string) {
    const { host, port } = parseTcpUrl(url);
    this.link = new SocketLink(host, port);
    this.description = url;
  }

  open(): Promise<void> {
    return this.link.connect((chunk) => this.data.emit(chunk));
  }

  write(data: Buffer): Promise<void> {
    return this.link.write(data);
  }

  onData(listener: (chunk: Buffer) => void): void {
    this.data.add(listener);
  }

  onClose(listener: (error?: Error) => void): void {
    this.link.closed.add(listener);
  }

  close(): Promise<void> {
    return this.link.close();
  }
}
