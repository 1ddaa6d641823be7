import type pg from 'pg';
import type { Logger } from '../logger.js';
import type { ReadPins } from './read-pins.js';

/** Where a read-only transaction opens instead of the primary, and whom to tell when it could not. */
export interface ReadRoute {
  readonly pool: pg.Pool;
  failed(error: unknown): void;
}

/** Whether the replica serves now (null) or why not: readiness.ts's PoolProbe on the replica pool. */
export interface ReplicaProbe {
  check(): Promise<string | null>;
}

/**
 * Routes read-only operations to the read replica (DATABASE_REPLICA_URL), with two exceptions that keep answers
 * right: a caller who wrote recently reads the primary (ReadPins), and a replica that failed is skipped for
 * `retryMs` — a replica is a failure domain of its own, and reads must not go down with it. Everything else
 * (mutations, subscriptions' per-event executions, credentials, exports, jobs) stays on the primary: those are
 * the writes, or reads that follow a write by a NOTIFY and would otherwise race the replica's replay.
 */
export class ReadRouting {
  private route: ReadRoute | null = null;
  private downUntil = 0;
  private probe: ReplicaProbe | null = null;

  constructor(
    readonly pins: ReadPins,
    private readonly retryMs: number,
    private readonly logger: Logger,
  ) {}

  /**
   * Called once the database is open: from then on queries may read the replica.
   */
  attach(replica: pg.Pool | null, probe: ReplicaProbe | null): void {
    this.route = replica ? { pool: replica, failed: (error) => this.failed(error) } : null;
    this.probe = replica ? probe : null;
  }

  /** False without a replica: the entries then skip routing altogether (the primary path is unchanged). */
  get enabled(): boolean {
    return this.route !== null;
  }

  /** Whether queries read the replica now (false without one, or while it is skipped after a failure). */
  get inService(): boolean {
    return this.route !== null && Date.now() >= this.downUntil;
  }

  /** The replica for a read-only operation of `subject`, or null when it must read the primary. */
  async routeFor(subject: string | null): Promise<ReadRoute | null> {
    if (!this.route || Date.now() < this.downUntil) return null;
    if (subject !== null && (await this.pins.pinned(subject))) return null;
    return this.route;
  }

  /** After a principal's write has committed: its next reads go to the primary. */
  wrote(subject: string): Promise<void> {
    return this.enabled ? this.pins.pin(subject) : Promise.resolve();
  }

  /**
   * For /readyz: null when there is no replica or it serves, else why reads are on the primary. A probe that
   * succeeds puts a replica that had failed back in service at once; one that fails takes it out.
   */
  async problem(): Promise<string | null> {
    if (!this.probe) return null;
    const problem = await this.probe.check();
    if (problem) {
      this.markDown();
      return `read replica unavailable (${problem}): reads are served by the primary`;
    }
    this.downUntil = 0;
    return null;
  }

  private failed(error: unknown): void {
    if (Date.now() >= this.downUntil) {
      this.logger.warn({ err: error }, 'read replica failed: reads go to the primary for a while');
    }
    this.markDown();
  }

  private markDown(): void {
    this.downUntil = Date.now() + this.retryMs;
  }
}
