/**
 * A loopback port with nothing listening, for "the server refuses the TCP connection"
 * scenarios (+QMTOPEN: <idx>,3 and friends): bind a server to port 0, note the port, close it.
 * Another process could grab the port in between; on loopback in a test run that is unlikely.
 */
import { createServer } from 'node:net';

export function refusingPort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
