/**
 * The TCP half that the `tcp://` (raw, ser2net) and `rfc2217://` transports share: connecting,
 * the error to report when the link goes away, writing and closing. Each transport decides what
 * the bytes mean (the module's UART bytes, or telnet carrying RFC 2217 options).
 */
import { Socket } from 'node:net';
import { ListenerSet } from './listeners';

/** `host:port`, with an IPv6 host in brackets. */
export function describeHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

export class SocketLink {
  private socket: Socket | undefined;
  private closing = false;
  /** Undefined when we closed the link ourselves, else why it went away. */
  readonly closed = new ListenerSet<[Error | undefined]>();

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  get where(): string {
    return describeHostPort(this.host, this.port);
  }

  /** Connects; `onChunk` gets every chunk received, `onGone` runs before the close listeners. */
  connect(onChunk: (chunk: Buffer) => void, onGone?: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = new Socket();
      const onConnectError = (error: Error) => {
        socket.destroy();
        reject(new Error(`cannot connect to ${this.where}: ${error.message}`));
      };
      socket.once('error', onConnectError);
      socket.connect(this.port, this.host, () => {
        socket.off('error', onConnectError);
        socket.setNoDelay(true);
        this.attach(socket, onChunk, onGone);
        resolve();
      });
    });
  }

  private attach(socket: Socket, onChunk: (chunk: Buffer) => void, onGone?: () => void): void {
    this.socket = socket;
    let lastError: Error | undefined;
    socket.on('data', onChunk);
    socket.on('error', (error) => {
      lastError = new Error(`${this.where}: ${error.message}`);
    });
    socket.on('close', () => {
      this.socket = undefined;
      onGone?.();
      this.closed.emit(
        this.closing ? undefined : (lastError ?? new Error(`${this.where}: connection closed by the peer`)),
      );
    });
  }

  write(bytes: Buffer): Promise<void> {
    const socket = this.socket;
    if (!socket) return Promise.reject(new Error(`${this.where}: not connected`));
    return new Promise((resolve, reject) => {
      socket.write(bytes, (error) => (error ? reject(new Error(`${this.where}: ${error.message}`)) : resolve()));
    });
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
