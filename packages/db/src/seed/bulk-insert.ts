// Bulk writes: one `INSERT … SELECT * FROM unnest($1::type[], …)` per batch, never one INSERT per row —
// 50k households and 100k events go in a few dozen round trips.
import type pg from 'pg';

export type Cell = string | number | boolean | null;

export interface Column<R> {
  readonly name: string;
  /** PostgreSQL element type of the parameter array ('uuid', 'text', 'numeric', 'timestamptz', 'jsonb', …). */
  readonly type: string;
  readonly value: (row: R) => Cell;
}

export const BATCH_SIZE = 5_000;

export async function bulkInsert<R>(
  client: pg.PoolClient,
  table: string,
  columns: readonly Column<R>[],
  rows: readonly R[],
  onBatch?: (written: number) => void,
): Promise<number> {
  const names = columns.map((c) => c.name).join(', ');
  const params = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  const sql = `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${params})`;
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    const batch = rows.slice(start, start + BATCH_SIZE);
    await client.query(
      sql,
      columns.map((c) => batch.map((row) => c.value(row))),
    );
    onBatch?.(batch.length);
  }
  return rows.length;
}

export const iso = (at: Date): string => at.toISOString();
