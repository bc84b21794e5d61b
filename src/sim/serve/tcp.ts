/**
 * Serves a simulated module on TCP 127.0.0.1:<port> (0 = ephemeral), like a ser2net port:
 * each accepted connection is the module's UART, one at a time — a new connection replaces
 * the previous one, which is closed.
 */
import { createServer, type AddressInfo, type Socket } from 'node:net';
import type { SimulatedModule } from '../core/simulated-module';

export interface TcpServer {
  readonly host: string;
  readonly port: number;
  /** tcp://127.0.0.1:<port> */
  readonly url: string;
  close(): Promise<void>;
}

export async function serveTcp(module: Pick<SimulatedModule, 'attach'>, port = 0): Promise<TcpServer> {
  let current: Socket | undefined;
  const server = createServer((socket) => {
    socket.setNoDelay(true);
    current?.destroy();
    current = socket;
    socket.on('close', () => {
      if (current === socket) current = undefined;
    });
    socket.on('error', () => {});
    module.attach(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port: address.port,
    url: `tcp://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        current?.destroy();
        server.close(() => resolve());
      }),
  };
}
