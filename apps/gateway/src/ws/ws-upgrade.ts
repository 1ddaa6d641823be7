import type { Server as HttpServer } from 'node:http';
import type { WebSocketServer } from 'ws';
import type { Logger } from '../logger.js';
import type { AddressLimits } from '../pipeline/address-limits.js';
import { CloseCode } from './close-codes.js';
import { admitSocket, TOO_MANY_SOCKETS } from './socket-admission.js';
import type { UninitialisedSockets } from './socket-limits.js';

/** How long a refused socket may take to answer its close frame before it is cut. */
const REFUSED_SOCKET_GRACE_MS = 1_000;

/**
 * Upgrades on /graphql become sockets only past the origin check and the per-address limits; refusals close
 * with 4429 once the handshake is done, so a browser sees a code and not a failed connection.
 */
export function acceptUpgrades(o: {
  httpServer: HttpServer;
  wss: WebSocketServer;
  originAllowed: (origin: string | undefined) => boolean;
  addresses: AddressLimits;
  uninitialised: UninitialisedSockets;
  logger: Logger;
}): void {
  const { wss, addresses, logger } = o;
  o.httpServer.on('upgrade', (request, socket, head) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname !== '/graphql') {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    if (!o.originAllowed(request.headers.origin)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    const address = addresses.addressOf(request);
    void admitSocket(addresses, address, logger).then((refusal) =>
      wss.handleUpgrade(request, socket, head, (client) => {
        const refuse = (reason: string) => {
          client.on('error', () => undefined); // graphql-ws never sees this socket: nothing else listens
          client.close(CloseCode.TooManyRequests, reason);
          // A peer that never answers the close frame would hold the socket for ws's 30 s closing timeout.
          setTimeout(() => client.terminate(), REFUSED_SOCKET_GRACE_MS).unref();
        };
        if (refusal) return refuse(refusal);
        // Counted once the handshake is done: an upgrade ws aborts (a bad key) never reaches here to be released.
        if (!addresses.sockets.acquire(address)) return refuse(TOO_MANY_SOCKETS);
        if (!o.uninitialised.admit(client, address)) {
          addresses.sockets.release(address);
          return refuse('Too many uninitialised sockets from this address');
        }
        client.once('close', () => addresses.sockets.release(address));
        wss.emit('connection', client, request);
        // graphql-ws prints socket errors (oversized or malformed frames, which ws has already answered with
        // the right close code, e.g. 1009) with console.error: send them to the structured log instead.
        client.removeAllListeners('error');
        client.on('error', (error) => logger.warn({ err: error }, 'websocket protocol error'));
      }),
    );
  });
}
