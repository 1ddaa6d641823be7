import type pg from 'pg';
import { beginStatement } from '../db/request-transaction.js';
import { scopeKeyOf } from '../db/scope-key.js';
import { tenantSettings } from './tenant-settings.js';

/**
 * Credential lookups (API keys, the socket re-check) run before there is a principal, or about one: as the
 * request role with no tenant, reaching credential tables only through their SECURITY DEFINER functions.
 */
export async function asNobody<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(beginStatement(tenantSettings(null), scopeKeyOf(pool)));
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
