/** Transport over any Duplex stream — the in-process simulator link (see duplex-pair.ts). */
import type { Duplex } from 'node:stream';
import { ListenerSet } from './listeners';
import type { Transport } from './types';

export class StreamTransport implements Transport {
  private readonly data = new ListenerSet<[Buffer]>();
  private readonly closed = new ListenerSet<[Error | undefined]>();
  private ended = false;
  private lastError: Error | undefined;

  constructor(
    private readonly stream: Duplex,
    readonly description = 'in-process stream',
  ) {
    stream.on('data', (chunk: Buffer) => this.data.emit(Buffer.from(chunk)));
    stream.on('error', (error: Error) => {
      this.lastError = error;
    });
    stream.on('end', () => this.finish());
    stream.on('close', () => this.finish());
  }

  async open(): Promise<void> {
    if (this.stream.destroyed) throw new Error(`${this.description}: stream already closed`);
  }

  write(data: Buffer): Promise<void> {
    if (this.ended || this.stream.destroyed || this.stream.writableEnded) {
      return Promise.reject(new Error(`${this.description}: write after the link closed`));
    }
    return new Promise((resolve, reject) => {
      this.stream.write(data, (error) =>
        error ? reject(new Error(`${this.description}: ${error.message}`)) : resolve(),
      );
    });
  }

  onData(listener: (chunk: Buffer) => void): void {
    this.data.add(listener);
  }

  onClose(listener: (error?: Error) => void): void {
    this.closed.add(listener);
  }

  async close(): Promise<void> {
    if (this.stream.destroyed) return;
    this.stream.end();
    this.stream.destroy();
  }

  private finish(): void {
    if (this.ended) return;
    this.ended = true;
    this.closed.emit(this.lastError);
  }
}
