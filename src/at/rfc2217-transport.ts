/**
 * A serial port behind an RFC 2217 server (`rfc2217://host:port`: ser2net 4 with
 * `accepter: telnet(rfc2217),…`, pyserial's rfc2217 server, labgrid's network serial ports). Unlike raw TCP, the
 * harness sets the UART itself: baud rate, 8N1, no flow control, DTR and RTS on (a Quectel
 * module ignores AT with DTR off on some boards). The byte stream is telnet: 0xFF in data is
 * doubled (IAC IAC) both ways, and negotiation is stripped from what the module said.
 */
import { ListenerSet } from './listeners';
import { SocketLink } from './socket-link';
import type { Transport } from './types';

// RFC 854 / 856 / 858 / 2217 codes.
const IAC = 255;
const WILL = 251;
const WONT = 252;
const DO = 253;
const DONT = 254;
const SB = 250;
const SE = 240;
const BINARY = 0;
const SGA = 3;
const COM_PORT_OPTION = 44;
const SET_BAUDRATE = 1;
const SET_DATASIZE = 2;
const SET_PARITY = 3;
const SET_STOPSIZE = 4;
const SET_CONTROL = 5;
/** Server-to-client subcommands are the client's + 100. */
const SERVER_OFFSET = 100;
const PARITY_NONE = 1;
const STOPSIZE_1 = 1;
const CONTROL_NO_FLOW = 1;
const CONTROL_DTR_ON = 8;
const CONTROL_DTR_OFF = 9;
const CONTROL_RTS_ON = 11;
const CONTROL_RTS_OFF = 12;

export interface Rfc2217Address {
  host: string;
  port: number;
}

/** `rfc2217://host:port` or `rfc2217://[::1]:port`; throws naming the bad URL. */
export function parseRfc2217Url(url: string): Rfc2217Address {
  const match = /^rfc2217:\/\/(?:\[([^\]]+)\]|([^:/]+)):(\d+)\/?$/i.exec(url);
  const port = match ? Number(match[3]) : NaN;
  if (!match || !(port > 0 && port < 65536))
    throw new Error(`invalid RFC 2217 port "${url}": expected rfc2217://host:port`);
  return { host: match[1] ?? match[2], port };
}

/** Doubles every 0xFF (IAC) so data is never read as a telnet command. */
export function escapeIac(data: Buffer): Buffer {
  if (!data.includes(IAC)) return data;
  const out: number[] = [];
  for (const byte of data) {
    out.push(byte);
    if (byte === IAC) out.push(IAC);
  }
  return Buffer.from(out);
}

function subnegotiation(command: number, value: Buffer): Buffer {
  return Buffer.concat([Buffer.from([IAC, SB, COM_PORT_OPTION, command]), escapeIac(value), Buffer.from([IAC, SE])]);
}

/** Splits the telnet stream into data and commands; keeps state across chunks. */
export class TelnetReader {
  private state: 'data' | 'iac' | 'option' | 'sb' | 'sb-iac' = 'data';
  private verb = 0;
  private sb: number[] = [];

  constructor(
    private readonly onData: (data: Buffer) => void,
    private readonly onOption: (verb: number, option: number) => void,
    private readonly onSubnegotiation: (payload: Buffer) => void,
  ) {}

  feed(chunk: Buffer): void {
    const data: number[] = [];
    for (const byte of chunk) {
      switch (this.state) {
        case 'data':
          if (byte === IAC) this.state = 'iac';
          else data.push(byte);
          break;
        case 'iac':
          if (byte === IAC) {
            data.push(IAC);
            this.state = 'data';
          } else if (byte === WILL || byte === WONT || byte === DO || byte === DONT) {
            this.verb = byte;
            this.state = 'option';
          } else if (byte === SB) {
            this.sb = [];
            this.state = 'sb';
          } else this.state = 'data'; // NOP, GA and the like carry nothing for a serial link
          break;
        case 'option':
          this.onOption(this.verb, byte);
          this.state = 'data';
          break;
        case 'sb':
          if (byte === IAC) this.state = 'sb-iac';
          else this.sb.push(byte);
          break;
        case 'sb-iac':
          if (byte === SE) {
            this.onSubnegotiation(Buffer.from(this.sb));
            this.state = 'data';
          } else {
            this.sb.push(byte); // IAC IAC inside a subnegotiation is one 0xFF
            this.state = 'sb';
          }
          break;
      }
    }
    if (data.length) this.onData(Buffer.from(data));
  }
}

