import 'reflect-metadata';
import type pg from 'pg';
import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import { migrations } from './migrations/index.js';

export const MIGRATIONS_TABLE = 'schema_migrations';
const MIGRATION_LOCK_KEY = 7_226_411; // any constant: one migrator at a time across replicas

export interface DataSourceOptions {
  url: string;
  poolSize: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: MixedList<Function | string | EntitySchema>;
  applicationName?: string;
}

export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities ?? [],
    migrations,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsRun: false,
    synchronize: false,
    logging: false,
    applicationName: options.applicationName ?? 'hanjiang-gateway',
    extra: { max: options.poolSize, connectionTimeoutMillis: 10_000 },
  });
}

export class MigrationError extends Error {
  constructor(cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`migration failed: ${reason}`);
  }
}

/** Runs pending migrations, each in its own transaction, holding an advisory lock so replicas take turns. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } catch (error) {
    throw new MigrationError(error);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}

/** True when every known migration is recorded as applied. */
export async function migrationsApplied(pool: pg.Pool): Promise<boolean> {
  const result = await pool.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM ${MIGRATIONS_TABLE} WHERE name = ANY($1::text[])`,
    [migrations.map((m) => m.name)],
  );
  return Number(result.rows[0]?.n ?? 0) === migrations.length;
}

/** The pg pool TypeORM opened, shared so that the whole process has one pool. */
export function poolOf(dataSource: DataSource): pg.Pool {
  return (dataSource.driver as unknown as { master: pg.Pool }).master;
}
