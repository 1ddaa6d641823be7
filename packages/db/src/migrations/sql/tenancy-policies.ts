/**
 * Row-level security. Settings are tenant codes; app.tenant_uuid() turns the code into the row id once per
 * statement (wrapped in a sub-select so the planner treats it as a constant and can use the scope indexes).
 */
const KIND = `(SELECT app.tenant_kind())`;
const TENANT = `(SELECT app.tenant_uuid())`;
const ROLE = `(SELECT app.role())`;
const TEAM = `(SELECT app.team_uuid())`;

/** District sees all; a headquarters its rows; a township its rows and rows worked by its own teams elsewhere. */
function scoped(helperColumn: string | null): string {
  const township = helperColumn
    ? `(township_id = ${TENANT} OR ${helperColumn} = ${TENANT})`
    : `township_id = ${TENANT}`;
  return `(${KIND} = 'district'
    OR (${KIND} = 'headquarters' AND headquarters_id = ${TENANT})
    OR (${KIND} = 'township' AND ${township}))`;
}

/** Any authenticated principal (fail closed: no settings, no rows). */
const ANY_PRINCIPAL = `(${KIND} IS NOT NULL)`;

export function tenancyPolicies(role: string): string[] {
  const tenantTables = [
    'village',
    'work_team',
    'team_village',
    'cadre',
    'resettlement_site',
    'household',
    'household_event',
    'progress_counter',
    'progress_daily',
    'milestone',
    'inspection',
    'campaign',
    'audit_log',
  ];
  // Credentials: no grants and no policies for the request role, reached only through the lookups below.
  // Not FORCEd, so the owner's SECURITY DEFINER functions can read them.
  const credentialTables = ['user_account', 'membership', 'api_key'];
  return [
    `CREATE FUNCTION app.tenant_uuid() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS $$
       SELECT id FROM public.township WHERE app.tenant_kind() = 'township' AND code = app.tenant_id()
       UNION ALL
       SELECT id FROM public.headquarters WHERE app.tenant_kind() = 'headquarters' AND code = app.tenant_id()
     $$`,
    `CREATE FUNCTION app.team_uuid() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS $$
       SELECT CASE WHEN app.team_id() ~ '^[0-9a-f-]{36}$' THEN app.team_id()::uuid END
     $$`,
    ...tenantTables.flatMap((t) => [
      `ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`,
      `ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`,
    ]),
    ...credentialTables.map((t) => `ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`),

    // Reads.
    `GRANT SELECT ON village, work_team, team_village, cadre, resettlement_site, household, household_event,
       progress_counter, progress_daily, milestone, inspection, campaign TO ${role}`,
    `CREATE POLICY village_read ON village FOR SELECT TO ${role} USING (${scoped(null)}
       OR (${KIND} = 'township' AND EXISTS (SELECT 1 FROM team_village tv
             WHERE tv.village_id = village.id AND tv.team_home_township_id = ${TENANT})))`,
    // Teams are ranked in public (四察四看, leaderboards): their names and homes are visible to every principal.
    `CREATE POLICY work_team_read ON work_team FOR SELECT TO ${role} USING ${ANY_PRINCIPAL}`,
    `CREATE POLICY team_village_read ON team_village FOR SELECT TO ${role} USING (${scoped('team_home_township_id')})`,
    `CREATE POLICY cadre_read ON cadre FOR SELECT TO ${role} USING (${scoped(null)})`,
    `CREATE POLICY resettlement_site_read ON resettlement_site FOR SELECT TO ${role} USING (${scoped(null)})`,
    `CREATE POLICY household_read ON household FOR SELECT TO ${role} USING (${scoped('team_home_township_id')})`,
    `CREATE POLICY household_event_read ON household_event FOR SELECT TO ${role}
       USING (${scoped('team_home_township_id')})`,
    // Counters, milestones, inspections and the campaign gauge are public to every principal.
    ...['progress_counter', 'progress_daily', 'milestone', 'inspection', 'campaign'].map(
      (t) => `CREATE POLICY ${t}_read ON ${t} FOR SELECT TO ${role} USING ${ANY_PRINCIPAL}`,
    ),

    // Writes: every policy has WITH CHECK. A cadre writes only households of their own team.
    `GRANT INSERT, UPDATE ON household TO ${role}`,
    `CREATE POLICY household_insert ON household FOR INSERT TO ${role}
       WITH CHECK (${ROLE} IN ('commander', 'admin') AND ${scoped(null)})`,
    `CREATE POLICY household_update ON household FOR UPDATE TO ${role}
       USING (${scoped('team_home_township_id')}
         AND (${ROLE} IN ('commander', 'admin') OR (${ROLE} = 'cadre' AND team_id = ${TEAM})))
       WITH CHECK (${scoped('team_home_township_id')}
         AND (${ROLE} IN ('commander', 'admin') OR (${ROLE} = 'cadre' AND team_id = ${TEAM})))`,
    // Events are append-only: INSERT and nothing else, for anyone.
    `GRANT INSERT ON household_event TO ${role}`,
    `CREATE POLICY household_event_insert ON household_event FOR INSERT TO ${role}
       WITH CHECK (${scoped('team_home_township_id')}
         AND (${ROLE} IN ('commander', 'admin') OR (${ROLE} = 'cadre' AND team_id = ${TEAM})))`,
    `CREATE FUNCTION app.reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION '% on % is not allowed: the table is append-only', TG_OP, TG_TABLE_NAME
         USING ERRCODE = 'insufficient_privilege'; END $$`,
    `CREATE TRIGGER household_event_append_only BEFORE UPDATE OR DELETE ON household_event
       FOR EACH ROW EXECUTE FUNCTION app.reject_change()`,
    `CREATE TRIGGER household_event_no_truncate BEFORE TRUNCATE ON household_event
       FOR EACH STATEMENT EXECUTE FUNCTION app.reject_change()`,
    `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
       FOR EACH ROW EXECUTE FUNCTION app.reject_change()`,
    `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
       FOR EACH STATEMENT EXECUTE FUNCTION app.reject_change()`,

    // Sign-in happens before there is a principal: narrow SECURITY DEFINER lookups instead of table access.
    `CREATE FUNCTION app.find_login(p_username text)
       RETURNS TABLE (user_id uuid, display_name text, password_hash text, demo boolean, disabled boolean,
                      membership_id uuid, tenant_kind text, tenant_code text, role text, team_id uuid, is_default boolean)
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
         SELECT u.id, u.display_name, u.password_hash, u.demo, u.disabled,
                m.id, m.tenant_kind, m.tenant_code, m.role, m.team_id, m.is_default
         FROM user_account u LEFT JOIN membership m ON m.user_id = u.id
         WHERE u.username = p_username
         ORDER BY m.is_default DESC, m.tenant_code
       $$`,
    `CREATE FUNCTION app.find_membership(p_user_id uuid, p_membership_id uuid)
       RETURNS TABLE (membership_id uuid, tenant_kind text, tenant_code text, role text, team_id uuid, disabled boolean)
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
         SELECT m.id, m.tenant_kind, m.tenant_code, m.role, m.team_id, u.disabled
         FROM membership m JOIN user_account u ON u.id = m.user_id
         WHERE m.user_id = p_user_id AND m.id = p_membership_id
       $$`,
    `CREATE FUNCTION app.find_api_key(p_prefix text)
       RETURNS TABLE (key_id uuid, secret_hash text, tenant_kind text, tenant_code text, role text, name text,
                      expires_at timestamptz, revoked_at timestamptz)
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
         SELECT id, secret_hash, tenant_kind, tenant_code, role, name, expires_at, revoked_at
         FROM api_key WHERE prefix = p_prefix
       $$`,
    `REVOKE ALL ON FUNCTION app.find_login(text), app.find_membership(uuid, uuid), app.find_api_key(text) FROM PUBLIC`,
    `GRANT EXECUTE ON FUNCTION app.find_login(text), app.find_membership(uuid, uuid), app.find_api_key(text) TO ${role}`,
  ];
}
