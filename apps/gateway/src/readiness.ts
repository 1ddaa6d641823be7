import type pg from 'pg';
import { mapDatabaseError } from './errors/database-errors.js';
import type { Readiness } from './context.js';

type State = 'starting' | 'ready' | 'draining';

/** Tracks whether the gateway should receive traffic: ready only after the database is migrated and seeded. */
export class ReadinessState implements Readiness {
  private state: State = 'starting';
  private detail = 'starting: opening the database';

  isReady(): boolean {
    return this.state === 'ready';
  }

  reason(): string {
    return this.detail;
  }

  starting(detail: string): void {
    this.state = 'starting';
    this.detail = `starting: ${detail}`;
  }

  ready(): void {
    this.state = 'ready';
    this.detail = 'ready';
  }

  draining(): void {
    this.state = 'draining';
    this.detail = 'draining: shutting down';
  }
}

/** How long /readyz waits for a pooled connection before calling the pool starved. */
export const POOL_PROBE_TIMEOUT_MS = 2_000;

/**
 * Whether the request pool can serve: a connection within `timeoutMs` that answers `SELECT 1`. A pool every
 * connection of which is held (by slow statements, locks, or anything else) makes /readyz answer 503, so a
 * load balancer stops sending traffic the gateway could only queue. Concurrent probes share one attempt, so
 * probing never adds more than one waiter to a starved pool.
 */
export class PoolProbe {
  private inFlight: Promise<string | null> | null = null;

  constructor(
    private readonly pool: () => pg.Pool | null,
    private readonly timeoutMs = POOL_PROBE_TIMEOUT_MS,
  ) {}

  /** null when the pool served in time, else the reason it did not. */
  check(): Promise<string | null> {
    this.inFlight ??= this.probe().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async probe(): Promise<string | null> {
    const pool = this.pool();
    if (!pool) return 'database not open';
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.timeoutMs);
    });
    // Runs to its end even after a timeout, so the connection it gets is always released.
    const served = pool.connect().then(
      async (client) => {
        try {
          await client.query('SELECT 1');
          client.release();
          return 'ok' as const;
        } catch (error) {
          client.release(error as Error);
          return 'error' as const;
        }
      },
      // The pool's own acquisition timeout may be the shorter one: that is starvation too.
      (error: unknown) =>
        mapDatabaseError(error)?.detail === 'connection_pool_exhausted' ? 'timeout' : 'error',
    );
    const outcome: 'ok' | 'error' | 'timeout' = await Promise.race([served, timedOut]);
    clearTimeout(timer);
    if (outcome === 'ok') return null;
    if (outcome === 'error') return 'database unreachable: a pooled connection failed';
    return `database pool starved: no connection within ${this.timeoutMs} ms (${pool.waitingCount} waiting, ${pool.totalCount} open)`;
  }
}
