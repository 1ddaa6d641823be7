import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REQUEST_ROLE as R } from '../roles.js';

const DEFINER = `SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp`;
const KEY_COLUMNS = `id uuid, prefix text, name text, tenant_kind text, tenant_code text, role text, scopes text[],
  created_by text, created_at timestamptz, expires_at timestamptz, revoked_at timestamptz, last_used_at timestamptz,
  rate_per_minute integer, cost_per_minute integer, allow_list_only boolean`;
/** A query's SHA-256 in hex: the hash Apollo's persisted queries and the client manifest use. */
const HASH_OF = (column: string) => `encode(sha256(convert_to(${column}, 'UTF8')), 'hex')`;

/**
 * The integrator key lifecycle (issue 12) and persisted operations every replica sees.
 *
 * The request role still has no grant on `api_key`: creating, revoking and listing keys go through SECURITY
 * DEFINER functions that re-check the caller's verified scope (app.subject/tenant_kind/tenant_id/role, signed by the
 * gateway) in SQL — a district admin for any tenant, a commander for their own, never an API key — so a bug in the
 * gateway's own check (packages/authz, 'apikey:*') cannot mint or revoke another tenant's keys. A key's role follows
 * from its scopes: `viewer` unless it may write (then the tenant's commander, or admin for the district).
 *
 * - `persisted_query`: automatic persisted queries (hash → text) shared by replicas; a row is stored only when its
 *   text hashes to its key, so nobody can plant a different text under a known hash.
 * - `persisted_operation`: the operations an allow-list key may run, by hash, registered by whoever may manage it.
 * Both are reached only through functions (RLS enabled, no policies, no grants), like the credential tables.
 */
