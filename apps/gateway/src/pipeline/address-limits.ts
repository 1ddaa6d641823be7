import type { IncomingMessage } from 'node:http';
import type { Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { addressResolver, proxyTest } from './client-address.js';
import { createLimiter, type OperationBudgets, retryAfterOf } from './rate-limits.js';

export interface AddressLimitSettings {
  /** Requests (HTTP requests, WebSocket upgrades and `connection_init`s) per address per window. */
  requestsPerWindow: number;
  windowSeconds: number;
  /** TCP connections open at once per peer address (a trusted proxy's are not counted: they carry many clients). */
  maxConnections: number;
  /** WebSockets open at once per client address. */
  maxSockets: number;
  /** TRUSTED_PROXIES: the peers whose X-Forwarded-For names the client. */
  trustedProxies: readonly string[];
}

/**
 * The pipeline's first stage, "identify", given teeth: who the client is (its address) and whether that address
 * may be heard at all — checked before a body is read or a document parsed, so a flood costs the gateway a
 * counter update per request instead of a parse, a validation or a transaction. Counted in memory, or in Redis
 * when `REDIS_URL` is set (replicas then share the request budget; open connections are per process by nature).
 * An HTTP request without a credential is also counted against its address's anonymous budget here (the policy
 * list charges its cost, and anonymous WebSocket operations, in rate-limits.ts).
 */
export class AddressLimits {
  readonly addressOf: (req: IncomingMessage) => string;
  readonly isTrustedProxy: (peer: string) => boolean;
  readonly connections: OpenCount;
  readonly sockets: OpenCount;
  private readonly requests: RateLimiterAbstract;

  constructor(
    settings: AddressLimitSettings,
    private readonly budgets: Pick<OperationBudgets, 'chargeAnonymousRequest'>,
    redis?: Redis,
  ) {
    this.addressOf = addressResolver(settings.trustedProxies);
    this.isTrustedProxy = proxyTest(settings.trustedProxies);
    this.connections = new OpenCount(settings.maxConnections);
    this.sockets = new OpenCount(settings.maxSockets);
    const { requestsPerWindow: points, windowSeconds: duration } = settings;
    this.requests = createLimiter(`address-${points}-${duration}`, points, duration, redis);
  }

  /** Charges one request to the client's address: null when it may go on, else the seconds to wait. */
  async admit(req: IncomingMessage): Promise<number | null> {
    const address = this.addressOf(req);
    const wait = await this.charge(address);
    if (wait !== null || hasCredential(req) || !asksGraphql(req)) return wait;
    // No credential: an anonymous request, charged to its address's anonymous budget here, not after parsing.
    return this.budgets.chargeAnonymousRequest(address);
  }

  /** Charges one request (a `connection_init`) to an address already resolved. */
  async charge(address: string): Promise<number | null> {
    try {
      await this.requests.consume(address, 1);
      return null;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return retryAfterOf(rejection);
    }
  }
}

/**
 * Only GraphQL requests count as anonymous operations: a portal's page load fetches dozens of static files without
 * a credential, which must not spend its office's sign-in budget.
 */
function asksGraphql(req: IncomingMessage): boolean {
  return (req.url ?? '/').split('?', 1)[0] === '/graphql';
}

/** A credential header means the caller is charged by who it is (rate-limits.ts), not only by where it is. */
function hasCredential(req: IncomingMessage): boolean {
  return Boolean(req.headers.authorization ?? req.headers['x-api-key']);
}

/** Things open at once per address (connections, sockets), with a cap. */
export class OpenCount {
  private readonly open = new Map<string, number>();

  constructor(readonly max: number) {}

  acquire(address: string): boolean {
    const count = this.open.get(address) ?? 0;
    if (count >= this.max) return false;
    this.open.set(address, count + 1);
    return true;
  }

  release(address: string): void {
    const count = (this.open.get(address) ?? 0) - 1;
    if (count > 0) this.open.set(address, count);
    else this.open.delete(address);
  }
}
