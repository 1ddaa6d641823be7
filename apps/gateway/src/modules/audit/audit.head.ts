import type pg from 'pg';
import { Gauge, type Registry } from 'prom-client';
import { tenantSettings } from '../../credentials/tenant-settings.js';
import { RequestTransaction } from '../../db/request-transaction.js';
import type { Logger } from '../../logger.js';

export interface AuditHead {
  id: string;
  hash: string;
  at: Date;
}

/**
 * Anchors the audit chain outside the database: on a timer the chain's head (last id and hash) goes to the log
 * and to /metrics, where log shipping and the metrics store keep it. Whoever could rewrite the chain inside the
 * database (its owner) cannot rewrite those copies, so a rewritten chain disagrees with a head exported before.
 */
export class AuditHeadExporter {
  private timer: NodeJS.Timeout | null = null;
  private latest: AuditHead | null = null;
  private readonly headId: Gauge;
  private readonly headInfo: Gauge<'hash'>;

  constructor(
    private readonly logger: Logger,
    registry: Registry,
  ) {
    this.headId = new Gauge({
      name: 'hanjiang_audit_head_id',
      help: 'Id of the last row of the hash-chained audit log',
      registers: [registry],
    });
    this.headInfo = new Gauge({
      name: 'hanjiang_audit_head_info',
      help: 'Hash of the last audit row (label hash); value 1',
      labelNames: ['hash'],
      registers: [registry],
    });
  }

  /** Exports once now, then every `intervalMs`. */
  async start(pool: pg.Pool, intervalMs: number): Promise<void> {
    await this.export(pool);
    this.timer = setInterval(() => {
      this.export(pool).catch((error: unknown) =>
        this.logger.warn({ err: error }, 'audit head export failed'),
      );
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  head(): AuditHead | null {
    return this.latest;
  }

  async export(pool: pg.Pool): Promise<AuditHead | null> {
    const tx = new RequestTransaction(pool, tenantSettings(null));
    let rows: AuditHead[];
    try {
      rows = await tx.query<AuditHead>('SELECT id::text AS id, hash, at FROM app.audit_head()');
      await tx.commit();
    } catch (error) {
      await tx.rollback();
      throw error;
    }
    const head = rows[0] ?? null;
    this.latest = head;
    this.headInfo.reset();
    if (head) {
      this.headId.set(Number(head.id));
      this.headInfo.set({ hash: head.hash }, 1);
      this.logger.info({ auditHead: { id: head.id, hash: head.hash, at: head.at } }, 'audit chain head');
    }
    return head;
  }
}
