import type { IncomingMessage } from 'node:http';
import type { Context } from 'graphql-ws';
import type { WebSocket } from 'ws';
import type { Services } from '../context.js';
import { CloseCode } from './close-codes.js';
import { principalKey, type PrincipalSockets } from './socket-limits.js';
import { SocketSession } from './socket-session.js';

/** What the gateway keeps per socket, in graphql-ws's `ctx.extra`. */
export type SocketState = {
  session?: SocketSession;
  principalKey?: string;
};
type Extra = { socket: WebSocket; request: IncomingMessage } & SocketState;

/**
 * graphql-ws `onConnect`: authenticate `connectionParams.authorization` (JWT or API key), refuse what is
 * invalid (4401) or already expired (4403), count the socket against its principal's cap (4429), and start the
 * session whose timer closes the socket when the token expires. Returning false makes graphql-ws close with
 * 4403; the specific code is sent first, so it is the one the client sees.
 */
export function connectHandler(services: Services, sockets: PrincipalSockets) {
  return async (ctx: Context<Record<string, unknown>, Extra>): Promise<boolean> => {
    if (!services.readiness.isReady()) return false;
    const { socket, request } = ctx.extra;
    const authorization = ctx.connectionParams?.authorization;
    let auth;
    try {
      auth = await services.authenticator.authenticate(
        typeof authorization === 'string' ? authorization : undefined,
        undefined,
      );
    } catch {
      socket.close(CloseCode.Unauthorized, 'Unauthorized: invalid or expired token');
      return false;
    }
    if (auth.expiresAt && auth.expiresAt.getTime() <= Date.now()) {
      socket.close(CloseCode.Forbidden, 'Forbidden: token expired');
      return false;
    }
    const key = principalKey(auth.principal, request);
    if (!sockets.acquire(key)) {
      socket.close(CloseCode.TooManyRequests, 'Too many sockets for this principal');
      return false;
    }
    if (socket.readyState !== socket.OPEN) {
      sockets.release(key); // closed while we authenticated: onClose has already run
      return false;
    }
    ctx.extra.principalKey = key;
    ctx.extra.session = new SocketSession(
      auth.principal,
      auth.expiresAt,
      services.authenticator,
      (code, reason) => socket.close(code, reason),
    );
    return true;
  };
}

/** graphql-ws `onClose`: stop the expiry timer and free the principal's socket slot. */
export function closeHandler(sockets: PrincipalSockets) {
  return (ctx: Context<Record<string, unknown>, Extra>): void => {
    ctx.extra.session?.dispose();
    if (ctx.extra.principalKey) sockets.release(ctx.extra.principalKey);
    ctx.extra.principalKey = undefined;
  };
}
