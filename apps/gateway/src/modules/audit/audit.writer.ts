import { AUDIT_WRITER_SCOPE, type ScopeSettings } from '@hanjiang/db';
import type pg from 'pg';
import { RequestTransaction } from '../../db/request-transaction.js';
import type { Logger } from '../../logger.js';
import type { AuditRecord, AuditSink, Refusal } from '../../db/audit-records.js';
import { RefusalCoalescer } from './audit.refusals.js';

export interface AuditWriterOptions {
  /** A row is written at most this long after it was recorded. */
  readonly flushMs: number;
  /** Rows per batch (one transaction, one call of app.append_audit_batch); a full buffer flushes at once. */
  readonly batchRows: number;
  readonly refusalWindowMs: number;
  /** Past this many unwritten rows (the database has been down for a while) the oldest are dropped, and logged. */
  readonly maxBuffered?: number;
}

/** The scope app.append_audit_batch accepts: signed like a request's, but no principal can carry it. */
const WRITER_SETTINGS: ScopeSettings = {
  'app.tenant_kind': AUDIT_WRITER_SCOPE.tenantKind,
  'app.tenant_id': '',
  'app.role': AUDIT_WRITER_SCOPE.role,
  'app.team_id': '',
  'app.subject': 'gateway:audit',
};

/**
 * Integrator operations, refusals and sign-ins are audited off the request path: a request only pushes a row
 * into memory; a timer (or a full batch) writes the buffer through app.append_audit_batch, which links every row
 * into the same hash chain as the synchronous write audit. The portal read path pays nothing (portal reads are
 * not audited per read). Nothing is lost on a clean shutdown: `close()`, called in the gateway's drain after the
 * HTTP and WebSocket servers stopped taking operations, writes whatever is buffered and every open refusal window.
 * A failed write keeps its rows and retries.
 */
export class AuditWriter implements AuditSink {
  private buffer: AuditRecord[] = [];
  private readonly refusals: RefusalCoalescer;
  private pool: pg.Pool | null = null;
  private timer: NodeJS.Timeout | null = null;
  private sweeper: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;
  private closed = false;
  /** Rows written since start, for tests and the log. */
  written = 0;

  constructor(
    private readonly options: AuditWriterOptions,
    private readonly logger: Logger,
  ) {
    this.refusals = new RefusalCoalescer(options.refusalWindowMs);
  }

  /** Rows recorded before the database is open wait in the buffer. */
  start(pool: pg.Pool): void {
    this.pool = pool;
    const sweepMs = Math.max(50, Math.min(this.options.refusalWindowMs / 4, 5_000));
    this.sweeper = setInterval(() => this.sweep(), sweepMs);
    this.sweeper.unref();
    if (this.buffer.length) this.schedule();
  }

  record(record: AuditRecord): void {
    this.buffer.push(record);
    const max = this.options.maxBuffered ?? 100_000;
    if (this.buffer.length > max) {
      const dropped = this.buffer.splice(0, this.buffer.length - max);
      this.logger.error({ dropped: dropped.length }, 'audit buffer full: oldest rows dropped');
    }
    // A write in progress drains the whole buffer before it ends (writeAll loops), so a full batch needs no
    // second flush queued behind it — under a flood that would be one waiting promise per row.
    if (this.buffer.length >= this.options.batchRows) {
      if (!this.writing) void this.flush();
    } else this.schedule();
  }

  refused(refusal: Refusal): void {
    this.refusals.add(refusal);
  }

  /** Writes everything buffered now (closed refusal windows included); resolves when it is stored. */
  async flush(): Promise<void> {
    // One writer at a time keeps the batches in order; a flush asked for meanwhile runs right after.
    while (this.writing) await this.writing;
    if (!this.pool || this.buffer.length === 0) return;
    this.writing = this.writeAll(this.pool).finally(() => {
      this.writing = null;
    });
    await this.writing;
  }

  /** The drain: stop the timers, close every refusal window, write all (retrying a failed batch a few times). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.sweeper) clearInterval(this.sweeper);
    this.buffer.push(...this.refusals.take(new Date(), true));
    for (let attempt = 0; attempt < 3 && this.buffer.length && this.pool; attempt += 1) {
      await this.flush();
      if (this.buffer.length) await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
    }
    if (this.buffer.length)
      this.logger.error({ lost: this.buffer.length }, 'audit rows not written at shutdown');
  }

  /** Unwritten rows plus open refusal windows: for the tests and the drain's log. */
  get pending(): number {
    return this.buffer.length + this.refusals.size;
  }

  private sweep(): void {
    const closedWindows = this.refusals.take(new Date());
    if (closedWindows.length) {
      this.buffer.push(...closedWindows);
      this.schedule();
    }
  }

  private schedule(): void {
    if (this.timer || this.closed || !this.pool) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.options.flushMs);
    this.timer.unref();
  }

  private async writeAll(pool: pg.Pool): Promise<void> {
    while (this.buffer.length) {
      // Taken out while it is written, so the overflow rule (record) only ever drops rows still waiting.
      const batch = this.buffer.splice(0, this.options.batchRows);
      try {
        await writeBatch(pool, batch);
      } catch (error) {
        // The rows go back first in line; the next timer retries them.
        this.buffer.unshift(...batch);
        this.logger.error({ err: error, rows: batch.length }, 'audit batch not written; will retry');
        if (!this.closed) this.schedule();
        return;
      }
      this.written += batch.length;
    }
  }
}

async function writeBatch(pool: pg.Pool, batch: readonly AuditRecord[]): Promise<void> {
  const tx = new RequestTransaction(pool, WRITER_SETTINGS);
  try {
    await tx.query('SELECT app.append_audit_batch($1::jsonb)', [
      JSON.stringify(batch.map((r) => ({ ...r, at: r.at.toISOString() }))),
    ]);
    await tx.commit();
  } catch (error) {
    await tx.rollback().catch(() => undefined);
    throw error;
  }
}
