/** How the fixture ends a module's connection: FIN or RST, over TCP, TLS or an in-process link. */
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { isInProcessLink, resetLink } from './in-process-link';

/** FIN: end our side (pending writes flushed first), then release the socket. */
export function closeSocket(socket: Duplex): void {
  if (socket.destroyed) return;
  socket.end(() => socket.destroy());
}

/** RST. A TLS socket's reset goes to the TCP socket underneath it. */
export function resetSocket(socket: Duplex): void {
  if (socket.destroyed) return;
  if (isInProcessLink(socket)) {
    resetLink(socket);
    return;
  }
  // A TLS session over an in-process link has no TCP socket under it: its reset below fails and it
  // is destroyed, which its peer reads as a close.
  const tcp = (socket as Socket & { _parent?: Socket })._parent ?? (socket as Socket);
  try {
    tcp.resetAndDestroy();
    if (tcp !== socket) socket.destroy();
  } catch {
    socket.destroy();
  }
}
