import pg from 'pg';
import type { Logger } from '../logger.js';
import { decodeLiveEvent, encodeLiveEvent, LIVE_CHANNEL, type LiveEvent } from './live-events.js';
import { PgListener } from './pg-listener.js';

/**
 * Pub/sub of live events between gateway replicas. Writers never call it: they `pg_notify` inside their
 * transaction (delivered on commit only). A bus brings every committed event to every replica exactly once
 * and, after any outage of its transport, emits a synthetic `{ t: 'progress' }` so open boards re-read state.
 */
export interface LiveBus {
  /** 'postgres' or 'redis', for logs and /readyz detail. */
  readonly kind: string;
  start(): Promise<void>;
  /** Stops listening; call before the database pool closes. */
  stop(): Promise<void>;
  /** Sends an event to every replica (tests, tools; the write path uses pg_notify in its transaction). */
  publish(event: LiveEvent): Promise<void>;
  /**
   * Why live updates are degraded now (a transport connection down and reconnecting), or null. Reads and writes
   * still work meanwhile, so /readyz reports it without refusing traffic.
   */
  problem(): string | null;
}

export type EventSink = (event: LiveEvent) => void;

/** Told when the bus's own connection drops and comes back, so missed household events can be replayed. */
export interface GapListener {
  dropped(): void;
  recovered(): Promise<void>;
}

/** The connection settings of the request pool, for the bus's own dedicated connection. */
export function connectionOf(pool: pg.Pool): pg.ClientConfig {
  const { max: _max, idleTimeoutMillis: _idle, ...config } = pool.options as pg.PoolConfig;
  return config;
}

/** The database name, which namespaces the Redis channel (replicas of one database share events, no others). */
export function databaseNameOf(config: pg.ClientConfig): string {
  if (config.database) return config.database;
  if (config.connectionString)
    return new URL(config.connectionString).pathname.replace(/^\//, '') || 'postgres';
  return 'postgres';
}

export function handOn(payload: string, sink: EventSink, logger: Logger): void {
  const event = decodeLiveEvent(payload);
  if (event) sink(event);
  else logger.warn({ payload: payload.slice(0, 200) }, 'ignored a malformed live event');
}

/** Default: every replica LISTENs on its own dedicated connection; PostgreSQL delivers each commit to each. */
export class PgLiveBus implements LiveBus {
  readonly kind = 'postgres';
  private readonly listener: PgListener;
  private readonly connection: pg.ClientConfig;

  constructor(pool: pg.Pool, sink: EventSink, logger: Logger, gaps?: GapListener) {
    this.connection = connectionOf(pool);
    this.listener = new PgListener({
      connection: this.connection,
      channel: LIVE_CHANNEL,
      logger,
      onPayload: (payload) => handOn(payload, sink, logger),
      onDropped: () => gaps?.dropped(),
      onReconnected: () => {
        sink({ t: 'progress' });
        void gaps?.recovered();
      },
    });
  }

  start(): Promise<void> {
    return this.listener.start();
  }

  stop(): Promise<void> {
    return this.listener.stop();
  }

  problem(): string | null {
    return this.listener.isConnected ? null : 'live updates: LISTEN connection lost, reconnecting';
  }

  async publish(event: LiveEvent): Promise<void> {
    const client = new pg.Client(this.connection);
    await client.connect();
    try {
      await client.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, encodeLiveEvent(event)]);
    } finally {
      await client.end();
    }
  }
}
