import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { REQUEST_ROLE } from './roles.js';

export interface GatewayLogin {
  user: string;
  password: string;
}

const PROVISION_LOCK_KEY = 7_226_413;

/**
 * The gateway's own login role for serving requests: LOGIN, not a superuser, owns nothing, no BYPASSRLS, no
 * CREATEROLE, and NOINHERIT — so without `SET ROLE hanjiang_app` it can touch no table, and `RESET ROLE` inside a
 * request only returns to a role with fewer rights than the request role. Created on first start by the migration
 * role; its name and random password live in app_private.gateway_login (readable by the owner only). The name is
 * per database because roles are cluster-wide while databases (test clones, the bench) each keep their own
 * password; clones of a template share the template's role.
 */
export async function ensureGatewayLogin(owner: pg.Pool, database: string): Promise<GatewayLogin> {
  const client = await owner.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PROVISION_LOCK_KEY]);
    let { rows } = await client.query<{ role_name: string; password: string }>(
      'SELECT role_name, password FROM app_private.gateway_login WHERE id = 1',
    );
    if (!rows[0]) {
      const name = `hj_gateway_${randomBytes(5).toString('hex')}`;
      const password = randomBytes(24).toString('base64url');
      await client.query(
        'INSERT INTO app_private.gateway_login (id, role_name, password) VALUES (1, $1, $2)',
        [name, password],
      );
      rows = [{ role_name: name, password }];
    }
    const { role_name: user, password } = rows[0]!;
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [user]);
    const id = pg.escapeIdentifier(user);
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS PASSWORD ${pg.escapeLiteral(password)}`;
    // Roles are cluster-wide and two databases may race to create one: the loser finds it made.
    await client
      .query(exists.rowCount ? `ALTER ROLE ${id} ${attributes}` : `CREATE ROLE ${id} ${attributes}`)
      .catch(async (error: { code?: string }) => {
        if (error.code !== '42710' && error.code !== '23505') throw error;
        await client.query(`ALTER ROLE ${id} ${attributes}`);
      });
    await client.query(`GRANT ${REQUEST_ROLE} TO ${id}`);
    await client.query(`GRANT CONNECT ON DATABASE ${pg.escapeIdentifier(database)} TO ${id}`);
    return { user, password };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PROVISION_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}

/** The same server and database, signed in as `login`. */
export function withLogin(url: string, login: GatewayLogin): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(login.user);
  parsed.password = encodeURIComponent(login.password);
  return parsed.toString();
}
