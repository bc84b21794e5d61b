/**
 * Raw TCP to a serial server such as ser2net (`tcp://rig7:4001`): the bytes are the module's
 * UART, no telnet negotiation (configure ser2net in raw mode).
 */
import { Socket } from 'node:net';
import { ListenerSet } from './listeners';
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
  private readonly address: TcpAddress;
  private socket: Socket | undefined;
  private readonly data = new ListenerSet<[Buffer]>();
  private readonly closed = new ListenerSet<[Error | undefined]>();
  private closing = false;

  constructor(url: string) {
    this.address = parseTcpUrl(url);
    this.description = url;
  }

  private get where(): string {
    const { host, port } = this.address;
    return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  }

  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = new Socket();
      const onConnectError = (error: Error) => {
        socket.destroy();
        reject(new Error(`cannot connect to ${this.where}: ${error.message}`));
      };
      socket.once('error', onConnectError);
      socket.connect(this.address.port, this.address.host, () => {
        socket.off('error', onConnectError);
        socket.setNoDelay(true);
        this.attach(socket);
        resolve();
      });
    });
  }

  private attach(socket: Socket): void {
    this.socket = socket;
    let lastError: Error | undefined;
    socket.on('data', (chunk: Buffer) => this.data.emit(chunk));
    socket.on('error', (error) => {
      lastError = new Error(`${this.where}: ${error.message}`);
    });
    socket.on('close', () => {
      this.socket = undefined;
      this.closed.emit(this.closing ? undefined : (lastError ?? new Error(`${this.where}: connection closed by the peer`)));
    });
  }

  write(data: Buffer): Promise<void> {
    const socket = this.socket;
    if (!socket) return Promise.reject(new Error(`${this.where}: not connected`));
    return new Promise((resolve, reject) => {
      socket.write(data, (error) => (error ? reject(new Error(`${this.where}: ${error.message}`)) : resolve()));
    });
  }

  onData(listener: (chunk: Buffer) => void): void {
    this.data.add(listener);
  }

  onClose(listener: (error?: Error) => void): void {
    this.closed.add(listener);
  }

  close(): Promise<void> {
    const socket = this.socket;
    if (!socket) return Promise.resolve();
    this.closing = true;
    return new Promise((resolve) => {
      socket.once('close', () => resolve());
      socket.destroy();
    });
  }
}
