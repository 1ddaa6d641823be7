import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase, readScopeKey, withDatabase } from '@hanjiang/db';
import pg from 'pg';
import { attachScopeKey } from '../../src/db/scope-key.js';

export function adminUrl(): string {
  const url = process.env.TEST_ADMIN_URL;
  if (!url) throw new Error('TEST_ADMIN_URL is not set: run tests through jest (global-setup.mjs)');
  return url;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database on the test server; dropped by `drop()`. */
export async function createTestDatabase(prefix = 'hj_t'): Promise<TestDatabase> {
  const url = withDatabase(adminUrl(), `${prefix}_${randomBytes(5).toString('hex')}`);
  await ensureDatabase(url);
  return { url, drop: () => dropDatabase(url) };
}

/** A copy of the seeded template database (migrated, demo data loaded). */
export async function createSeededDatabase(prefix = 'hj_s'): Promise<TestDatabase> {
  const template = process.env.TEST_TEMPLATE_DB;
  if (!template) throw new Error('TEST_TEMPLATE_DB is not set: run tests through jest (global-setup.mjs)');
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(
      `CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`,
    );
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl(), name);
  return { url, drop: () => dropDatabase(url) };
}

/**
 * A pool on the test server's superuser whose request transactions sign their scope with the database's key, as
 * the gateway's do — for tests that run RequestTransaction or beginStatement without a gateway.
 */
export async function withScopeKey(pool: pg.Pool): Promise<pg.Pool> {
  attachScopeKey(pool, await readScopeKey(pool));
  return pool;
}

/**
 * A pool on the test server for a test's own checks (counts, fault injection). An idle connection the server
 * ends (a database dropped WITH (FORCE) by another test's clean-up, a terminated backend) is not a test failure:
 * without a listener, pg would raise it as an unhandled error in whichever test runs at that moment.
 */
export function testPool(connectionString: string, max = 2): pg.Pool {
  const pool = new pg.Pool({ connectionString, max });
  pool.on('error', () => undefined);
  return pool;
}
