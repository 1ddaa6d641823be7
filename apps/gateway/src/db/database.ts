import path from 'node:path';
import {
  checkReachable,
  createDataSource,
  databaseName,
  ensureDatabase,
  ensureGatewayLogin,
  poolOf,
  poolSessionOptions,
  readScopeKey,
  redactUrl,
  runMigrations,
  withDatabase,
  withLogin,
} from '@hanjiang/db';
import pg from 'pg';
import type { DataSource, GatewayLogin, PoolSessionLimits } from '@hanjiang/db';
import type { Env } from '../env.js';
import type { Logger } from '../logger.js';
import { failFastWhenStarved } from './pool-starvation.js';
import { attachScopeKey } from './scope-key.js';

export interface Database {
  /** Connection URL with the password hidden. */
  readonly displayUrl: string;
  /**
   * The migration role's connections (the URL's user): migrations, the catalogue, the demo seed and scripts.
   * The gateway closes them once it is ready (`releaseAdmin`), so no request can reach them.
   */
  readonly dataSource: DataSource;
  readonly admin: pg.Pool;
  /** Requests: the gateway's own login role (not a superuser, owns nothing), signing with the scope key. */
  readonly pool: pg.Pool;
  /** DATABASE_REPLICA_URL's pool for read-only operations (same login role and scope key), or null. */
  readonly replica: pg.Pool | null;
  readonly loginRole: string;
  readonly embedded: boolean;
  releaseAdmin(): Promise<void>;
  close(): Promise<void>;
}

type StopFn = () => Promise<void>;

/** Migrations take one connection at a time; the seed writes on a few. */
const ADMIN_POOL_SIZE = 4;

async function resolveUrl(env: Env, logger: Logger): Promise<{ url: string; stopEmbedded: StopFn | null }> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, stopEmbedded: null };
  // Loaded only when needed: the binaries' package is large. Durable (fsync on): signings are legal records.
  // Its errors (EmbeddedStartError) are one line saying what to do; main.ts prints just the message.
  const { startEmbeddedPostgres } = await import('@hanjiang/db/embedded');
  const dataDir = embeddedDataDir(env);
  const started = Date.now();
  const handle = await startEmbeddedPostgres({
    dataDir,
    onLog: (line) => logger.trace({ pg: line.trim() }, 'embedded postgres'),
  });
  logger.info(
    { dataDir, clusterDir: handle.clusterDir, port: handle.port, ms: Date.now() - started },
    'embedded PostgreSQL started',
  );
  return { url: withDatabase(handle.url, 'hanjiang'), stopEmbedded: () => handle.stop() };
}

/** The embedded cluster's directory for this environment. */
function embeddedDataDir(env: Env): string {
  return path.resolve(env.DATA_DIR, 'pg');
}

/**
 * URL of the `hanjiang` database on the embedded server a running gateway keeps in DATA_DIR (port from
 * PostgreSQL's postmaster.pid, password from its 0600 file), or null when none is running. Starts nothing: for
 * tools run beside a gateway (audit:verify).
 */
export async function runningEmbeddedDatabaseUrl(env: Env): Promise<string | null> {
  if (env.DATABASE_URL) return null;
  const { runningEmbeddedUrl } = await import('@hanjiang/db/embedded');
  const url = runningEmbeddedUrl(embeddedDataDir(env));
  return url ? withDatabase(url, 'hanjiang') : null;
}

/** Opens the store: embedded PostgreSQL when no DATABASE_URL, then migrations. Errors are one line each. */
export async function openDatabase(env: Env, logger: Logger): Promise<Database> {
  const { url, stopEmbedded } = await resolveUrl(env, logger);
  try {
    await ensureDatabase(url);
    await checkReachable(url);
    const limits = {
      acquireTimeoutMs: env.DB_ACQUIRE_TIMEOUT_MS,
      statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionTimeoutMs: env.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    };
    const dataSource = createDataSource({ url, poolSize: ADMIN_POOL_SIZE, ...limits });
    await dataSource.initialize();
    const applied = await runMigrations(dataSource);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    const admin = poolOf(dataSource);
    const login = await ensureGatewayLogin(admin, databaseName(url));
    const pool = new pg.Pool({
      connectionString: withLogin(url, login),
      max: env.DB_POOL_SIZE,
      application_name: 'hanjiang-gateway',
      ...poolSessionOptions(limits),
    });
    // An idle connection the server drops (restart, shutdown, idle timeout) must not crash the process.
    pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection lost'));
    failFastWhenStarved(pool, Math.min(env.DB_STARVED_AFTER_MS, env.DB_ACQUIRE_TIMEOUT_MS));
    const scopeKey = await readScopeKey(admin);
    attachScopeKey(pool, scopeKey);
    const replica = env.DATABASE_REPLICA_URL
      ? openReplicaPool(env.DATABASE_REPLICA_URL, login, env.DB_POOL_SIZE, limits, scopeKey, logger)
      : null;
    let adminOpen = true;
    const releaseAdmin = async () => {
      if (!adminOpen) return;
      adminOpen = false;
      await dataSource.destroy().catch((error: unknown) => logger.warn({ err: error }, 'pool close failed'));
    };
    let closed = false;
    return {
      displayUrl: redactUrl(url),
      dataSource,
      admin,
      pool,
      replica,
      loginRole: login.user,
      embedded: stopEmbedded !== null,
      releaseAdmin,
      async close() {
        if (closed) return;
        closed = true;
        await pool.end().catch((error: unknown) => logger.warn({ err: error }, 'pool close failed'));
        await replica?.end().catch((error: unknown) => logger.warn({ err: error }, 'pool close failed'));
        await releaseAdmin();
        if (stopEmbedded) await stopEmbedded();
      },
    };
  } catch (error) {
    if (stopEmbedded) await stopEmbedded().catch(() => undefined);
    throw error;
  }
}

/** How long a read waits to connect to the replica before it reads the primary instead. */
const REPLICA_CONNECT_TIMEOUT_MS = 2_000;

/**
 * The read replica's pool. A replica is a hot standby of the primary: the same roles (so the same login and
 * request role), the same rows (so the same scope key) — nothing is migrated or provisioned there, it is read-only.
 * Opened lazily: a replica down at start-up delays nothing, its reads go to the primary (db/read-routing.ts).
 */
function openReplicaPool(
  url: string,
  login: GatewayLogin,
  size: number,
  limits: PoolSessionLimits,
  scopeKey: Buffer,
  logger: Logger,
): pg.Pool {
  const replica = new pg.Pool({
    connectionString: withLogin(url, login),
    max: size,
    application_name: 'hanjiang-gateway-reads',
    ...poolSessionOptions(limits),
    connectionTimeoutMillis: Math.min(
      limits.acquireTimeoutMs ?? REPLICA_CONNECT_TIMEOUT_MS,
      REPLICA_CONNECT_TIMEOUT_MS,
    ),
  });
  replica.on('error', (error) => logger.warn({ err: error }, 'idle replica connection lost'));
  attachScopeKey(replica, scopeKey);
  logger.info({ replica: redactUrl(url) }, 'read replica configured');
  return replica;
}
