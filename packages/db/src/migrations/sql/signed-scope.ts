/**
 * The tenant scope a request runs under, made unforgeable from inside the database.
 *
 * The gateway sets five transaction-local settings (app.tenant_kind, app.tenant_id, app.role, app.team_id,
 * app.subject) — settings the request role could change itself with set_config. So the gateway also sets
 * app.scope_sig, a keyed hash of the five values under a key kept in app_private.scope_key, which neither the
 * request role nor the login role can read. Every app.* accessor the policies use returns its value only when the
 * signature matches; a request that rewrites a setting (or forges a signature) sees what an unset tenant sees:
 * nothing. The key is read once at start-up by the gateway over the migration connection.
 *
 * The hash is sha256(key || sha256(key || payload)) — HMAC's nested shape, which sha256 alone (no pgcrypto on
 * every server) can express; payload is the five values joined by U+001F. See packages/db/src/scope.ts.
 */
export const SCOPE_SETTINGS = ['tenant_kind', 'tenant_id', 'role', 'team_id', 'subject'] as const;

export function signedScopeSql(requestRole: string): string[] {
  const payload = SCOPE_SETTINGS.map(
    (name) => `COALESCE(pg_catalog.current_setting('app.${name}', true), '')`,
  ).join(`, `);
  return [
    `CREATE SCHEMA app_private`,
    `REVOKE ALL ON SCHEMA app_private FROM PUBLIC`,
    `CREATE TABLE app_private.scope_key (id int PRIMARY KEY CHECK (id = 1), key bytea NOT NULL)`,
    // Three v4 UUIDs come from the server's strong random source: 366 random bits, hashed to 256.
    `INSERT INTO app_private.scope_key (id, key) VALUES (1, sha256(convert_to(
       gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')))`,
    // Fully qualified names instead of SET search_path: a function with a SET clause cannot run in a parallel
    // worker, and temporary objects are never searched for functions or operators.
    `CREATE FUNCTION app.scope_verified() RETURNS boolean
       LANGUAGE sql STABLE PARALLEL SAFE SECURITY DEFINER AS $$
         SELECT COALESCE(pg_catalog.current_setting('app.scope_sig', true), '') OPERATOR(pg_catalog.=)
           pg_catalog.encode(pg_catalog.sha256(k.key OPERATOR(pg_catalog.||) pg_catalog.sha256(
             k.key OPERATOR(pg_catalog.||) pg_catalog.convert_to(pg_catalog.concat_ws(E'\\x1f', ${payload}), 'UTF8'))),
             'hex')
         FROM app_private.scope_key k
       $$`,
    `REVOKE ALL ON FUNCTION app.scope_verified() FROM PUBLIC`,
    `GRANT EXECUTE ON FUNCTION app.scope_verified() TO ${requestRole}`,
    // The accessors keep their names and signatures, so every existing policy now reads verified values.
    ...SCOPE_SETTINGS.map(
      (name) => `CREATE OR REPLACE FUNCTION app.${name}() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
         SELECT CASE WHEN app.scope_verified() THEN NULLIF(current_setting('app.${name}', true), '') END
       $$`,
    ),
    // Where the gateway's own login role and password live (created by ensureGatewayLogin, login-role.ts).
    `CREATE TABLE app_private.gateway_login (
       id int PRIMARY KEY CHECK (id = 1), role_name text NOT NULL UNIQUE, password text NOT NULL)`,
  ];
}
