import 'reflect-metadata';
import pg from 'pg';
import { DataSource, type EntitySchema, MigrationExecutor, type MixedList } from 'typeorm';
import { migrations } from './migrations/index.js';

export const MIGRATIONS_TABLE = 'schema_migrations';
const MIGRATION_LOCK_KEY = 7_226_411; // any constant: one migrator at a time across replicas

/** Limits of a pool's connections: how long callers wait for one, and what each session may hold. */
export interface PoolSessionLimits {
  /** How long a caller waits for a pooled connection (or a new one) before an error; default 10 s. */
  acquireTimeoutMs?: number;
  /**
   * Server-side limits for every connection of the pool, sent in the startup packet (pg's client config), so
   * they bind each session from its first statement: a statement running longer than `statementTimeoutMs` is
   * cancelled, and a session idle inside a transaction for `idleInTransactionTimeoutMs` is ended (its
   * connection and locks freed). 0 or absent: PostgreSQL's default (no limit) — for migrations and seeding.
   */
  statementTimeoutMs?: number;
  idleInTransactionTimeoutMs?: number;
}

export interface DataSourceOptions extends PoolSessionLimits {
  url: string;
  poolSize: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: MixedList<Function | string | EntitySchema>;
  applicationName?: string;
}

/**
 * pg-pool listens for errors only on idle clients. A checked-out client whose session the server ends — the
 * idle-in-transaction timeout, `pg_terminate_backend`, a restart — would emit 'error' with nobody listening,
 * and that crashes the process. Every client of the pool listens: the error surfaces on the client's next
 * query instead, whose caller releases the client with it, and the pool discards it.
 */
class ListeningClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

/**
 * pg.Pool options for `limits` — spread them into any pool that serves requests (`new pg.Pool({ ...,
 * ...poolSessionOptions(limits) })`), as createDataSource does: the acquisition timeout, the server-side
 * statement and idle-in-transaction timeouts, and clients that survive their session being ended.
 */
export function poolSessionOptions(limits: PoolSessionLimits): {
  Client: typeof pg.Client;
  connectionTimeoutMillis: number;
  statement_timeout?: number;
  idle_in_transaction_session_timeout?: number;
} {
  return {
    Client: ListeningClient,
    connectionTimeoutMillis: limits.acquireTimeoutMs ?? 10_000,
    ...(limits.statementTimeoutMs ? { statement_timeout: limits.statementTimeoutMs } : {}),
    ...(limits.idleInTransactionTimeoutMs
      ? { idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs }
      : {}),
  };
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
    extra: { max: options.poolSize, ...poolSessionOptions(options) },
  });
}

export class MigrationError extends Error {
  constructor(cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`migration failed: ${reason}`);
  }
}

/**
 * Runs pending migrations, each in its own transaction, holding an advisory lock so replicas take turns. They
 * run on the lock's session with the pool's statement and idle-in-transaction timeouts lifted: a migration may
 * rewrite a large table, which a request never should.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await runner.query('SET statement_timeout = 0');
    await runner.query('SET idle_in_transaction_session_timeout = 0');
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    const applied = await executor.executePendingMigrations();
    return applied.map((m) => m.name);
  } catch (error) {
    throw new MigrationError(error);
  } finally {
    // Back to the session defaults (the pool's startup values) before the connection returns to the pool.
    await runner.query('RESET statement_timeout').catch(() => undefined);
    await runner.query('RESET idle_in_transaction_session_timeout').catch(() => undefined);
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
