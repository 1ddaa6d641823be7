import type pg from 'pg';
import { generateApiKey } from '../../src/credentials/api-keys.js';

/**
 * An API key made the way the SQL set-up did before `createApiKey` existed: a row in api_key with the hashed
 * secret (the owner pool bypasses RLS). Returns the secret to send as x-api-key.
 */
export async function insertApiKey(
  owner: pg.Pool,
  tenant: { kind: 'township' | 'headquarters' | 'district'; code: string },
  role = 'viewer',
  name = 'test integrator',
): Promise<string> {
  const { key, prefix, secretHash } = generateApiKey();
  await owner.query(
    `INSERT INTO api_key (prefix, secret_hash, name, tenant_kind, tenant_code, role, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, 'test')`,
    [prefix, secretHash, name, tenant.kind, tenant.code, role],
  );
  return key;
}
