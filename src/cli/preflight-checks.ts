/**
 * A check of what the user asked for that needs the machine, before anything is deleted or
 * started: a broker port another process holds. One line, exit code 2.
 */
import { createServer } from 'node:net';
import { UsageError } from './options';

/** A fixed `--broker-port` must be free now; each scenario listens on it in turn. */
export function checkBrokerPortFree(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      const why =
        error.code === 'EADDRINUSE'
          ? 'is taken by another process'
          : error.code === 'EACCES'
            ? 'needs privileges to listen on'
            : error.message;
      reject(new UsageError(`--broker-port ${port}: ${host}:${port} ${why}`));
    });
    server.listen(port, host, () => server.close(() => resolve()));
  });
}
