/**
 * Sign-in and API-key lookups that never hand a hash to the request role. Before, app.find_login returned
 * password hashes and app.find_api_key the secret's hash to any caller that could execute them.
 *
 * - app.password_params(username): the scrypt parameters and salt only (`scrypt$N$r$p$salt`); for an unknown
 *   username a salt derived from the scope key, so the answer does not reveal which usernames exist.
 * - app.find_login(username, derived key): the account and memberships, only when the key the gateway derived
 *   from the presented password equals the stored one.
 * - app.my_memberships(): the signed-in user's own memberships (app.subject() is the verified scope).
 * - app.find_api_key(prefix, secret hash): the key's row only when the presented secret hashes to the stored hash.
 */
const DEFINER = `SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp`;
const LOGIN_COLUMNS = `user_id uuid, display_name text, demo boolean, disabled boolean, membership_id uuid,
  tenant_kind text, tenant_code text, role text, team_id uuid, is_default boolean`;
const LOGIN_SELECT = `SELECT u.id, u.display_name, u.demo, u.disabled, m.id, m.tenant_kind, m.tenant_code, m.role,
  m.team_id, m.is_default FROM user_account u LEFT JOIN membership m ON m.user_id = u.id`;
/** Everything before the last `$`: the parameters and salt of `scrypt$N$r$p$salt$hash`. */
const PARAMS_OF = (column: string) => `regexp_replace(${column}, '[$][^$]*$', '')`;

export function credentialLookupSql(requestRole: string): string[] {
  return [
    `DROP FUNCTION app.find_login(text)`,
    `DROP FUNCTION app.find_api_key(text)`,
    `CREATE FUNCTION app.password_params(p_username text) RETURNS text LANGUAGE sql STABLE ${DEFINER} AS $$
       SELECT coalesce(
         (SELECT ${PARAMS_OF('u.password_hash')} FROM user_account u WHERE u.username = p_username),
         'scrypt$32768$8$1$' || translate(rtrim(encode(substr(
           sha256(k.key || convert_to('login-salt:' || p_username, 'UTF8')), 1, 16), 'base64'), '='), '+/', '-_'))
       FROM app_private.scope_key k
     $$`,
    `CREATE FUNCTION app.find_login(p_username text, p_derived_key text) RETURNS TABLE (${LOGIN_COLUMNS})
       LANGUAGE sql STABLE ${DEFINER} AS $$
       ${LOGIN_SELECT}
       WHERE u.username = p_username AND u.password_hash = ${PARAMS_OF('u.password_hash')} || '$' || p_derived_key
       ORDER BY m.is_default DESC, m.tenant_code
     $$`,
    `CREATE FUNCTION app.my_memberships() RETURNS TABLE (${LOGIN_COLUMNS}) LANGUAGE sql STABLE ${DEFINER} AS $$
       ${LOGIN_SELECT}
       WHERE u.username = app.subject()
       ORDER BY m.is_default DESC, m.tenant_code
     $$`,
    `CREATE FUNCTION app.find_api_key(p_prefix text, p_secret_hash text)
       RETURNS TABLE (key_id uuid, tenant_kind text, tenant_code text, role text, name text,
                      expires_at timestamptz, revoked_at timestamptz)
       LANGUAGE sql STABLE ${DEFINER} AS $$
       SELECT id, tenant_kind, tenant_code, role, name, expires_at, revoked_at
       FROM api_key WHERE prefix = p_prefix AND secret_hash = p_secret_hash
     $$`,
    ...[
      'password_params(text)',
      'find_login(text, text)',
      'my_memberships()',
      'find_api_key(text, text)',
    ].flatMap((fn) => [
      `REVOKE ALL ON FUNCTION app.${fn} FROM PUBLIC`,
      `GRANT EXECUTE ON FUNCTION app.${fn} TO ${requestRole}`,
    ]),
  ];
}
