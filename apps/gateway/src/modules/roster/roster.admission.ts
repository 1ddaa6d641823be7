import type { Redis } from 'ioredis';
import pLimit from 'p-limit';
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { ErrorCode, publicError } from '../../errors/public-error.js';
import { createLimiter, rateLimited, retryAfterOf } from '../../pipeline/rate-limits.js';

/** Imports that may wait for their turn in one process; past them the next is told to retry. */
export const MAX_WAITING_IMPORTS = 16;

export interface ImportAdmissionSettings {
  /** Imports (dry runs too) one caller may start per window. */
  perWindow: number;
  windowSeconds: number;
  /** Imports this process reads and checks at once; the others wait their turn. */
  concurrency: number;
}

/**
 * Which imports start, and when. An import decodes and checks a file of up to 8 MB — by far the dearest request
 * the gateway takes — so:
 * - a caller gets a few a minute (a dry run and an import of several files), not the operation rate meant for
 *   reads: a stolen importer's token or a script in a loop cannot keep a core busy parsing (the hostile-volume
 *   test's spreadsheet bomb did, at 35 imports a second). Counted in Redis when replicas share one, like the other
 *   budgets (pipeline/rate-limits.ts);
 * - a process works on `concurrency` imports at a time. The parser yields between chunks, but a dozen imports side
 *   by side put a dozen chunks in front of every step of every reader's request (its parse, each round trip, its
 *   answer): twelve admitted bombs at once held portal reads back 200–300 ms. Queued, they hold a reader back by
 *   one chunk. Waiting imports hold no database connection (the request's transaction opens on its first query);
 *   past MAX_WAITING_IMPORTS waiting, the next is told to retry rather than queued without end.
 */
export class ImportAdmission {
  private readonly limiter: RateLimiterAbstract;
  private readonly limit: pLimit.Limit;

  constructor(settings: ImportAdmissionSettings, redis?: Redis) {
    const { perWindow, windowSeconds } = settings;
    this.limiter = createLimiter(`imports-${perWindow}-${windowSeconds}`, perWindow, windowSeconds, redis);
    this.limit = pLimit(settings.concurrency);
  }

  /**
   * The seconds until `subject` may import again, without spending anything; null when it may now. The HTTP entry
   * asks before it reads an import's body (http/import-body-limit.ts): an over-quota caller's megabytes are then
   * neither read nor parsed — parsing them was most of what the spreadsheet bomb cost even once refused.
   */
  async wait(subject: string): Promise<number | null> {
    const state = await this.limiter.get(subject);
    if (!state || state.remainingPoints > 0) return null;
    return retryAfterOf(state);
  }

  /**
   * Spends one import of `subject`'s budget and runs `work` in its turn; RATE_LIMITED (429) when the budget is spent
   * or too many imports wait.
   */
  async run<T>(subject: string, work: () => Promise<T>): Promise<T> {
    if (this.limit.pendingCount >= MAX_WAITING_IMPORTS) {
      throw publicError(ErrorCode.RATE_LIMITED, {
        zh: `已有 ${this.limit.pendingCount} 个导入在排队,请稍后重试`,
        en: `${this.limit.pendingCount} imports are waiting already; try again in a moment`,
      });
    }
    try {
      await this.limiter.consume(subject, 1);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw rateLimited(retryAfterOf(rejection));
    }
    return this.limit(work);
  }
}
