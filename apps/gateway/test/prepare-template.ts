// Run by global-setup.mjs: one migrated and seeded database that every test file clones (CREATE DATABASE …
// TEMPLATE), so each file starts from the same demo data in ~100 ms instead of seeding again.
import {
  createDataSource,
  dropDatabase,
  ensureDatabase,
  runMigrations,
  upsertCatalogue,
  withDatabase,
} from '@hanjiang/db';
import { seedDemo } from '@hanjiang/db/seed';
import pg from 'pg';

async function main(): Promise<void> {
  const [adminUrl, name, password] = process.argv.slice(2);
  if (!adminUrl || !name || !password)
    throw new Error('usage: prepare-template <admin-url> <db-name> <password>');
  const url = withDatabase(adminUrl, name);
  await dropDatabase(url);
  await ensureDatabase(url);
  const dataSource = createDataSource({ url, poolSize: 4 });
  await dataSource.initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  await upsertCatalogue(pool);
  await seedDemo(pool, { scale: 1, demoPassword: password });
  await pool.end();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
