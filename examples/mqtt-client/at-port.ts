/**
 * The serial side of a small MCU-style MQTT client: what a C driver on a microcontroller does with
 * its UART, written in TypeScript so it runs against `qmt-sim --pty` (or a real module) as is.
 *
 * - Bytes are collected into lines at <CR><LF>; empty lines are dropped.
 * - With echo on (the factory ATE1 of EC200U), the module sends each command back first: a
 *   received line equal to the command just sent is skipped, never taken for an answer.
 * - The `>` prompt has no line end; it may be bare (`>`, spec 3.3.8) or framed (`\r\n> `,
 *   EC200U): both are recognised at the start of a line.
 * - Result URCs (+QMTOPEN: …) come seconds after OK on live networks: the client waits for them
 *   with their own timeout and never stops reading at OK.
 */
import { SerialPort } from 'serialport';

export class AtPort {
  private buffer = '';
  private lines: string[] = [];
  private waiters: (() => void)[] = [];
  private lastCommand = '';
  /** Everything received, for the developer's log. */
  readonly log: string[] = [];

  private constructor(private readonly port: SerialPort) {
    port.on('data', (chunk: Buffer) => this.onBytes(chunk.toString('latin1')));
  }

  static open(path: string, baudRate = 115200): Promise<AtPort> {
    return new Promise((resolve, reject) => {
      const port = new SerialPort({ path, baudRate, autoOpen: false });
      port.open((error) => (error ? reject(error) : resolve(new AtPort(port))));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.port.isOpen ? this.port.close(() => resolve()) : resolve()));
  }

  /** Sends one command line and returns its lines up to OK; throws on ERROR or a timeout. */
  async command(command: string, timeoutMs = 1000): Promise<string[]> {
    this.lastCommand = command;
    this.port.write(`${command}\r`);
    const answer: string[] = [];
    for (;;) {
      const line = await this.nextLine(timeoutMs, `the answer to ${command}`);
      if (line === 'OK') return answer;
      if (line === 'ERROR' || line.startsWith('+CME ERROR')) throw new Error(`${command}: ${line}`);
      answer.push(line);
    }
  }

  /** Sends a command that answers with the `>` prompt, then the payload; returns when OK arrives. */
  async commandWithPayload(command: string, payload: string, timeoutMs = 1000): Promise<void> {
    this.lastCommand = command;
    this.port.write(`${command}\r`);
    await this.waitForPrompt(timeoutMs, command);
    this.port.write(payload);
    for (;;) {
      const line = await this.nextLine(timeoutMs, `OK after the payload of ${command}`);
      if (line === 'OK') return;
      if (line === 'ERROR' || line.startsWith('+CME ERROR')) throw new Error(`${command}: ${line}`);
    }
  }

  /** Waits for a line starting with `prefix` (a URC); other lines seen meanwhile are kept for later. */
  async waitFor(prefix: string, timeoutMs: number): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    const skipped: string[] = [];
    try {
      for (;;) {
        const line = await this.nextLine(Math.max(0, deadline - Date.now()), prefix);
        if (line.startsWith(prefix)) return line;
        skipped.push(line);
      }
    } finally {
      this.lines.unshift(...skipped);
    }
  }

  /** True when a line starting with `prefix` arrives within `timeoutMs`; false when none does. */
  async arrives(prefix: string, timeoutMs: number): Promise<boolean> {
    try {
      await this.waitFor(prefix, timeoutMs);
      return true;
    } catch {
      return false;
    }
  }

  private async waitForPrompt(timeoutMs: number, command: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // The prompt sits in the unfinished line (no line end follows it).
      if (/^> ?$/.test(this.buffer)) {
        this.buffer = '';
        return;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`${command}: no > prompt within ${timeoutMs} ms`);
      const echoOrError = this.lines.shift();
      if (echoOrError !== undefined) {
        if (echoOrError === 'ERROR' || echoOrError.startsWith('+CME ERROR'))
          throw new Error(`${command}: ${echoOrError}`);
        continue; // the echo of the command, or a URC that came first
      }
      await this.wake(left);
    }
  }

  private async nextLine(timeoutMs: number, what: string): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = this.lines.shift();
      if (line !== undefined) {
        if (line === this.lastCommand) continue; // echo (ATE1)
        return line;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await this.wake(left);
    }
  }

  private wake(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private onBytes(text: string): void {
    this.buffer += text;
    for (;;) {
      const end = this.buffer.search(/[\r\n]/);
      if (end < 0) break;
      const line = this.buffer.slice(0, end).trim();
      this.buffer = this.buffer.slice(end + 1);
      if (line.length > 0) {
        this.lines.push(line);
        this.log.push(line);
      }
    }
    for (const wake of this.waiters.splice(0)) wake();
  }
}
