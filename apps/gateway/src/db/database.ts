import path from 'node:path';
import {
  checkReachable,
  createDataSource,
  ensureDatabase,
  poolOf,
  redactUrl,
  runMigrations,
  withDatabase,
} from '@hanjiang/db';
import type pg from 'pg';
import type { DataSource } from '@hanjiang/db';
import type { Env } from '../env.js';
import type { Logger } from '../logger.js';

export interface Database {
  /** Connection URL with the password hidden. */
  readonly displayUrl: string;
  readonly dataSource: DataSource;
  readonly pool: pg.Pool;
  readonly embedded: boolean;
  close(): Promise<void>;
}

type StopFn = () => Promise<void>;

async function resolveUrl(env: Env, logger: Logger): Promise<{ url: string; stopEmbedded: StopFn | null }> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, stopEmbedded: null };
  // Loaded only when needed: the package is ESM-only and large.
  const { startEmbeddedPostgres } = await import('@hanjiang/db/embedded');
  const dataDir = path.resolve(env.DATA_DIR, 'pg');
  const started = Date.now();
  const handle = await startEmbeddedPostgres({
    dataDir,
    onLog: (line) => logger.trace({ pg: line.trim() }, 'embedded postgres'),
  });
  logger.info({ dataDir, port: handle.port, ms: Date.now() - started }, 'embedded PostgreSQL started');
  return { url: withDatabase(handle.url, 'hanjiang'), stopEmbedded: () => handle.stop() };
}

/** Opens the store: embedded PostgreSQL when no DATABASE_URL, then migrations. Errors are one line each. */
export async function openDatabase(env: Env, logger: Logger): Promise<Database> {
  const { url, stopEmbedded } = await resolveUrl(env, logger);
  try {
    await ensureDatabase(url);
    await checkReachable(url);
    const dataSource = createDataSource({
      url,
      poolSize: env.DB_POOL_SIZE,
      acquireTimeoutMs: env.DB_ACQUIRE_TIMEOUT_MS,
      statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionTimeoutMs: env.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    });
    await dataSource.initialize();
    const applied = await runMigrations(dataSource);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    let closed = false;
    return {
      displayUrl: redactUrl(url),
      dataSource,
      pool: poolOf(dataSource),
      embedded: stopEmbedded !== null,
      async close() {
        if (closed) return;
        closed = true;
        await dataSource
          .destroy()
          .catch((error: unknown) => logger.warn({ err: error }, 'pool close failed'));
        if (stopEmbedded) await stopEmbedded();
      },
    };
  } catch (error) {
    if (stopEmbedded) await stopEmbedded().catch(() => undefined);
    throw error;
  }
}
