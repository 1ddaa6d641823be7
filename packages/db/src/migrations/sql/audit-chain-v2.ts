/**
 * Audit hash, version 2: each field is encoded as `<byte length>:<value>`, NULL as `-`, and the encodings are
 * concatenated. Version 1 joined the fields with concat_ws, which skips NULLs — so a value could move between two
 * adjacent empty fields without changing the hash. Rows keep the version they were written with
 * (audit_log.hash_version) and the verifier recomputes each with its own; new rows are version 2.
 *
 * app.audit_head() gives the chain's last id and hash, which the gateway exports to its log and /metrics on a
 * timer: a rewrite of the chain by the database owner then disagrees with what was exported before.
 */
const FIELDS = [
  'p_prev',
  `to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  'p_actor',
  'p_membership::text',
  'p_tenant_kind',
  'p_tenant_code',
  'p_operation',
  'p_variables_hash',
  'p_request_id',
  'p_client',
  'p_outcome',
];
const PARAMS = `p_prev text, p_at timestamptz, p_actor text, p_membership uuid, p_tenant_kind text,
  p_tenant_code text, p_operation text, p_variables_hash text, p_request_id text, p_client text, p_outcome text`;

export function auditChainV2Sql(requestRole: string): string[] {
  return [
    `ALTER TABLE audit_log ADD COLUMN hash_version smallint NOT NULL DEFAULT 1`,
    `CREATE FUNCTION app.audit_field(p_value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
       SELECT CASE WHEN p_value IS NULL THEN '-' ELSE octet_length(p_value)::text || ':' || p_value END
     $$`,
    `CREATE FUNCTION app.audit_row_hash_v2(${PARAMS}) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
       SELECT encode(sha256(convert_to(concat(${FIELDS.map((f) => `app.audit_field(${f})`).join(', ')}), 'UTF8')), 'hex')
     $$`,
    `CREATE OR REPLACE FUNCTION app.append_audit(p_operation text, p_variables_hash text, p_request_id text,
         p_client text, p_outcome text, p_membership uuid) RETURNS bigint
       LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
       DECLARE
         v_prev text; v_at timestamptz := clock_timestamp(); v_id bigint;
         v_actor text := coalesce(app.subject(), 'anonymous');
       BEGIN
         PERFORM pg_advisory_xact_lock(7226412);
         SELECT hash INTO v_prev FROM audit_log ORDER BY id DESC LIMIT 1;
         v_prev := coalesce(v_prev, 'genesis');
         INSERT INTO audit_log (at, actor, membership_id, tenant_kind, tenant_code, operation, variables_hash,
                                request_id, client_address, outcome, prev_hash, hash, hash_version)
         VALUES (v_at, v_actor, p_membership, app.tenant_kind(), app.tenant_id(), p_operation, p_variables_hash,
                 p_request_id, p_client, p_outcome, v_prev,
                 app.audit_row_hash_v2(v_prev, v_at, v_actor, p_membership, app.tenant_kind(), app.tenant_id(),
                   p_operation, p_variables_hash, p_request_id, p_client, p_outcome), 2)
         RETURNING id INTO v_id;
         RETURN v_id;
       END $$`,
    `CREATE FUNCTION app.audit_head() RETURNS TABLE (id bigint, hash text, at timestamptz)
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
       SELECT a.id, a.hash, a.at FROM audit_log a ORDER BY a.id DESC LIMIT 1
     $$`,
    `REVOKE ALL ON FUNCTION app.audit_head() FROM PUBLIC`,
    `GRANT EXECUTE ON FUNCTION app.audit_head() TO ${requestRole}`,
  ];
}
