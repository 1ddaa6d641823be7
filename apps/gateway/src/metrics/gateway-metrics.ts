import type pg from 'pg';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { OperationMetrics } from './operation-metrics.js';

/** What the live side reports at scrape time (read then, never counted on the hot path). */
export interface LiveSources {
  /** Open WebSocket connections. */
  openSockets(): number;
  /** Subscribers per subscription field (fan-out members, plus private subscriptions). */
  subscriptionsByField(): ReadonlyMap<string, number>;
}

/** The read replica (DATABASE_REPLICA_URL), read at scrape time: its pool, and whether reads go to it now. */
export interface ReplicaSources {
  pool(): pg.Pool | null;
  inService(): boolean;
}

/** A job queue's depth, read at scrape time. No queue exists yet; whichever is added registers here. */
export type QueueDepth = () => number | Promise<number>;

/**
 * The gateway's Prometheus registry. Everything per request is one histogram observe (operations, fan-out);
 * everything else — sockets, subscriptions, the pool, queues — is read from its owner when scraped, so an idle
 * gateway pays nothing and the read path pays no counters of its own.
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  readonly operations: OperationMetrics;
  /** From an event reaching a fan-out group to its result being queued for every member. */
  readonly fanout: Histogram<'field'>;
  /** Round trip of a probe through the live bus (PostgreSQL NOTIFY or Redis), per transport. */
  readonly busLag: Histogram<'bus'>;
  private pool: (() => pg.Pool | null) | null = null;
  private live: LiveSources | null = null;
  private readonly queues = new Map<string, QueueDepth>();

  constructor() {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.operations = new OperationMetrics(this.registry);
    this.fanout = new Histogram({
      name: 'hanjiang_live_fanout_seconds',
      help: 'Live fan-out: from an event reaching a group to its result queued for every subscriber, per subscription field',
      labelNames: ['field'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.busLag = new Histogram({
      name: 'hanjiang_live_bus_lag_seconds',
      help: 'Round trip of a probe event through the live bus (publish to receive on this replica)',
      labelNames: ['bus'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    });
    // collect() runs with `this` bound to the gauge: the sources are reached through these closures.
    const live = () => this.live;
    const currentPool = () => this.pool?.() ?? null;
    const queues = this.queues;
    new Gauge({
      name: 'hanjiang_ws_open_sockets',
      help: 'Open WebSocket connections',
      registers,
      collect() {
        const sources = live();
        if (sources) this.set(sources.openSockets());
      },
    });
    new Gauge({
      name: 'hanjiang_live_subscriptions',
      help: 'Open subscriptions, by subscription field',
      labelNames: ['field'],
      registers,
      collect() {
        this.reset();
        for (const [field, count] of live()?.subscriptionsByField() ?? []) this.set({ field }, count);
      },
    });
    const poolGauge = (name: string, help: string, read: (pool: pg.Pool) => number) =>
      poolGaugeOf(this.registry, name, help, read, currentPool);
    poolGauge('hanjiang_db_pool_connections', 'Request pool: connections open', (p) => p.totalCount);
    poolGauge('hanjiang_db_pool_idle', 'Request pool: connections idle', (p) => p.idleCount);
    poolGauge(
      'hanjiang_db_pool_waiting',
      'Request pool: requests waiting for a connection',
      (p) => p.waitingCount,
    );
    poolGauge('hanjiang_db_pool_max', 'Request pool: size limit (DB_POOL_SIZE)', (p) => p.options.max ?? 0);
    new Gauge({
      name: 'hanjiang_job_queue_depth',
      help: 'Jobs waiting, per queue (none registered until a job queue exists)',
      labelNames: ['queue'],
      registers,
      async collect() {
        this.reset();
        for (const [queue, depth] of queues) this.set({ queue }, await depth());
      },
    });
  }

  /** The request pool, once the database is open. */
  attachPool(pool: () => pg.Pool | null): void {
    this.pool = pool;
  }

  /**
   * Only with a read replica (DATABASE_REPLICA_URL): its gauges exist from here on, so a gateway without one shows
   * none (an unset gauge would read 0, which means "out of service").
   */
  attachReplica(replica: ReplicaSources): void {
    const of = () => replica.pool();
    poolGaugeOf(
      this.registry,
      'hanjiang_db_replica_pool_connections',
      'Read replica pool: connections open',
      (p) => p.totalCount,
      of,
    );
    poolGaugeOf(
      this.registry,
      'hanjiang_db_replica_pool_waiting',
      'Read replica pool: reads waiting for a connection',
      (p) => p.waitingCount,
      of,
    );
    new Gauge({
      name: 'hanjiang_db_replica_in_service',
      help: 'Read replica: 1 while queries read it, 0 while it is skipped after a failure (reads on the primary)',
      registers: [this.registry],
      collect() {
        this.set(replica.inService() ? 1 : 0);
      },
    });
  }

  attachLive(live: LiveSources): void {
    this.live = live;
  }

  /** The hook for a job queue (e.g. pg-boss or graphile-worker): its depth is read at every scrape. */
  registerQueue(name: string, depth: QueueDepth): void {
    this.queues.set(name, depth);
  }
}

/** A gauge read from a pool at scrape time (nothing set while the pool does not exist yet). */
function poolGaugeOf(
  registry: Registry,
  name: string,
  help: string,
  read: (pool: pg.Pool) => number,
  pool: () => pg.Pool | null,
): Gauge {
  return new Gauge({
    name,
    help,
    registers: [registry],
    collect() {
      const current = pool();
      if (current) this.set(read(current));
    },
  });
}
