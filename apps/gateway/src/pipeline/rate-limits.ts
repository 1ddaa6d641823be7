import type { Principal } from '@hanjiang/authz';
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
}

/**
 * Request rate and cost budget per API key and per signed-in user, as ONE policy of the pipeline — so HTTP (fast
 * path and Apollo) and WebSocket share it. Anonymous callers are not charged here: they reach only sign-in (with
 * its own limits, modules/auth/login-limits.ts) and public boards.
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

  readonly policy: OperationPolicy = (op) => (op.principal ? this.charge(op.principal, op.document) : null);

  private async charge(principal: Principal, document: Parameters<typeof documentCost>[0]) {
    const key = keySettingsOf(principal);
    const rate = key?.ratePerMinute ?? this.limits.requestsPerWindow;
    const cost = key?.costPerMinute ?? this.limits.costPerWindow;
    try {
      await this.limiter('rate', rate).consume(principal.subject, 1);
      await this.limiter('cost', cost).consume(principal.subject, documentCost(document));
      return null;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return rateLimited(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
    }
  }

  private limiter(kind: 'rate' | 'cost', points: number): RateLimiterAbstract {
    const name = `${kind}:${points}`;
    let limiter = this.limiters.get(name);
    if (!limiter) {
      const duration = this.limits.windowSeconds;
      const keyPrefix = `ops-${kind}-${points}-${duration}`;
      const memory = new RateLimiterMemory({ keyPrefix, points, duration });
      limiter = this.redis
        ? new RateLimiterRedis({
            storeClient: this.redis,
            keyPrefix: `hj:${keyPrefix}`,
            points,
            duration,
            insuranceLimiter: memory,
          })
        : memory;
      this.limiters.set(name, limiter);
    }
    return limiter;
  }
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