export class Rfc2217Transport implements Transport {
  readonly description: string;
  private readonly link: SocketLink;
  private readonly data = new ListenerSet<[Buffer]>();
  private baudAck: ((baud: number) => void) | undefined;
  private refused: ((why: string) => void) | undefined;
  /** What the server confirmed, by subcommand (e.g. SET_BAUDRATE → 115200). */
  readonly confirmed = new Map<number, number>();

  constructor(
    url: string,
    private readonly baudRate: number,
    private readonly ackTimeoutMs = 5_000,
  ) {
    const { host, port } = parseRfc2217Url(url);
    this.link = new SocketLink(host, port);
    this.description = `${url} @${baudRate}`;
  }

  private get where(): string {
    return this.link.where;
  }

  async open(): Promise<void> {
    const reader = new TelnetReader(
      (data) => this.data.emit(data),
      (verb, option) => this.answerOption(verb, option),
      (payload) => this.onServerSubnegotiation(payload),
    );
    await this.link.connect(
      (chunk) => reader.feed(chunk),
      () => this.refused?.('connection closed during RFC 2217 negotiation'),
    );
    const acknowledged = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `${this.where}: no RFC 2217 answer to SET-BAUDRATE within ${this.ackTimeoutMs} ms (is it a raw TCP port? use tcp://)`,
            ),
          ),
        this.ackTimeoutMs,
      );
      this.baudAck = () => {
        clearTimeout(timer);
        resolve();
      };
      this.refused = (why) => {
        clearTimeout(timer);
        reject(new Error(`${this.where}: ${why}`));
      };
    });
    const baud = Buffer.alloc(4);
    baud.writeUInt32BE(this.baudRate);
    const negotiation = this.rawWrite(
      Buffer.concat([
        Buffer.from([IAC, WILL, COM_PORT_OPTION, IAC, WILL, BINARY, IAC, DO, BINARY, IAC, WILL, SGA, IAC, DO, SGA]),
        subnegotiation(SET_BAUDRATE, baud),
        subnegotiation(SET_DATASIZE, Buffer.from([8])),
        subnegotiation(SET_PARITY, Buffer.from([PARITY_NONE])),
        subnegotiation(SET_STOPSIZE, Buffer.from([STOPSIZE_1])),
        subnegotiation(SET_CONTROL, Buffer.from([CONTROL_NO_FLOW])),
        subnegotiation(SET_CONTROL, Buffer.from([CONTROL_DTR_ON])),
        subnegotiation(SET_CONTROL, Buffer.from([CONTROL_RTS_ON])),
      ]),
    );
    // A failed write closes the socket too; the negotiation then fails with the write's reason.
    negotiation.catch((error: Error) => this.refused?.(error.message));
    try {
      await acknowledged;
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  /** Drives the control lines (e.g. DTR off/on to reset a module wired for it). */
  async setControlLines(lines: { dtr?: boolean; rts?: boolean }): Promise<void> {
    const parts: Buffer[] = [];
    if (lines.dtr !== undefined)
      parts.push(subnegotiation(SET_CONTROL, Buffer.from([lines.dtr ? CONTROL_DTR_ON : CONTROL_DTR_OFF])));
    if (lines.rts !== undefined)
      parts.push(subnegotiation(SET_CONTROL, Buffer.from([lines.rts ? CONTROL_RTS_ON : CONTROL_RTS_OFF])));
    await this.rawWrite(Buffer.concat(parts));
  }

  /** We offered BINARY, SGA and COM-PORT-OPTION; everything else is declined. */
  private answerOption(verb: number, option: number): void {
    if (option === COM_PORT_OPTION && (verb === DONT || verb === WONT)) {
      this.refused?.('the server refuses the RFC 2217 COM-PORT-OPTION');
      return;
    }
    const accepted = option === BINARY || option === SGA || option === COM_PORT_OPTION;
    if (accepted) return; // our WILL/DO was already sent; answering again would loop
    if (verb === DO) void this.rawWrite(Buffer.from([IAC, WONT, option])).catch(() => undefined);
    if (verb === WILL) void this.rawWrite(Buffer.from([IAC, DONT, option])).catch(() => undefined);
  }

  private onServerSubnegotiation(payload: Buffer): void {
    if (payload[0] !== COM_PORT_OPTION || payload.length < 2) return;
    const command = payload[1] - SERVER_OFFSET;
    const value = payload.subarray(2);
    const number = value.length === 4 ? value.readUInt32BE(0) : value[0];
    this.confirmed.set(command, number);
    if (command === SET_BAUDRATE) this.baudAck?.(number);
  }

  private rawWrite(bytes: Buffer): Promise<void> {
    return this.link.write(bytes);
  }

  write(data: Buffer): Promise<void> {
    return this.rawWrite(escapeIac(data));
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
