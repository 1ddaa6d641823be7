// The bench's own database: an embedded PostgreSQL in a temp directory, or a throwaway database on
// DATABASE_URL's server. Migrated, seeded at --scale, ANALYZEd; removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createDataSource,
  dropDatabase,
  ensureDatabase,
  redactUrl,
  runMigrations,
  upsertCatalogue,
  withDatabase,
} from '@hanjiang/db';
import { seedDemo } from '@hanjiang/db/seed';
import pg from 'pg';

export interface BenchDatabase {
  /** Superuser/owner URL of the bench database (migrations, seed, fixtures; never requests). */
  url: string;
  display: string;
  embedded: boolean;
  serverVersion: string;
  households: number;
  seedMs: number;
  close(): Promise<void>;
}

export async function prepareDatabase(options: {
  databaseUrl: string | undefined;
  scale: number;
  demoPassword: string;
  log: (line: string) => void;
}): Promise<BenchDatabase> {
  const { log } = options;
  const cleanups: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    cleanups.length = 0;
  };
  try {
    let serverUrl = options.databaseUrl;
    let embedded = false;
    if (!serverUrl) {
      const { startEmbeddedPostgres } = await import('@hanjiang/db/embedded');
      const dir = mkdtempSync(path.join(tmpdir(), 'hj-bench-'));
      cleanups.push(() => Promise.resolve(rmSync(dir, { recursive: true, force: true })));
      const started = Date.now();
      const handle = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), durable: false });
      cleanups.push(() => handle.stop());
      log(`embedded PostgreSQL on port ${handle.port} (${Date.now() - started} ms)`);
      serverUrl = handle.url;
      embedded = true;
    }
    const url = withDatabase(serverUrl, `hj_bench_${process.pid}_${Date.now().toString(36)}`);
    await ensureDatabase(url);
    cleanups.push(() => dropDatabase(url));
    log(`throwaway database ${redactUrl(url)}`);

    const dataSource = createDataSource({ url, poolSize: 2, applicationName: 'hanjiang-bench' });
    await dataSource.initialize();
    try {
      await runMigrations(dataSource);
    } finally {
      await dataSource.destroy();
    }

    const pool = new pg.Pool({ connectionString: url, max: 4 });
    try {
      await upsertCatalogue(pool);
      const started = Date.now();
      let lastPrinted = 0;
      const summary = await seedDemo(pool, {
        scale: options.scale,
        demoPassword: options.demoPassword,
        onProgress: (done, total, phase) => {
          if (Date.now() - lastPrinted < 5_000 && done < total) return;
          lastPrinted = Date.now();
          log(`seeding: ${phase} ${Math.round((done / Math.max(total, 1)) * 100)} %`);
        },
      });
      const seedMs = Date.now() - started;
      log(
        `seeded scale ${options.scale}: ${summary.households} households, ${summary.events} events in ${(seedMs / 1000).toFixed(1)} s`,
      );
      await pool.query('ANALYZE');
      const version = await pool.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
      return {
        url,
        display: redactUrl(url),
        embedded,
        serverVersion: version.rows[0]?.v ?? 'unknown',
        households: summary.households,
        seedMs,
        close,
      };
    } finally {
      await pool.end();
    }
  } catch (error) {
    await close();
    throw error;
  }
}
