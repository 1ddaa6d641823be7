import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Context } from 'graphql-ws';
import type { WebSocket } from 'ws';
import type { Services } from '../context.js';
import type { AddressLimits } from '../pipeline/address-limits.js';
import { clientAddress } from '../pipeline/client-address.js';
import { recordRefusal } from '../pipeline/refusals.js';
import { admitInit } from './socket-admission.js';
import { CloseCode } from './close-codes.js';
import type { SocketCredentials } from './socket-credentials.js';
import { principalKey, type PrincipalSockets, type UninitialisedSockets } from './socket-limits.js';
import { SocketSession } from './socket-session.js';

/** What the gateway keeps per socket, in graphql-ws's `ctx.extra`. */
export type SocketState = {
  session?: SocketSession;
  principalKey?: string;
};
/** `ctx.extra` on this server: ws's socket and upgrade request, and what the gateway keeps. */
export type SocketExtra = { socket: WebSocket; request: IncomingMessage } & SocketState;

/** The per-socket bookkeeping `onConnect` and `onClose` share. */
export interface SocketBooks {
  principals: PrincipalSockets;
  uninitialised: UninitialisedSockets;
  credentials: SocketCredentials;
}

/**
 * graphql-ws `onConnect`: authenticate `connectionParams.authorization` (JWT or API key), refuse what is
 * invalid (4401), already expired or no longer in force (4403: revoked key, disabled user), arriving before the
 * gateway is ready (1013), count the socket
 * against its principal's cap (4429), and start the session whose timer closes the socket when the token
 * expires and which the credential registry closes when the credential lapses. Returning false makes graphql-ws
 * close with 4403; the specific code is sent first, so it is the one the client sees.
 */
export function connectHandler(services: Services, books: SocketBooks, addresses: AddressLimits) {
  return async (ctx: Context<Record<string, unknown>, SocketExtra>): Promise<boolean> => {
    const { socket, request } = ctx.extra;
    books.uninitialised.settle(socket); // connection_init arrived
    if (!services.readiness.isReady()) {
      // Not a refusal of the credential (4403): the client should simply come back, as after a restart.
      socket.close(CloseCode.TryAgainLater, 'Try again later: the gateway is starting or draining');
      return false;
    }
    // Before the credential is looked up: an address over its rate costs no token check or key lookup.
    const overRate = await admitInit(addresses, request);
    if (overRate) {
      socket.close(CloseCode.TooManyRequests, overRate);
      return false;
    }
    const authorization = ctx.connectionParams?.authorization;
    let auth;
    try {
      // Whether the credential still stands is checked below, batched with other connects, with its own codes.
      auth = await services.authenticator.authenticate(
        typeof authorization === 'string' ? authorization : undefined,
        undefined,
        { standing: false },
      );
    } catch (error) {
      if (error instanceof GraphQLError) {
        const address = clientAddress(request);
        const origin = { principal: null, clientAddress: address, requestId: null, transport: 'ws' } as const;
        recordRefusal(services.audit, origin, error);
      }
      socket.close(CloseCode.Unauthorized, 'Unauthorized: invalid or expired token');
      return false;
    }
    if (auth.expiresAt && auth.expiresAt.getTime() <= Date.now()) {
      socket.close(CloseCode.Forbidden, 'Forbidden: token expired');
      return false;
    }
    const key = principalKey(auth.principal, request);
    if (!books.principals.acquire(key)) {
      socket.close(CloseCode.TooManyRequests, 'Too many sockets for this principal');
      return false;
    }
    if (socket.readyState !== socket.OPEN) {
      books.principals.release(key); // closed while we authenticated: onClose has already run
      return false;
    }
    const session = new SocketSession(
      auth.principal,
      auth.expiresAt,
      services.authenticator,
      (code, reason) => socket.close(code, reason),
      clientAddress(request),
    );
    // From here on onClose frees the slot and the session, and a lapse announced meanwhile closes the socket.
    ctx.extra.principalKey = key;
    ctx.extra.session = session;
    if (!auth.principal) return true;
    books.credentials.add(session);
    let inForce: boolean;
    try {
      inForce = await books.credentials.inForce(auth.principal);
    } catch {
      socket.close(CloseCode.TryAgainLater, 'Credential check unavailable; try again later');
      return false;
    }
    if (!inForce) session.revoke();
    return socket.readyState === socket.OPEN;
  };
}

/** graphql-ws `onClose`: stop the expiry timer, stop watching the credential and free the principal's slot. */
export function closeHandler(books: SocketBooks) {
  return (ctx: Context<Record<string, unknown>, SocketExtra>): void => {
    books.uninitialised.settle(ctx.extra.socket);
    if (ctx.extra.session) {
      ctx.extra.session.dispose();
      books.credentials.remove(ctx.extra.session);
    }
    if (ctx.extra.principalKey) books.principals.release(ctx.extra.principalKey);
    ctx.extra.principalKey = undefined;
  };
}
