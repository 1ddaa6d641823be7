// The API key the `list-50-key` scenario reads with (issue 12, test 7): bound to the bench principal's own
// township with the principal's role, so its answer is byte-for-byte the portal user's and the only difference
// measured is the integrator path — key authentication, the key's rate limit and cost budget, the allow-list
// check and the integrator audit row of every operation.
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';

/** Inserts a key (the format of the gateway's credentials/api-keys.ts) and returns its secret. */
export async function createBenchKey(
  databaseUrl: string,
  tenant: { kind: 'township'; code: string },
  role: string,
): Promise<string> {
  const prefix = randomBytes(8).toString('hex').slice(0, 10);
  const secret = randomBytes(32).toString('base64url');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    await pool.query(
      `INSERT INTO api_key (prefix, secret_hash, name, tenant_kind, tenant_code, role, created_by)
       VALUES ($1, $2, 'bench list-50-key', $3, $4, $5, 'bench')`,
      [prefix, createHash('sha256').update(secret).digest('hex'), tenant.kind, tenant.code, role],
    );
  } finally {
    await pool.end();
  }
  return `hj_${prefix}_${secret}`;
}
