import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REQUEST_ROLE as R } from '../roles.js';

const KIND = `(SELECT app.tenant_kind())`;
const ROLE = `(SELECT app.role())`;
const WRITER = `${ROLE} IN ('cadre', 'commander', 'admin')`;

/**
 * What the stage-transition write path needs: the request role may maintain progress counters, record
 * milestones and draw resettlement units (only writer roles, WITH CHECK), and append to the hash-chained audit
 * log through one SECURITY DEFINER function that takes the chain's advisory lock.
 */
export class Workflow1764540000000 implements MigrationInterface {
  name = 'Workflow1764540000000';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `GRANT INSERT, UPDATE ON progress_counter, progress_daily TO ${R}`,
      `CREATE POLICY progress_counter_write ON progress_counter FOR INSERT TO ${R} WITH CHECK (${WRITER})`,
      `CREATE POLICY progress_counter_update ON progress_counter FOR UPDATE TO ${R} USING (${WRITER}) WITH CHECK (${WRITER})`,
      `CREATE POLICY progress_daily_write ON progress_daily FOR INSERT TO ${R} WITH CHECK (${WRITER})`,
      `CREATE POLICY progress_daily_update ON progress_daily FOR UPDATE TO ${R} USING (${WRITER}) WITH CHECK (${WRITER})`,
      `GRANT INSERT ON milestone TO ${R}`,
      `CREATE POLICY milestone_write ON milestone FOR INSERT TO ${R} WITH CHECK (${WRITER})`,
      // Any signing cadre (helper teams included) must find the site a household swaps into.
      `CREATE POLICY resettlement_site_read_all ON resettlement_site FOR SELECT TO ${R} USING (${KIND} IS NOT NULL)`,
      `GRANT UPDATE (allocated_units) ON resettlement_site TO ${R}`,
      `CREATE POLICY resettlement_site_draw ON resettlement_site FOR UPDATE TO ${R} USING (${WRITER}) WITH CHECK (${WRITER})`,
      // Milestones are immutable facts.
      `CREATE TRIGGER milestone_append_only BEFORE UPDATE OR DELETE ON milestone
         FOR EACH ROW EXECUTE FUNCTION app.reject_change()`,
      // District inspectors and admins read the audit log; nobody else, and nobody changes it.
      `GRANT SELECT ON audit_log TO ${R}`,
      `CREATE POLICY audit_log_read ON audit_log FOR SELECT TO ${R}
         USING (${KIND} = 'district' AND ${ROLE} IN ('inspector', 'admin'))`,
      `CREATE FUNCTION app.audit_row_hash(p_prev text, p_at timestamptz, p_actor text, p_membership uuid,
           p_tenant_kind text, p_tenant_code text, p_operation text, p_variables_hash text, p_request_id text,
           p_client text, p_outcome text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
         SELECT encode(sha256(convert_to(concat_ws(E'\\x1f', p_prev,
           to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), p_actor, p_membership::text,
           p_tenant_kind, p_tenant_code, p_operation, p_variables_hash, p_request_id, p_client, p_outcome), 'UTF8')), 'hex')
       $$`,
      // The chain is extended under a transaction advisory lock, so concurrent writers take turns and each row's
      // hash covers the previous row's. The actor and tenant come from the transaction's own settings.
      `CREATE FUNCTION app.append_audit(p_operation text, p_variables_hash text, p_request_id text,
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
                                  request_id, client_address, outcome, prev_hash, hash)
           VALUES (v_at, v_actor, p_membership, app.tenant_kind(), app.tenant_id(), p_operation, p_variables_hash,
                   p_request_id, p_client, p_outcome, v_prev,
                   app.audit_row_hash(v_prev, v_at, v_actor, p_membership, app.tenant_kind(), app.tenant_id(),
                     p_operation, p_variables_hash, p_request_id, p_client, p_outcome))
           RETURNING id INTO v_id;
           RETURN v_id;
         END $$`,
      `REVOKE ALL ON FUNCTION app.append_audit(text, text, text, text, text, uuid) FROM PUBLIC`,
      `GRANT EXECUTE ON FUNCTION app.append_audit(text, text, text, text, text, uuid) TO ${R}`,
      `REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, household_event, milestone FROM ${R}`,
    ];
    for (const statement of statements) await q.query(statement);
  }

  down(): Promise<void> {
    return Promise.reject(
      new Error('Workflow1764540000000 is not reversible: restore from a backup instead'),
    );
  }
}
