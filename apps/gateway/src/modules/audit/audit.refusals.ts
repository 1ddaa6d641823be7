import type { AuditRecord, Refusal } from '../../db/audit-records.js';

interface Bucket {
  readonly first: Refusal;
  readonly firstAt: Date;
  lastAt: Date;
  count: number;
}

/**
 * Refusals are coalesced so a flood (a rate-limited client retrying in a loop, a password sprayer) costs one row
 * per caller, code and address per window, carrying its count, instead of one row per request. A window opens at
 * the first refusal and its row is written when it closes (or at shutdown). Memory is bounded: past `maxBuckets`
 * distinct callers, further ones share one bucket per code whose actor is '*' (the count still adds up).
 */
export class RefusalCoalescer {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly windowMs: number,
    private readonly maxBuckets = 10_000,
  ) {}

  add(refusal: Refusal, now = new Date()): void {
    let key = `${refusal.actor}\u0000${refusal.code}\u0000${refusal.client ?? ''}`;
    let entry = refusal;
    if (!this.buckets.has(key) && this.buckets.size >= this.maxBuckets) {
      key = `*\u0000${refusal.code}`;
      entry = { ...refusal, actor: '*', client: null, tenantKind: null, tenantCode: null, membership: null };
    }
    const bucket = this.buckets.get(key);
    if (bucket) {
      bucket.count += 1;
      bucket.lastAt = now;
    } else {
      this.buckets.set(key, { first: entry, firstAt: now, lastAt: now, count: 1 });
    }
  }

  /** The rows of windows closed by `now` (every window when `all`), removed from the coalescer. */
  take(now: Date, all = false): AuditRecord[] {
    const rows: AuditRecord[] = [];
    for (const [key, bucket] of this.buckets) {
      if (!all && now.getTime() - bucket.firstAt.getTime() < this.windowMs) continue;
      this.buckets.delete(key);
      rows.push(toRecord(bucket));
    }
    return rows;
  }

  get size(): number {
    return this.buckets.size;
  }
}

function toRecord({ first, firstAt, lastAt, count }: Bucket): AuditRecord {
  return {
    at: firstAt,
    actor: first.actor,
    membership: first.membership,
    tenantKind: first.tenantKind,
    tenantCode: first.tenantCode,
    operation: first.operation ?? 'refused',
    variablesHash: null,
    requestId: first.requestId,
    client: first.client,
    outcome: first.code,
    detail: {
      kind: 'refusal',
      count,
      firstAt: firstAt.toISOString(),
      lastAt: lastAt.toISOString(),
      transport: first.transport,
    },
  };
}
