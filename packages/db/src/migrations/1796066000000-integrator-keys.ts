import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REQUEST_ROLE as R } from '../roles.js';

const DEFINER = `SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp`;

/** What an integrator key may do beyond reading its tenant's rows. `read` is implied and always present. */
export const API_KEY_SCOPES = ['read', 'write', 'introspect'] as const;

/**
 * The integrator API's key settings (issue 12): scopes, per-key limits that override the gateway's defaults, the
 * allow-list mode, and when the key was last used. Keys stay credential rows: the request role has no grant on
 * `api_key`; the gateway reads a key only through app.find_api_key (by prefix and the secret's hash), which now
 * returns these columns too.
 */
export class IntegratorKeys1796066000000 implements MigrationInterface {
  name = 'IntegratorKeys1796066000000';

  async up(q: QueryRunner): Promise<void> {
    const scopes = API_KEY_SCOPES.map((s) => `'${s}'`).join(', ');
    const statements = [
      `ALTER TABLE api_key
         ADD COLUMN scopes text[] NOT NULL DEFAULT ARRAY['read']::text[]
           CHECK (scopes <@ ARRAY[${scopes}]::text[] AND 'read' = ANY (scopes)),
         ADD COLUMN rate_per_minute integer CHECK (rate_per_minute > 0),
         ADD COLUMN cost_per_minute integer CHECK (cost_per_minute > 0),
         ADD COLUMN allow_list_only boolean NOT NULL DEFAULT false,
         ADD COLUMN last_used_at timestamptz`,
      `DROP FUNCTION app.find_api_key(text, text)`,
      `CREATE FUNCTION app.find_api_key(p_prefix text, p_secret_hash text)
         RETURNS TABLE (key_id uuid, tenant_kind text, tenant_code text, role text, name text,
                        expires_at timestamptz, revoked_at timestamptz, scopes text[],
                        rate_per_minute integer, cost_per_minute integer, allow_list_only boolean)
         LANGUAGE sql STABLE ${DEFINER} AS $$
         SELECT id, tenant_kind, tenant_code, role, name, expires_at, revoked_at, scopes,
                rate_per_minute, cost_per_minute, allow_list_only
         FROM api_key WHERE prefix = p_prefix AND secret_hash = p_secret_hash
       $$`,
      `REVOKE ALL ON FUNCTION app.find_api_key(text, text) FROM PUBLIC`,
      `GRANT EXECUTE ON FUNCTION app.find_api_key(text, text) TO ${R}`,
    ];
    for (const statement of statements) await q.query(statement);
  }

  down(): Promise<void> {
    return Promise.reject(new Error('IntegratorKeys1796066000000 is not reversible: restore from a backup'));
  }
}
