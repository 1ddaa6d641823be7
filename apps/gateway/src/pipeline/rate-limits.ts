import type { DocumentNode } from 'graphql';
import type { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { keySettingsOf } from '../credentials/api-keys.js';
import { ErrorCode, publicError } from '../errors/public-error.js';
import { documentCost } from '../limits.js';
import type { OperationPolicy } from './policies.js';

export interface OperationLimits {
  /** Operations per caller per window (per key: the key's own `rate_per_minute` when set). */
  requestsPerWindow: number;
  /** Summed query cost (graphql-armor's pricing) per caller per window (per key: `cost_per_minute`). */
  costPerWindow: number;
  /** 60 in service ("per minute"); tests shorten it. */
  windowSeconds: number;
  /** Anonymous callers (sign-in, public boards), counted per client address with these sizes. */
  anonymousRequestsPerWindow: number;
  anonymousCostPerWindow: number;
}

/**
 * Request rate and cost budget per API key and per signed-in user, as ONE policy of the pipeline — so HTTP (fast
 * path and Apollo) and WebSocket share it. Anonymous callers (sign-in, public boards) are charged per client address,
 * with their own, smaller budget: without it one address could loop valid anonymous queries for ever. Over HTTP the
 * request rate is charged at request start, before the body is read (address-limits.ts), the cost here.
 *
 * rate-limiter-flexible counts in memory on one gateway, in Redis when `REDIS_URL` is set so replicas share one
 * budget (with a memory insurance limiter should Redis fail: each replica then counts on its own rather than
 * refusing or allowing everything). No database round trip: a portal read pays one in-memory (or Redis) update
 * per counter. A key's overrides give it its own counter of that size (limiters are per size).
 */
export class OperationBudgets {
  private readonly limiters = new Map<string, RateLimiterAbstract>();

  constructor(
    private readonly limits: OperationLimits,
    private readonly redis?: Redis,
  ) {}

  readonly policy: OperationPolicy = (op) => {
    if (op.principal) {
      const key = keySettingsOf(op.principal);
      return this.charge(
        op.principal.subject,
        key?.ratePerMinute ?? this.limits.requestsPerWindow,
        key?.costPerMinute ?? this.limits.costPerWindow,
        op.document,
      );
    }
    // An anonymous HTTP request was counted at its start (chargeAnonymousRequest; one request is one operation,
    // batching being off): only its cost is charged here. Over WebSocket each operation counts here.
    const { anonymousRequestsPerWindow: rate, anonymousCostPerWindow: cost } = this.limits;
    const subject = anonymousSubject(op.clientAddress ?? 'unknown');
    return this.charge(subject, op.transport === 'ws' ? rate : null, cost, op.document);
  };

  /**
   * An HTTP request without a credential, counted against its address's anonymous rate before its body is read
   * (address-limits.ts): null when it may go on, else the seconds to wait. A flood of anonymous requests —
   * valid, malformed or oversized alike — is then refused at the price of one counter update each.
   */
  async chargeAnonymousRequest(address: string): Promise<number | null> {
    try {
      await this.limiter('rate', this.limits.anonymousRequestsPerWindow).consume(
        anonymousSubject(address),
        1,
      );
      return null;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return retryAfterOf(rejection);
    }
  }

  private async charge(subject: string, rate: number | null, cost: number, document: DocumentNode) {
    try {
      if (rate !== null) await this.limiter('rate', rate).consume(subject, 1);
      await this.limiter('cost', cost).consume(subject, documentCost(document));
      return null;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return rateLimited(retryAfterOf(rejection));
    }
  }

  private limiter(kind: 'rate' | 'cost', points: number): RateLimiterAbstract {
    const name = `${kind}:${points}`;
    let limiter = this.limiters.get(name);
    if (!limiter) {
      const duration = this.limits.windowSeconds;
      limiter = createLimiter(`ops-${kind}-${points}-${duration}`, points, duration, this.redis);
      this.limiters.set(name, limiter);
    }
    return limiter;
  }
}

function anonymousSubject(address: string): string {
  return `address:${address}`;
}

/**
 * A fixed-window counter: in memory, or in Redis (shared by replicas) with a memory insurance limiter should Redis
 * fail — each replica then counts on its own rather than refusing or allowing everything.
 */
export function createLimiter(
  keyPrefix: string,
  points: number,
  duration: number,
  redis?: Redis,
): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ keyPrefix, points, duration });
  return redis
    ? new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `hj:${keyPrefix}`,
        points,
        duration,
        insuranceLimiter: memory,
      })
    : memory;
}

/** Seconds until a refused counter has room again (at least 1, as Retry-After wants whole seconds). */
export function retryAfterOf(rejection: RateLimiterRes): number {
  return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
}

/** RATE_LIMITED with the wait: `retryAfterSeconds` for every transport, 429 + Retry-After over HTTP. */
export function rateLimited(retryAfterSeconds: number) {
  return publicError(
    ErrorCode.RATE_LIMITED,
    {
      zh: `请求过于频繁或查询开销超出预算,请在 ${retryAfterSeconds} 秒后再试`,
      en: `Too many requests or too much query cost; try again in ${retryAfterSeconds} s`,
    },
    {
      retryAfterSeconds,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    },
  );
}
