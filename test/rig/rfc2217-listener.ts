/**
 * A minimal RFC 2217 server for tests, on loopback: it accepts one client at a time, answers
 * the COM-PORT-OPTION negotiation like a ser2net/pyserial server (each SET-* echoed back with
 * the subcommand + 100), records what the client set, and hands the unescaped data stream to
 * a Duplex (the simulated module's UART, or an echo). Written from RFC 2217 on its own, sharing
 * nothing with src/at/rfc2217-transport.ts, so the two check each other.
 */
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { Duplex } from 'node:stream';

export interface Rfc2217Settings {
  baud?: number;
  dataSize?: number;
  parity?: number;
  stopSize?: number;
  /** SET-CONTROL values in the order received (1 no flow control, 8 DTR on, 11 RTS on...). */
  control: number[];
  /** Did the client offer WILL COM-PORT-OPTION? */
  offered: boolean;
}

export interface Rfc2217Listener {
  readonly url: string;
  readonly settings: Rfc2217Settings;
  /** Bytes received as data (after IAC unescaping). */
  readonly received: Buffer[];
  close(): Promise<void>;
}

export interface ListenerOptions {
  /** Connects the data stream of each client; default: echo. */
  attach?: (uart: Duplex) => void;
  /** Answer DONT COM-PORT-OPTION, like a telnet server without RFC 2217. */
  refuse?: boolean;
}

export async function startRfc2217Listener(options: ListenerOptions = {}): Promise<Rfc2217Listener> {
  const settings: Rfc2217Settings = { control: [], offered: false };
  const received: Buffer[] = [];
  let current: Socket | undefined;
  const server = createServer((socket) => {
    current?.destroy();
    current = socket;
    socket.on('error', () => {});
    const toClient = (data: Buffer) => {
      const out: number[] = [];
      for (const b of data) out.push(...(b === 0xff ? [0xff, 0xff] : [b]));
      if (!socket.destroyed) socket.write(Buffer.from(out));
    };
    const uart = new Duplex({
      read() {},
      write(chunk: Buffer, _e, done) {
        toClient(chunk);
        done();
      },
    });
    if (options.attach) options.attach(uart);
    else uart.on('data', (d: Buffer) => uart.write(d)); // echo
    socket.on('close', () => uart.destroy());
    let state = 0; // 0 data, 1 after IAC, 2 option byte, 3 in SB, 4 IAC in SB
    let verb = 0;
    let sb: number[] = [];
    socket.on('data', (chunk: Buffer) => {
      const data: number[] = [];
      for (const b of chunk) {
        if (state === 0) {
          if (b === 0xff) state = 1;
          else data.push(b);
        } else if (state === 1) {
          if (b === 0xff) {
            data.push(0xff);
            state = 0;
          } else if (b >= 251 && b <= 254) {
            verb = b;
            state = 2;
          } else if (b === 250) {
            sb = [];
            state = 3;
          } else state = 0;
        } else if (state === 2) {
          if (verb === 251 && b === 44) {
            settings.offered = true;
            socket.write(Buffer.from([0xff, options.refuse ? 254 : 253, 44])); // DO / DONT COM-PORT-OPTION
          }
          state = 0;
        } else if (state === 3) {
          if (b === 0xff) state = 4;
          else sb.push(b);
        } else {
          if (b === 240) {
            answer(sb);
            state = 0;
          } else {
            sb.push(b);
            state = 3;
          }
        }
      }
      if (data.length) {
        received.push(Buffer.from(data));
        uart.push(Buffer.from(data));
      }
    });
    const answer = (payload: number[]) => {
      if (payload[0] !== 44 || options.refuse) return;
      const [, command, ...value] = payload;
      if (command === 1) settings.baud = Buffer.from(value).readUInt32BE(0);
      if (command === 2) settings.dataSize = value[0];
      if (command === 3) settings.parity = value[0];
      if (command === 4) settings.stopSize = value[0];
      if (command === 5) settings.control.push(value[0]);
      const escaped = value.flatMap((b) => (b === 0xff ? [0xff, 0xff] : [b]));
      socket.write(Buffer.from([0xff, 250, 44, command + 100, ...escaped, 0xff, 240]));
    };
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `rfc2217://127.0.0.1:${port}`,
    settings,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        current?.destroy();
        server.close(() => resolve());
      }),
  };
}
