import { Redis } from 'ioredis';
import type pg from 'pg';
import type { Logger } from '../logger.js';
import {
  connectionOf,
  databaseNameOf,
  type EventSink,
  type GapListener,
  handOn,
  type LiveBus,
} from './live-bus.js';
import { encodeLiveEvent, LIVE_CHANNEL, type LiveEvent } from './live-events.js';
import { PgListener } from './pg-listener.js';

/**
 * Redis pub/sub between replicas (REDIS_URL set), for deployments where LISTEN per replica is not wanted
 * (PgBouncer in transaction mode, Citus, many replicas each holding a LISTEN connection).
 *
 * Why every committed event reaches every replica exactly once:
 * - Writers still `pg_notify` inside their transaction, so only commits produce events (the one source of truth).
 * - Exactly ONE replica per database relays NOTIFY to Redis: the bridge LISTENs only while it holds a
 *   session-level advisory lock on its dedicated connection. Two bridges would publish every event twice;
 *   none would lose them. Standbys retry the lock every 2 s; the lock dies with the leader's session, and with
 *   it the leader's LISTEN, so there is never a moment with two relays.
 * - Every replica (the leader too) receives events only from its one Redis subscriber connection, and Redis
 *   delivers each PUBLISH once per subscribed connection.
 * - Gaps are repaired, not hidden: a new leader publishes `{ t: 'progress' }` (events between the old leader's
 *   death and the takeover were not relayed), and a replica whose subscriber reconnects emits one locally.
 *   Boards and gauges then re-read current state; milestones are recovered by cursor (`milestoneReached(after:)`).
 *   Household events a replica missed while ITS subscriber was down are replayed from household_event
 *   (live/household-replay.ts); those lost between a relaying leader's death and the takeover are not yet.
 * The channel is namespaced by database name, so environments (or test databases) sharing a Redis stay apart.
 */
export class RedisLiveBus implements LiveBus {
  readonly kind = 'redis';
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly bridge: PgListener;
  readonly channel: string;
  private subscribed = false;

  constructor(url: string, pool: pg.Pool, sink: EventSink, logger: Logger, gaps?: GapListener) {
    const connection = connectionOf(pool);
    this.channel = `${LIVE_CHANNEL}:${databaseNameOf(connection)}`;
    // The publisher queues commands while reconnecting, so a relay during a Redis blip is late, not lost.
    this.publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null });
    this.subscriber = new Redis(url, { lazyConnect: true });
    for (const [name, client] of [
      ['publisher', this.publisher],
      ['subscriber', this.subscriber],
    ] as const) {
      client.on('error', (error: Error) => logger.warn({ err: error, client: name }, 'redis live bus error'));
    }
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) handOn(message, sink, logger);
    });
    this.subscriber.on('close', () => {
      if (this.subscribed) gaps?.dropped();
    });
    this.subscriber.on('ready', () => {
      // ioredis resubscribes by itself after a reconnect; what was published meanwhile is gone from Redis, so
      // boards resync and household events are read back from the database (live/household-replay.ts).
      if (!this.subscribed) return;
      sink({ t: 'progress' });
      void gaps?.recovered();
    });
    this.bridge = new PgListener({
      connection,
      channel: LIVE_CHANNEL,
      logger,
      leaderLock: `${LIVE_CHANNEL}:redis-bridge`,
      onPayload: (payload) => {
        this.publisher.publish(this.channel, payload).catch((error: unknown) => {
          logger.error({ err: error }, 'redis live bus: relay failed');
        });
      },
      // A reconnected bridge is a (new) leader only once it holds the lock again: onLeadership covers it.
      onReconnected: () => undefined,
      onLeadership: (leader) => {
        if (leader) void this.publish({ t: 'progress' }).catch(() => undefined);
      },
    });
  }

  /** True while this replica relays NOTIFY to Redis (tests, diagnostics). */
  get isBridge(): boolean {
    return this.bridge.isLeader;
  }

  problem(): string | null {
    const down = [
      this.subscriber.status === 'ready' ? null : `Redis subscriber ${this.subscriber.status}`,
      this.publisher.status === 'ready' ? null : `Redis publisher ${this.publisher.status}`,
      this.bridge.isConnected ? null : 'NOTIFY bridge connection lost',
    ].filter((d): d is string => d !== null);
    return down.length ? `live updates: ${down.join(', ')}, reconnecting` : null;
  }

  async start(): Promise<void> {
    try {
      await this.subscriber.connect();
      await this.subscriber.subscribe(this.channel);
      this.subscribed = true;
      await this.publisher.connect();
      await this.bridge.start();
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  async stop(): Promise<void> {
    this.subscribed = false;
    await this.bridge.stop();
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }

  async publish(event: LiveEvent): Promise<void> {
    await this.publisher.publish(this.channel, encodeLiveEvent(event));
  }
}
