import type pg from 'pg';

export interface AuditChainReport {
  ok: boolean;
  rows: number;
  /** The first row whose hash or link does not hold, and why. */
  firstBroken: { id: string; reason: string } | null;
}

/**
 * Walks the audit log in id order: each row's hash must equal the hash recomputed from its fields, and its
 * prev_hash must equal the previous row's hash ('genesis' for the first). Each row is recomputed with the hash
 * version it was written with (1: fields joined, NULLs skipped; 2: length-prefixed, NULL distinct; 3: version 2
 * plus the row's jsonb detail). Runs as the
 * owner (reads every row).
 */
export async function verifyAuditChain(
  pool: pg.Pool | pg.PoolClient,
  batchSize = 10_000,
): Promise<AuditChainReport> {
  let rows = 0;
  let previous = 'genesis';
  let afterId = '0';
  for (;;) {
    const { rows: batch } = await pool.query<{
      id: string;
      prev_hash: string;
      hash: string;
      recomputed: string;
    }>(
      `SELECT a.id::text AS id, prev_hash, hash, CASE hash_version
         WHEN 1 THEN app.audit_row_hash(prev_hash, at, actor, membership_id, tenant_kind, tenant_code, operation,
           variables_hash, request_id, client_address, outcome)
         WHEN 2 THEN app.audit_row_hash_v2(prev_hash, at, actor, membership_id, tenant_kind, tenant_code, operation,
           variables_hash, request_id, client_address, outcome)
         WHEN 3 THEN app.audit_row_hash_v3(prev_hash, at, actor, membership_id, tenant_kind, tenant_code, operation,
           variables_hash, request_id, client_address, outcome, detail) END AS recomputed
       FROM audit_log a WHERE a.id > $1::bigint ORDER BY a.id LIMIT $2`,
      [afterId, batchSize],
    );
    for (const row of batch) {
      rows += 1;
      if (row.prev_hash !== previous) {
        return {
          ok: false,
          rows,
          firstBroken: {
            id: row.id,
            reason: 'prev_hash does not match the previous row (a row was removed or reordered)',
          },
        };
      }
      if (row.recomputed !== row.hash) {
        return {
          ok: false,
          rows,
          firstBroken: { id: row.id, reason: 'hash does not match the row (the row was altered)' },
        };
      }
      previous = row.hash;
      afterId = row.id;
    }
    if (batch.length < batchSize) return { ok: true, rows, firstBroken: null };
  }
}
