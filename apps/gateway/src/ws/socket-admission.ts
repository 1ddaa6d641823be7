import type { IncomingMessage } from 'node:http';
import type { Logger } from '../logger.js';
import type { AddressLimits } from '../pipeline/address-limits.js';

/** The close reason of a socket refused for its address's rate: the public code first, then the wait. */
export function rateLimitedReason(retryAfterSeconds: number): string {
  return `RATE_LIMITED: retry after ${retryAfterSeconds} s`;
}

/** The close reason of a socket over its address's cap of open sockets. */
export const TOO_MANY_SOCKETS = 'RATE_LIMITED: too many sockets from this address';

/**
 * Connection open: the upgrade is one request of its address (address-limits.ts), checked before the handshake.
 * Null admits it; otherwise the reason it closes with (4429). Nothing is parsed before this.
 */
export async function admitSocket(
  limits: AddressLimits,
  address: string,
  logger: Logger,
): Promise<string | null> {
  // Only the address's request count: a socket's credential comes later, in connection_init, not in a header.
  const wait = await limits.charge(address).catch((error: unknown) => {
    logger.warn({ err: error }, 'address limit unavailable; socket admitted');
    return null;
  });
  return wait === null ? null : rateLimitedReason(wait);
}

/** connection_init: one more request of the socket's address; the close reason when it is over its rate. */
export async function admitInit(limits: AddressLimits, request: IncomingMessage): Promise<string | null> {
  const wait = await limits.charge(limits.addressOf(request)).catch(() => null);
  return wait === null ? null : rateLimitedReason(wait);
}
