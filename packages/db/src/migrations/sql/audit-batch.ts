/**
 * Audit hash, version 3, and the batched append (issue 12). Integrator reads, refusals and sign-ins carry facts the
 * version-2 columns have no place for (key, cost, rows, duration, a refusal's count), so they go in `detail`
 * (jsonb) and the hash covers it: version 3 is version 2's length-prefixed fields plus `detail::text` (jsonb's text
 * form is canonical: keys sorted, whitespace fixed). Rows keep the version they were written with.
 *
 * The gateway writes these rows off the request path, in batches, through app.append_audit_batch: one transaction,
 * the chain's advisory lock once, every row linked to the one before. Unlike app.append_audit (which takes the
 * actor from the request's own signed scope), a batch names its actors, so it is accepted only under the
 * gateway's own signed scope — tenant kind 'system', role 'audit-writer' — which no request principal can carry
 * and which only a holder of the scope key can sign: SQL injected into a request cannot forge rows.
 */
const V2_FIELDS = [
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
  p_tenant_code text, p_operation text, p_variables_hash text, p_request_id text, p_client text, p_outcome text,
  p_detail jsonb`;

/** The scope the gateway's audit writer signs (gateway: audit/audit-writer.ts). */
export const AUDIT_WRITER_SCOPE = { tenantKind: 'system', role: 'audit-writer' } as const;

export function auditBatchSql(requestRole: string): string[] {
  const fields = [...V2_FIELDS, 'p_detail::text'].map((f) => `app.audit_field(${f})`).join(', ');
  return [
    `ALTER TABLE audit_log ADD COLUMN detail jsonb`,
    // apiKeyUsage reads one key's rows in a time range.
    `CREATE INDEX audit_log_actor_at ON audit_log (actor, at)`,
    `CREATE FUNCTION app.audit_row_hash_v3(${PARAMS}) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
       SELECT encode(sha256(convert_to(concat(${fields}), 'UTF8')), 'hex')
     $$`,
    `CREATE FUNCTION app.append_audit_batch(p_rows jsonb) RETURNS integer
       LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
       DECLARE
         v_prev text; v_hash text; v_row jsonb; v_count integer := 0; v_at timestamptz;
       BEGIN
         IF app.tenant_kind() IS DISTINCT FROM '${AUDIT_WRITER_SCOPE.tenantKind}'
            OR app.role() IS DISTINCT FROM '${AUDIT_WRITER_SCOPE.role}' THEN
           RAISE EXCEPTION 'only the gateway''s audit writer appends batches' USING ERRCODE = 'insufficient_privilege';
         END IF;
         PERFORM pg_advisory_xact_lock(7226412);
         SELECT hash INTO v_prev FROM audit_log ORDER BY id DESC LIMIT 1;
         v_prev := coalesce(v_prev, 'genesis');
         FOR v_row IN SELECT value FROM jsonb_array_elements(p_rows) LOOP
           v_at := (v_row->>'at')::timestamptz;
           v_hash := app.audit_row_hash_v3(v_prev, v_at, v_row->>'actor', (v_row->>'membership')::uuid,
             v_row->>'tenantKind', v_row->>'tenantCode', v_row->>'operation', v_row->>'variablesHash',
             v_row->>'requestId', v_row->>'client', v_row->>'outcome', v_row->'detail');
           INSERT INTO audit_log (at, actor, membership_id, tenant_kind, tenant_code, operation, variables_hash,
                                  request_id, client_address, outcome, prev_hash, hash, hash_version, detail)
           VALUES (v_at, v_row->>'actor', (v_row->>'membership')::uuid, v_row->>'tenantKind', v_row->>'tenantCode',
                   v_row->>'operation', v_row->>'variablesHash', v_row->>'requestId', v_row->>'client',
                   v_row->>'outcome', v_prev, v_hash, 3, v_row->'detail');
           v_prev := v_hash;
           v_count := v_count + 1;
         END LOOP;
         RETURN v_count;
       END $$`,
    `REVOKE ALL ON FUNCTION app.append_audit_batch(jsonb) FROM PUBLIC`,
    `GRANT EXECUTE ON FUNCTION app.append_audit_batch(jsonb) TO ${requestRole}`,
    // A key's usage, summarised, for who may manage the key: a district admin, or a commander of the key's tenant
    // (packages/authz canManageApiKey states the same rule). The audit rows themselves stay readable only by
    // district inspectors and admins; a commander gets these figures and nothing else. NULL: no such key, or not
    // the caller's to see.
    `CREATE FUNCTION app.api_key_usage(p_key uuid, p_from timestamptz, p_to timestamptz) RETURNS jsonb
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
       WITH k AS (
         SELECT k.id, k.tenant_code FROM api_key k WHERE k.id = p_key AND app.subject() NOT LIKE 'apikey:%' AND (
           (app.tenant_kind() = 'district' AND app.role() = 'admin')
           OR (app.role() = 'commander' AND app.tenant_kind() = k.tenant_kind AND app.tenant_id() = k.tenant_code))
       ), rows AS (
         SELECT a.operation, a.outcome, a.detail FROM audit_log a, k
         WHERE a.actor = 'apikey:' || k.id::text AND a.at >= p_from AND a.at < p_to
           AND a.detail->>'kind' IN ('operation', 'refusal')
       ), ops AS (
         SELECT operation, outcome, (detail->>'rows')::bigint AS n_rows, (detail->>'cost')::numeric AS cost,
                (detail->>'durationMs')::numeric AS ms
         FROM rows WHERE detail->>'kind' = 'operation'
       ), codes AS (
         SELECT outcome AS code, count(*) AS n FROM ops WHERE outcome <> 'ok' GROUP BY outcome
         UNION ALL
         SELECT outcome, sum((detail->>'count')::bigint) FROM rows WHERE detail->>'kind' = 'refusal' GROUP BY outcome
       ), by_op AS (
         SELECT operation, count(*) AS n, count(*) FILTER (WHERE outcome <> 'ok') AS errors,
                coalesce(sum(n_rows), 0) AS n_rows, coalesce(sum(cost), 0) AS cost,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
                percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) AS p95
         FROM ops GROUP BY operation
       )
       SELECT jsonb_build_object(
         'tenantCode', k.tenant_code,
         'operations', (SELECT count(*) FROM ops),
         'errors', (SELECT count(*) FROM ops WHERE outcome <> 'ok'),
         'refused', (SELECT coalesce(sum((detail->>'count')::bigint), 0) FROM rows WHERE detail->>'kind' = 'refusal'),
         'rows', (SELECT coalesce(sum(n_rows), 0) FROM ops),
         'cost', (SELECT coalesce(sum(cost), 0) FROM ops),
         'p50', (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FROM ops),
         'p95', (SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) FROM ops),
         'errorsByCode', (SELECT coalesce(jsonb_agg(jsonb_build_object('code', code, 'count', n) ORDER BY code), '[]')
                          FROM (SELECT code, sum(n) AS n FROM codes GROUP BY code) c),
         'byOperation', (SELECT coalesce(jsonb_agg(jsonb_build_object('operation', operation, 'operations', n,
                           'errors', errors, 'rows', n_rows, 'cost', cost, 'p50', p50, 'p95', p95)
                           ORDER BY n DESC, operation), '[]') FROM by_op))
       FROM k
     $$`,
    `REVOKE ALL ON FUNCTION app.api_key_usage(uuid, timestamptz, timestamptz) FROM PUBLIC`,
    `GRANT EXECUTE ON FUNCTION app.api_key_usage(uuid, timestamptz, timestamptz) TO ${requestRole}`,
  ];
}
