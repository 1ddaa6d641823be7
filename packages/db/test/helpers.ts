import { randomBytes } from 'node:crypto';
import pg from 'pg';
import {
  createDataSource,
  dropDatabase,
  ensureDatabase,
  runMigrations,
  upsertCatalogue,
  withDatabase,
} from '../src/index.js';

export function adminUrl(): string {
  const url = process.env.TEST_ADMIN_URL;
  if (!url) throw new Error('TEST_ADMIN_URL is not set: run through jest (global-setup.mjs)');
  return url;
}

/** A fresh database, migrated, with the catalogue loaded. */
export async function migratedDatabase(): Promise<{ url: string; pool: pg.Pool; drop: () => Promise<void> }> {
  const url = withDatabase(adminUrl(), `hj_db_${randomBytes(5).toString('hex')}`);
  await ensureDatabase(url);
  const dataSource = createDataSource({ url, poolSize: 2 });
  await dataSource.initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  await upsertCatalogue(pool);
  return {
    url,
    pool,
    drop: async () => {
      await pool.end();
      await dropDatabase(url);
    },
  };
}
