import { randomBytes } from 'node:crypto';
import pg from 'pg';
import {
  createDataSource,
  dropDatabase,
  ensureDatabase,
  migrations,
  migrationsApplied,
  REQUEST_ROLE,
  runMigrations,
  withDatabase,
} from '../src/index.js';
import { adminUrl, migratedDatabase } from './helpers.js';

describe('migrations', () => {
  it('apply once on a fresh database, then are a no-op; two replicas migrating at once do not collide', async () => {
    const url = withDatabase(adminUrl(), `hj_mig_${randomBytes(5).toString('hex')}`);
    await ensureDatabase(url);
    const a = createDataSource({ url, poolSize: 2 });
    const b = createDataSource({ url, poolSize: 2 });
    await Promise.all([a.initialize(), b.initialize()]);
    try {
      const [first, second] = await Promise.all([runMigrations(a), runMigrations(b)]);
      expect([...first, ...second].sort()).toEqual(migrations.map((m) => m.name).sort());
      expect(await runMigrations(a)).toEqual([]);
      const pool = new pg.Pool({ connectionString: url, max: 1 });
      expect(await migrationsApplied(pool)).toBe(true);
      await pool.end();
    } finally {
      await Promise.all([a.destroy(), b.destroy()]);
      await dropDatabase(url);
    }
    // The whole chain twice over (two replicas), on a shared 2-core machine: jest's 5 s default was too tight once
    // the field-work tables joined it (≈ 8 s seen under load).
  }, 30_000);
});

/** Tenant-scoped = has a township_id or headquarters_id column. */
describe('catalog check: row-level security and the request role', () => {
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  beforeAll(async () => {
    db = await migratedDatabase();
  });
  afterAll(() => db.drop());

  it('every tenant-scoped table has ENABLE and FORCE row level security', async () => {
    const { rows } = await db.pool.query<{ relname: string; rls: boolean; force: boolean }>(`
      SELECT c.relname, c.relrowsecurity AS rls, c.relforcerowsecurity AS force
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'
        AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
                    AND a.attname IN ('township_id', 'headquarters_id') AND NOT a.attisdropped)`);
    expect(rows.map((r) => r.relname)).toEqual(
      expect.arrayContaining(['household', 'household_event', 'village']),
    );
    expect(rows.filter((r) => !r.rls || !r.force).map((r) => r.relname)).toEqual([]);
    // Tables every principal may read are still FORCEd, so an unset tenant reads nothing from them either.
    const shared = await db.pool.query<{ relname: string }>(
      `SELECT relname FROM pg_class WHERE relname = ANY($1) AND relrowsecurity AND relforcerowsecurity`,
      [['progress_counter', 'progress_daily', 'campaign', 'audit_log']],
    );
    expect(shared.rows).toHaveLength(4);
  });

  it('the request role is not superuser, not BYPASSRLS, cannot log in and owns nothing', async () => {
    const role = await db.pool.query<{ rolsuper: boolean; rolbypassrls: boolean; rolcanlogin: boolean }>(
      'SELECT rolsuper, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = $1',
      [REQUEST_ROLE],
    );
    expect(role.rows).toEqual([{ rolsuper: false, rolbypassrls: false, rolcanlogin: false }]);
    const owned = await db.pool.query(
      `SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = $1`,
      [REQUEST_ROLE],
    );
    expect(owned.rows).toEqual([]);
  });

  it('the request role has no direct access to credentials', async () => {
    const { rows } = await db.pool.query<{ t: string; p: string }>(
      `SELECT table_name AS t, privilege_type AS p FROM information_schema.role_table_grants
       WHERE grantee = $1 AND table_name IN ('user_account', 'membership', 'api_key')`,
      [REQUEST_ROLE],
    );
    expect(rows).toEqual([]);
  });

  it('household_event and audit_log reject UPDATE and DELETE even from the owner', async () => {
    await expect(db.pool.query(`UPDATE household_event SET reason = 'x'`)).resolves.toBeDefined(); // no rows: trigger not fired
    await expect(db.pool.query('TRUNCATE household_event')).rejects.toThrow(/append-only/);
    await expect(db.pool.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  });
});
