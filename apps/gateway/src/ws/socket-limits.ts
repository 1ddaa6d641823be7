import type { IncomingMessage } from 'node:http';
import type { Principal } from '@hanjiang/authz';
import type { WebSocket } from 'ws';
import { OpenCount } from '../pipeline/address-limits.js';
import { clientAddress } from '../pipeline/client-address.js';

/** Whose sockets count together: a user or API key; anonymous sockets by remote address. */
export function principalKey(principal: Principal | null, request: IncomingMessage): string {
  return principal
    ? `${principal.kind}:${principal.subject}`
    : `anonymous:${clientAddress(request) ?? 'unknown'}`;
}

/**
 * Open sockets per principal in this process — the per-address count, keyed by principalKey. A leaked token or a
 * reconnect loop in one client must not exhaust the gateway; past the cap a new socket closes with 4429.
 */
export class PrincipalSockets extends OpenCount {}

/**
 * Sockets that have not sent `connection_init` yet, per remote address. Until then a socket has no principal,
 * so the per-principal cap does not hold it, and graphql-ws keeps it for the init timeout: without this one
 * address could hold any number of them. Past the cap a new socket from that address closes with 4429 at once.
 */
export class UninitialisedSockets {
  private readonly perAddress = new Map<string, number>();
  private readonly waiting = new WeakMap<WebSocket, string>();

  constructor(private readonly max: number) {}

  /** Counts a new socket until it initialises or closes; false (not counted) when its address is at the cap. */
  admit(socket: WebSocket, address: string): boolean {
    const count = this.perAddress.get(address) ?? 0;
    if (count >= this.max) return false;
    this.perAddress.set(address, count + 1);
    this.waiting.set(socket, address);
    socket.once('close', () => this.settle(socket));
    return true;
  }

  /** The socket sent `connection_init` (or closed): it no longer counts. Safe to call more than once. */
  settle(socket: WebSocket): void {
    const address = this.waiting.get(socket);
    if (address === undefined) return;
    this.waiting.delete(socket);
    const count = (this.perAddress.get(address) ?? 0) - 1;
    if (count > 0) this.perAddress.set(address, count);
    else this.perAddress.delete(address);
  }
}

/**
 * Browsers always send Origin on a WebSocket upgrade and do not apply CORS to it, so a page on another site
 * could open a socket with a user's token unless the gateway checks. Non-browser clients send none: allowed.
 * `ALLOWED_ORIGINS` is `*` or a comma-separated list of origins (`https://screen.example.gov.cn,…`).
 */
export function originPolicy(allowed: string): (origin: string | undefined) => boolean {
  const normalise = (value: string) => value.trim().toLowerCase().replace(/\/+$/, '');
  const list = new Set(allowed.split(',').map(normalise).filter(Boolean));
  if (list.has('*')) return () => true;
  return (origin) => origin === undefined || list.has(normalise(origin));
}
