/** A local serial port (/dev/ttyUSB2, COM5, a PTY) through serialport 13. */
import { SerialPort } from 'serialport';
import { ListenerSet } from './listeners';
import type { Transport } from './types';

export class SerialTransport implements Transport {
  readonly description: string;
  private port: SerialPort | undefined;
  private readonly data = new ListenerSet<[Buffer]>();
  private readonly closed = new ListenerSet<[Error | undefined]>();
  private closing = false;

  constructor(
    private readonly path: string,
    private readonly baudRate: number,
  ) {
    this.description = `${path} @${baudRate}`;
  }

  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      let port: SerialPort;
      try {
        port = new SerialPort({ path: this.path, baudRate: this.baudRate, autoOpen: false });
      } catch (error) {
        reject(new Error(`cannot open serial port ${this.path}: ${(error as Error).message}`));
        return;
      }
      port.open((error) => {
        if (error) {
          reject(new Error(`cannot open serial port ${this.path}: ${error.message}`));
          return;
        }
        this.attach(port);
        resolve();
      });
    });
  }

  private attach(port: SerialPort): void {
    this.port = port;
    let lastError: Error | undefined;
    port.on('data', (chunk: Buffer) => this.data.emit(chunk));
    port.on('error', (error: Error) => {
      lastError = new Error(`serial port ${this.path}: ${error.message}`);
    });
    port.on('close', (error?: Error | null) => {
      this.port = undefined;
      if (this.closing) this.closed.emit(undefined);
      else
        this.closed.emit(
          error
            ? new Error(`serial port ${this.path}: ${error.message}`)
            : (lastError ?? new Error(`serial port ${this.path} closed`)),
        );
    });
  }

  write(data: Buffer): Promise<void> {
    const port = this.port;
    if (!port) return Promise.reject(new Error(`serial port ${this.path} is not open`));
    return new Promise((resolve, reject) => {
      port.write(data, (error) => {
        if (error) {
          reject(this.writeError(error));
          return;
        }
        port.drain((drainError) => (drainError ? reject(this.writeError(drainError)) : resolve()));
      });
    });
  }

  /**
   * EIO on a write is how a device that vanished shows up first (a USB module unplugged, a
   * pseudo-terminal whose far end closed), often before the close event: say so in the words a
   * person reads in the report.
   */
  private writeError(error: Error): Error {
    const vanished = /\bEIO\b|input\/output error/i.test(error.message);
    return new Error(`serial port ${this.path}${vanished ? ' is gone' : ''}: ${error.message}`);
  }

  onData(listener: (chunk: Buffer) => void): void {
    this.data.add(listener);
  }

  onClose(listener: (error?: Error) => void): void {
    this.closed.add(listener);
  }

  close(): Promise<void> {
    const port = this.port;
    if (!port || !port.isOpen) return Promise.resolve();
    this.closing = true;
    return new Promise((resolve) => port.close(() => resolve()));
  }
}
