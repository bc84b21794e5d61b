/**
 * Checks of what the user asked for that need the machine, before anything is deleted or started:
 * a results folder that is a file, a broker port another process holds. One line, exit code 2.
 */
import { statSync } from 'node:fs';
import { createServer } from 'node:net';
import { UsageError } from './options';

/** `--results` is cleaned at each run: it must be a folder (or not exist), never a file. */
export function checkResultsDir(option: string, dir: string): void {
  let stats;
  try {
    stats = statSync(dir);
  } catch {
    return; // created by the run
  }
  if (!stats.isDirectory())
    throw new UsageError(`${option} ${dir}: is a file, not a folder (it would be cleaned at each run)`);
}

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
