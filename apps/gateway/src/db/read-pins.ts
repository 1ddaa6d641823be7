import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

/** More subjects than this pinned at once on one gateway: the oldest pins go first (they expire soonest). */
const MAX_LOCAL_PINS = 100_000;
const KEY_PREFIX = 'hj:read-pin:';

/**
 * "Read your writes" with a read replica: after a principal's mutation commits, its reads go to the primary for
 * `ttlMs` (longer than the replica's usual replay lag), so nobody sees their own write vanish.
 *
 * Why a per-subject pin kept by the gateways rather than a header or cookie the client sends back: integrators
 * (API keys), the portals' fetch with bearer tokens and graphql-ws sockets would each have to carry it, and a
 * client that forgot would silently read stale data; a pin keyed by the authenticated subject needs nothing from
 * any client. Across gateway replicas it is shared through Redis (REDIS_URL), written before the mutation's
 * response leaves, so the caller's next request finds it whichever gateway it reaches. Without Redis the pin is
 * this process's alone — correct for one gateway (or sticky sessions). Memory is bounded (TTL, size cap).
 * When Redis cannot answer, the read goes to the primary: the primary is never wrong, only busier.
 */
export class ReadPins {
  /** subject → pinned until (epoch ms); insertion order is expiry order, as every pin has the same TTL. */
  private readonly local = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly redis: Redis | null,
    private readonly logger: Logger,
  ) {}

  /** Pins `subject`'s reads to the primary; resolves once the pin is shared (or sharing it failed, logged). */
  async pin(subject: string): Promise<void> {
    if (this.ttlMs === 0) return;
    this.local.delete(subject);
    this.local.set(subject, Date.now() + this.ttlMs);
    if (this.local.size > MAX_LOCAL_PINS) this.trim();
    if (!this.redis) return;
    await this.redis
      .set(KEY_PREFIX + subject, '1', 'PX', this.ttlMs)
      .catch((error: unknown) => this.logger.warn({ err: error }, 'read pin not shared: Redis unavailable'));
  }

  /** Whether `subject` wrote within the TTL, on this gateway or (with Redis) any other. */
  async pinned(subject: string): Promise<boolean> {
    if (this.ttlMs === 0) return false;
    const until = this.local.get(subject);
    if (until !== undefined) {
      if (until > Date.now()) return true;
      this.local.delete(subject);
    }
    if (!this.redis) return false;
    try {
      return (await this.redis.exists(KEY_PREFIX + subject)) === 1;
    } catch {
      return true; // unsure whether it wrote: the primary answers
    }
  }

  private trim(): void {
    const now = Date.now();
    for (const [subject, until] of this.local) {
      if (until > now && this.local.size <= MAX_LOCAL_PINS) break;
      this.local.delete(subject);
    }
  }
}
