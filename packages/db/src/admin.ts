import pg from 'pg';
import { databaseName, redactUrl, withDatabase } from './url.js';

/** One-line, password-free description of a connection failure. */
export class DatabaseUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message || cause.name : String(cause);
    super(`database unreachable at ${redactUrl(url)}: ${reason}`);
  }
}

export async function checkReachable(url: string, timeoutMs = 5_000): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new DatabaseUnreachableError(url, error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates the database named in `url` if it does not exist yet (connecting to the `postgres` database). */
export async function ensureDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  const admin = new pg.Client({
    connectionString: withDatabase(url, 'postgres'),
    connectionTimeoutMillis: 5_000,
  });
  try {
    await admin.connect();
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} ENCODING 'UTF8' TEMPLATE template0`);
    }
  } catch (error) {
    // Two processes may race to create it; the loser finds it made.
    if ((error as { code?: string }).code !== '42P04') throw new DatabaseUnreachableError(url, error);
  } finally {
    await admin.end().catch(() => undefined);
  }
}

/**
 * Drops the database, and then its gateway login role (login-role.ts) unless another database still uses it: roles
 * are cluster-wide, so without this every throwaway database (tests, the bench, CI) left one behind. A role still
 * granted anything elsewhere — a clone of the same template, a database a gateway serves — cannot be dropped
 * (PostgreSQL refuses, 2BP01) and stays.
 */
export async function dropDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  const login = await loginRoleOf(url);
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    if (login) {
      await admin
        .query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(login)}`)
        .catch((error: { code?: string }) => {
          if (error.code !== '2BP01') throw error;
        });
    }
  } finally {
    await admin.end();
  }
}

/** The gateway login role a database names, or null (no such database, not migrated, never started). */
async function loginRoleOf(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ role_name: string }>(
      `SELECT role_name FROM app_private.gateway_login WHERE id = 1`,
    );
    return rows[0]?.role_name ?? null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}
