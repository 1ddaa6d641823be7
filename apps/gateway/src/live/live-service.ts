import type pg from 'pg';
import type { Logger } from '../logger.js';
import { type LiveBus, PgLiveBus } from './live-bus.js';
import type { LiveEvent } from './live-events.js';
import { HouseholdReplay } from './household-replay.js';
import { LiveHub } from './live-hub.js';
import { RedisLiveBus } from './redis-live-bus.js';

declare module '../context.js' {
  interface Services {
    /** Live updates: the hub fed by the PostgreSQL/Redis bus that subscription source streams listen to. */
    readonly live: LiveService;
  }
}

export interface LiveSettings {
  REDIS_URL?: string | undefined;
  LIVE_COALESCE_MS: number;
}

/**
 * The live-update service of one gateway process: the hub that source streams listen to, fed by the bus
 * (PostgreSQL LISTEN, or Redis when REDIS_URL is set). Created with the gateway; started once the database is
 * ready (the bus needs its connection settings), stopped before the pool closes.
 */
export class LiveService {
  readonly hub: LiveHub;
  private current: LiveBus | null = null;

  constructor(
    private readonly settings: LiveSettings,
    private readonly logger: Logger,
  ) {
    this.hub = new LiveHub(logger, settings.LIVE_COALESCE_MS);
  }

  get bus(): LiveBus | null {
    return this.current;
  }

  async start(pool: pg.Pool): Promise<void> {
    if (this.current) return;
    // Household events missed during an outage of the bus are read back from household_event when it recovers.
    const replay = new HouseholdReplay(pool, (event: LiveEvent) => this.hub.emit(event), this.logger);
    const gaps = { dropped: () => replay.dropped(), recovered: () => replay.recovered() };
    const bus = this.settings.REDIS_URL
      ? new RedisLiveBus(this.settings.REDIS_URL, pool, replay.receive, this.logger, gaps)
      : new PgLiveBus(pool, replay.receive, this.logger, gaps);
    await bus.start();
    this.current = bus;
    this.logger.info({ bus: bus.kind, coalesceMs: this.hub.coalesceMs }, 'live bus started');
  }

  async stop(): Promise<void> {
    const bus = this.current;
    this.current = null;
    await bus?.stop();
  }

  /** Why live updates are degraded now, or null (not started counts as fine: /readyz covers start-up). */
  problem(): string | null {
    return this.current?.problem() ?? null;
  }

  /** Sends an event to every replica through the bus (not for writes: those pg_notify in their transaction). */
  async publish(event: LiveEvent): Promise<void> {
    if (!this.current) throw new Error('live bus not started');
    await this.current.publish(event);
  }
}
