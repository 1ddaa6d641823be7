// A throwaway database on the test server (TEST_ADMIN_URL from the global setup), migrated and seeded.
import type pg from 'pg';
import { seedDemo, type SeedSummary } from '../../src/seed/index.js';
import { migratedDatabase } from '../helpers.js';

export interface SeededDatabase {
  readonly pool: pg.Pool;
  readonly summary: SeedSummary;
  drop(): Promise<void>;
}

export const DEMO_PASSWORD = 'hanjiang-demo';

export async function seededDatabase(now: Date): Promise<SeededDatabase> {
  const { pool, drop } = await migratedDatabase();
  try {
    const summary = await seedDemo(pool, { scale: 1, demoPassword: DEMO_PASSWORD, now });
    return { pool, summary, drop };
  } catch (error) {
    await drop();
    throw error;
  }
}

/** Rows of one query, for comparing two databases or a recount with the stored counters. */
export async function rows<T extends pg.QueryResultRow>(
  pool: pg.Pool,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  return (await pool.query<T>(sql, params)).rows;
}
