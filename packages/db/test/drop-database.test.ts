// Roles are cluster-wide: a dropped database's gateway login role goes with it, unless another database still
// grants it something (then PostgreSQL refuses and it stays). Throwaway databases no longer leave roles behind.
import pg from 'pg';
import { ensureGatewayLogin } from '../src/index.js';
import { adminUrl, migratedDatabase } from './helpers.js';

async function roleExists(name: string): Promise<boolean> {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    return (await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name])).rowCount === 1;
  } finally {
    await admin.end();
  }
}

describe('dropDatabase and the gateway login role', () => {
  it('drops the role of a database nobody else uses', async () => {
    const db = await migratedDatabase();
    const login = await ensureGatewayLogin(db.pool, new URL(db.url).pathname.slice(1));
    expect(await roleExists(login.user)).toBe(true);
    await db.drop();
    expect(await roleExists(login.user)).toBe(false);
  }, 60_000);

  it('keeps a role another database still grants, and drops the database all the same', async () => {
    const [a, b] = await Promise.all([migratedDatabase(), migratedDatabase()]);
    const login = await ensureGatewayLogin(a.pool, new URL(a.url).pathname.slice(1));
    const other = new URL(b.url).pathname.slice(1);
    await b.pool.query(
      `GRANT CONNECT ON DATABASE ${pg.escapeIdentifier(other)} TO ${pg.escapeIdentifier(login.user)}`,
    );
    try {
      await a.drop();
      expect(await roleExists(login.user)).toBe(true);
    } finally {
      await b.drop();
      const admin = new pg.Client({ connectionString: adminUrl() });
      await admin.connect();
      await admin.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(login.user)}`).finally(() => admin.end());
    }
  }, 60_000);
});
