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
      new Gauge({
        name,
        help,
        registers,
        collect() {
          const pool = currentPool();
          if (pool) this.set(read(pool));
        },
      });
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

  attachLive(live: LiveSources): void {
    this.live = live;
  }

  /** The hook for a job queue (e.g. pg-boss or graphile-worker): its depth is read at every scrape. */
  registerQueue(name: string, depth: QueueDepth): void {
    this.queues.set(name, depth);
  }
}