export class KeyLifecycle1796271774412 implements MigrationInterface {
  name = 'KeyLifecycle1796271774412';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE FUNCTION app.may_manage_api_keys(p_tenant_kind text, p_tenant_code text) RETURNS boolean
         LANGUAGE sql STABLE ${DEFINER} AS $$
         SELECT coalesce(app.subject() IS NOT NULL AND app.subject() NOT LIKE 'apikey:%'
           AND ((app.tenant_kind() = 'district' AND app.role() = 'admin')
             OR (app.role() = 'commander' AND app.tenant_kind() = p_tenant_kind
                 AND app.tenant_id() = p_tenant_code)), false)
       $$`,
      `CREATE FUNCTION app.create_api_key(p_prefix text, p_secret_hash text, p_name text, p_tenant_kind text,
           p_tenant_code text, p_scopes text[], p_expires_at timestamptz, p_rate integer, p_cost integer,
           p_allow_list_only boolean)
         RETURNS TABLE (${KEY_COLUMNS}) LANGUAGE plpgsql VOLATILE ${DEFINER} AS $$
         BEGIN
           IF NOT app.may_manage_api_keys(p_tenant_kind, p_tenant_code) THEN RETURN; END IF;
           RETURN QUERY
           INSERT INTO api_key AS k (prefix, secret_hash, name, tenant_kind, tenant_code, role, created_by,
                                     expires_at, scopes, rate_per_minute, cost_per_minute, allow_list_only)
           VALUES (p_prefix, p_secret_hash, p_name, p_tenant_kind, p_tenant_code,
                   CASE WHEN 'write' = ANY (p_scopes)
                        THEN CASE p_tenant_kind WHEN 'district' THEN 'admin' ELSE 'commander' END
                        ELSE 'viewer' END,
                   app.subject(), p_expires_at,
                   ARRAY(SELECT DISTINCT s FROM unnest(array_append(p_scopes, 'read')) s ORDER BY s),
                   p_rate, p_cost, p_allow_list_only)
           RETURNING k.id, k.prefix, k.name, k.tenant_kind, k.tenant_code, k.role, k.scopes, k.created_by,
                     k.created_at, k.expires_at, k.revoked_at, k.last_used_at, k.rate_per_minute,
                     k.cost_per_minute, k.allow_list_only;
         END $$`,
      // Returns the key only when this call revoked it (unknown, already revoked or not the caller's: nothing).
      `CREATE FUNCTION app.revoke_api_key(p_id uuid) RETURNS TABLE (${KEY_COLUMNS})
         LANGUAGE sql VOLATILE ${DEFINER} AS $$
         UPDATE api_key k SET revoked_at = now()
         WHERE k.id = p_id AND k.revoked_at IS NULL AND app.may_manage_api_keys(k.tenant_kind, k.tenant_code)
         RETURNING k.id, k.prefix, k.name, k.tenant_kind, k.tenant_code, k.role, k.scopes, k.created_by,
                   k.created_at, k.expires_at, k.revoked_at, k.last_used_at, k.rate_per_minute,
                   k.cost_per_minute, k.allow_list_only
       $$`,
      `CREATE FUNCTION app.list_api_keys() RETURNS TABLE (${KEY_COLUMNS}) LANGUAGE sql STABLE ${DEFINER} AS $$
         SELECT k.id, k.prefix, k.name, k.tenant_kind, k.tenant_code, k.role, k.scopes, k.created_by,
                k.created_at, k.expires_at, k.revoked_at, k.last_used_at, k.rate_per_minute, k.cost_per_minute,
                k.allow_list_only
         FROM api_key k WHERE app.may_manage_api_keys(k.tenant_kind, k.tenant_code)
         ORDER BY k.created_at DESC, k.id
       $$`,
      // At most one write a minute per key, whoever calls it: the gateway also throttles in memory.
      `CREATE FUNCTION app.touch_api_key(p_id uuid) RETURNS void LANGUAGE sql VOLATILE ${DEFINER} AS $$
         UPDATE api_key SET last_used_at = now()
         WHERE id = p_id AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
       $$`,

      `CREATE TABLE persisted_query (
         hash text PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
         query text NOT NULL CHECK (length(query) <= 100000),
         created_at timestamptz NOT NULL DEFAULT now())`,
      `ALTER TABLE persisted_query ENABLE ROW LEVEL SECURITY`,
      `CREATE FUNCTION app.persisted_query(p_hash text) RETURNS text LANGUAGE sql STABLE ${DEFINER} AS $$
         SELECT query FROM persisted_query WHERE hash = p_hash
       $$`,
      `CREATE FUNCTION app.persist_query(p_hash text, p_query text) RETURNS void
         LANGUAGE sql VOLATILE ${DEFINER} AS $$
         INSERT INTO persisted_query (hash, query) SELECT p_hash, p_query WHERE ${HASH_OF('p_query')} = p_hash
         ON CONFLICT (hash) DO NOTHING
       $$`,

      `CREATE TABLE persisted_operation (
         key_id uuid NOT NULL REFERENCES api_key(id) ON DELETE CASCADE,
         hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
         name text,
         registered_by text NOT NULL,
         registered_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (key_id, hash))`,
      `ALTER TABLE persisted_operation ENABLE ROW LEVEL SECURITY`,
      // The text goes to persisted_query too, so a registered hash can also be sent without its text.
      `CREATE FUNCTION app.register_operation(p_key uuid, p_query text, p_name text) RETURNS text
         LANGUAGE plpgsql VOLATILE ${DEFINER} AS $$
         DECLARE v_hash text := ${HASH_OF('p_query')};
         BEGIN
           IF NOT EXISTS (SELECT 1 FROM api_key k WHERE k.id = p_key
                            AND app.may_manage_api_keys(k.tenant_kind, k.tenant_code)) THEN
             RETURN NULL;
           END IF;
           PERFORM app.persist_query(v_hash, p_query);
           INSERT INTO persisted_operation (key_id, hash, name, registered_by)
           VALUES (p_key, v_hash, p_name, app.subject()) ON CONFLICT DO NOTHING;
           RETURN v_hash;
         END $$`,
      `CREATE FUNCTION app.key_operations(p_key uuid) RETURNS SETOF text LANGUAGE sql STABLE ${DEFINER} AS $$
         SELECT hash FROM persisted_operation WHERE key_id = p_key
       $$`,
      ...[
        'may_manage_api_keys(text, text)',
        'create_api_key(text, text, text, text, text, text[], timestamptz, integer, integer, boolean)',
        'revoke_api_key(uuid)',
        'list_api_keys()',
        'touch_api_key(uuid)',
        'persisted_query(text)',
        'persist_query(text, text)',
        'register_operation(uuid, text, text)',
        'key_operations(uuid)',
      ].flatMap((fn) => [
        `REVOKE ALL ON FUNCTION app.${fn} FROM PUBLIC`,
        `GRANT EXECUTE ON FUNCTION app.${fn} TO ${R}`,
      ]),
    ];
    for (const statement of statements) await q.query(statement);
  }

  down(): Promise<void> {
    return Promise.reject(new Error('KeyLifecycle1796271774412 is not reversible: restore from a backup'));
  }
}
