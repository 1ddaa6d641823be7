import { ErrorCode } from '@hanjiang/domain';
import type { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { publicError } from '../../errors/public-error.js';

export interface LoginLimitOptions {
  /** Attempts per client address in `windowSeconds` (successful ones are given back). */
  perAddress: number;
  /** Attempts per username, from any address, in `windowSeconds` (reset by a successful sign-in). */
  perUsername: number;
  windowSeconds: number;
}

/**
 * Generous for people (a mistyped password a few times, a whole township office behind one address), far too
 * few for guessing: 30 wrong passwords per address and 10 per account per quarter of an hour.
 */
export const DEFAULT_LOGIN_LIMITS: LoginLimitOptions = {
  perAddress: 30,
  perUsername: 10,
  windowSeconds: 15 * 60,
};

/**
 * Failed sign-ins, counted per client address and per username with rate-limiter-flexible. An attempt is
 * counted when it starts — before any database work, so concurrent attempts (or aliased `login` fields in one
 * document, each of which is an attempt) cannot all slip past the check before the first failure is recorded —
 * and given back when it succeeds. Past a limit the attempt is refused at once with RATE_LIMITED and a retry
 * hint: nothing waits, so nothing holds a connection or a request slot while it waits.
 */
export class LoginLimits {
  private readonly byAddress: RateLimiterAbstract;
  private readonly byUsername: RateLimiterAbstract;

  /**
   * In memory by default; with `redis`, counted in Redis so that every replica of the gateway shares the
   * counts (otherwise N replicas would allow N times the attempts). Should Redis fail, each replica falls back
   * to its own memory counts (rate-limiter-flexible's insurance limiter) rather than refusing or allowing all.
   */
  constructor(options: LoginLimitOptions = DEFAULT_LOGIN_LIMITS, redis?: Redis) {
    const limiter = (keyPrefix: string, points: number): RateLimiterAbstract => {
      const memory = new RateLimiterMemory({ keyPrefix, points, duration: options.windowSeconds });
      if (!redis) return memory;
      return new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `hj:${keyPrefix}`,
        points,
        duration: options.windowSeconds,
        insuranceLimiter: memory,
      });
    };
    this.byAddress = limiter('login-address', options.perAddress);
    this.byUsername = limiter('login-username', options.perUsername);
  }

  /** Counts an attempt, or throws RATE_LIMITED when the address or the username has had too many. */
  async begin(address: string, username: string): Promise<void> {
    // The address first: one refused there does not count against the username (nor lock its owner out).
    await consumeOrRefuse(this.byAddress, address);
    await consumeOrRefuse(this.byUsername, username);
  }

  /** An attempt that checked no password (the lookup failed): given back to both. */
  async abandoned(address: string, username: string): Promise<void> {
    await this.byAddress.reward(address, 1);
    await this.byUsername.reward(username, 1);
  }

  /** A successful sign-in: the attempt is given back to the address and the username starts afresh. */
  async succeeded(address: string, username: string): Promise<void> {
    await this.byAddress.reward(address, 1);
    await this.byUsername.delete(username);
  }
}

async function consumeOrRefuse(limiter: RateLimiterAbstract, key: string): Promise<void> {
  try {
    await limiter.consume(key, 1);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw publicError(
      ErrorCode.RATE_LIMITED,
      {
        zh: `登录失败次数过多,请在 ${retryAfterSeconds} 秒后再试`,
        en: `Too many failed sign-ins; try again in ${retryAfterSeconds} s`,
      },
      { retryAfterSeconds },
    );
  }
}
