/**
 * Field work (issue 14): visits, disputes, escalations and the reserve pool. Each table carries the same scope
 * columns as household (township_id, headquarters_id, and team_home_township_id where a team works the row), so the
 * same RLS shape applies and the nightly summary can count by team, household and day without joins.
 */
const KIND = `(SELECT app.tenant_kind())`;
const TENANT = `(SELECT app.tenant_uuid())`;
const ROLE = `(SELECT app.role())`;
const TEAM = `(SELECT app.team_uuid())`;

/** District all; headquarters its own; township its own and the rows its teams work (household's rule). */
const SCOPED_WITH_HELPERS = `(${KIND} = 'district'
  OR (${KIND} = 'headquarters' AND headquarters_id = ${TENANT})
  OR (${KIND} = 'township' AND (township_id = ${TENANT} OR team_home_township_id = ${TENANT})))`;

/** Who works a household row: a cadre of its team, a commander in scope, the district admin (household_update's rule). */
const WORKS = `(${SCOPED_WITH_HELPERS}
  AND (${ROLE} IN ('commander', 'admin') OR (${ROLE} = 'cadre' AND team_id = ${TEAM})))`;

const PURPOSES = `'POLICY_EXPLANATION','SOCIAL_RELATIONS_SURVEY','MEASUREMENT_APPOINTMENT','SIGNING_TALK','OTHER'`;
const CATEGORIES = `'COMPENSATION_AMOUNT','RESETTLEMENT','OWNERSHIP_INHERITANCE','BOUNDARY_AREA','FAMILY_DISAGREEMENT','OTHER'`;

export function fieldWorkSql(role: string): string[] {
  return [
    // Visits: an append-only log. off_hours is decided by the gateway (packages/domain isOffHours, the
    // deployment's working hours) when the visit is recorded, and kept: changing the hours later does not rewrite
    // what was counted.
    `CREATE TABLE visit (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       township_id uuid NOT NULL REFERENCES township(id),
       headquarters_id uuid NOT NULL REFERENCES headquarters(id),
       team_home_township_id uuid REFERENCES township(id),
       household_id uuid NOT NULL REFERENCES household(id),
       team_id uuid REFERENCES work_team(id),
       cadre_id uuid REFERENCES cadre(id),
       visited_at timestamptz NOT NULL,
       met_with text NOT NULL CHECK (length(met_with) BETWEEN 1 AND 200),
       purpose text NOT NULL CHECK (purpose IN (${PURPOSES})),
       outcome text NOT NULL CHECK (length(outcome) BETWEEN 1 AND 2000),
       next_step text CHECK (length(next_step) <= 2000),
       off_hours boolean NOT NULL,
       actor_subject text NOT NULL,
       membership_id uuid,
       idempotency_key text NOT NULL,
       request_hash text NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       UNIQUE (actor_subject, idempotency_key))`,
    `CREATE INDEX visit_scope ON visit (township_id, headquarters_id)`,
    `CREATE INDEX visit_helper ON visit (team_home_township_id) WHERE team_home_township_id IS NOT NULL`,
    `CREATE INDEX visit_household ON visit (household_id, visited_at)`,
    `CREATE INDEX visit_team_day ON visit (team_id, visited_at)`,
    `CREATE INDEX visit_cadre ON visit (cadre_id) WHERE cadre_id IS NOT NULL`,

    // Disputes: a row per dispute, its state moved by the mediators; version guards concurrent mediation.
    `CREATE TABLE dispute (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       township_id uuid NOT NULL REFERENCES township(id),
       headquarters_id uuid NOT NULL REFERENCES headquarters(id),
       team_home_township_id uuid REFERENCES township(id),
       household_id uuid NOT NULL REFERENCES household(id),
       team_id uuid REFERENCES work_team(id),
       category text NOT NULL CHECK (category IN (${CATEGORIES})),
       state text NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'MEDIATING', 'RESOLVED', 'ESCALATED')),
       mediator text NOT NULL CHECK (length(mediator) BETWEEN 1 AND 100),
       mediator_cadre_id uuid REFERENCES cadre(id),
       notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 20000),
       version int NOT NULL DEFAULT 1,
       opened_by text NOT NULL,
       idempotency_key text NOT NULL,
       request_hash text NOT NULL,
       opened_at timestamptz NOT NULL DEFAULT now(),
       mediation_started_at timestamptz,
       resolved_at timestamptz,
       escalated_at timestamptz,
       updated_at timestamptz NOT NULL DEFAULT now(),
       UNIQUE (opened_by, idempotency_key),
       CHECK ((state = 'RESOLVED') = (resolved_at IS NOT NULL)),
       CHECK ((state = 'ESCALATED') = (escalated_at IS NOT NULL)))`,
    `CREATE INDEX dispute_scope ON dispute (township_id, headquarters_id)`,
    `CREATE INDEX dispute_helper ON dispute (team_home_township_id) WHERE team_home_township_id IS NOT NULL`,
    `CREATE INDEX dispute_household ON dispute (household_id)`,
    `CREATE INDEX dispute_open_by_team ON dispute (team_id) WHERE state IN ('OPEN', 'MEDIATING')`,
    `CREATE INDEX dispute_mediator ON dispute (mediator_cadre_id) WHERE mediator_cadre_id IS NOT NULL`,

    // Escalations (症结难题): raised by a headquarters, handled by the supervision group.
    `CREATE TABLE escalation (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       township_id uuid REFERENCES township(id),
       headquarters_id uuid NOT NULL REFERENCES headquarters(id),
       description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
       help_needed text NOT NULL CHECK (length(help_needed) BETWEEN 1 AND 2000),
       household_ids uuid[] NOT NULL DEFAULT '{}',
       village_ids uuid[] NOT NULL DEFAULT '{}',
       dispute_id uuid REFERENCES dispute(id),
       state text NOT NULL DEFAULT 'RAISED' CHECK (state IN ('RAISED', 'TRIAGED', 'DECIDED', 'CLOSED')),
       meeting text CHECK (length(meeting) <= 200),
       decision text CHECK (length(decision) <= 2000),
       version int NOT NULL DEFAULT 1,
       raised_by text NOT NULL,
       idempotency_key text NOT NULL,
       request_hash text NOT NULL,
       raised_at timestamptz NOT NULL DEFAULT now(),
       triaged_at timestamptz,
       decided_at timestamptz,
       closed_at timestamptz,
       UNIQUE (raised_by, idempotency_key))`,
    `COMMENT ON COLUMN escalation.township_id IS 'NULL: a headquarters raises it; townships do not see it'`,
    `CREATE INDEX escalation_scope ON escalation (township_id, headquarters_id)`,
    `CREATE INDEX escalation_open ON escalation (raised_at) WHERE state <> 'CLOSED'`,

    // Measurements and signings credited to a cadre (cadre records): nullable, the recorder's account is not a
    // cadre row. The seed credits its history; a live transition may name one later.
    `ALTER TABLE household_event ADD COLUMN cadre_id uuid REFERENCES cadre(id)`,
    `CREATE INDEX household_event_cadre ON household_event (cadre_id) WHERE cadre_id IS NOT NULL`,

    // The reserve pool (后备干部库): district only, in the database and not just the resolver. The scope columns are
    // the cadre's, so the catalogue check holds it to ENABLE + FORCE like every tenant table.
    `CREATE TABLE reserve_nomination (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       cadre_id uuid NOT NULL UNIQUE REFERENCES cadre(id),
       township_id uuid REFERENCES township(id),
       headquarters_id uuid NOT NULL REFERENCES headquarters(id),
       reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
       nominated_by text NOT NULL,
       nominated_at timestamptz NOT NULL DEFAULT now())`,

    ...['visit', 'dispute', 'escalation', 'reserve_nomination'].flatMap((t) => [
      `ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`,
      `ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`,
    ]),

    `GRANT SELECT, INSERT ON visit TO ${role}`,
    `CREATE POLICY visit_read ON visit FOR SELECT TO ${role} USING ${SCOPED_WITH_HELPERS}`,
    `CREATE POLICY visit_insert ON visit FOR INSERT TO ${role} WITH CHECK ${WORKS}`,
    `CREATE TRIGGER visit_append_only BEFORE UPDATE OR DELETE ON visit
       FOR EACH ROW EXECUTE FUNCTION app.reject_change()`,
    `CREATE TRIGGER visit_no_truncate BEFORE TRUNCATE ON visit
       FOR EACH STATEMENT EXECUTE FUNCTION app.reject_change()`,

    `GRANT SELECT, INSERT, UPDATE ON dispute TO ${role}`,
    `CREATE POLICY dispute_read ON dispute FOR SELECT TO ${role} USING ${SCOPED_WITH_HELPERS}`,
    `CREATE POLICY dispute_insert ON dispute FOR INSERT TO ${role} WITH CHECK ${WORKS}`,
    `CREATE POLICY dispute_update ON dispute FOR UPDATE TO ${role} USING ${WORKS} WITH CHECK ${WORKS}`,

    `GRANT SELECT, INSERT, UPDATE ON escalation TO ${role}`,
    `CREATE POLICY escalation_read ON escalation FOR SELECT TO ${role} USING (${KIND} = 'district'
       OR (${KIND} = 'headquarters' AND headquarters_id = ${TENANT}))`,
    `CREATE POLICY escalation_insert ON escalation FOR INSERT TO ${role} WITH CHECK (
       (${KIND} = 'headquarters' AND ${ROLE} = 'commander' AND headquarters_id = ${TENANT})
       OR (${KIND} = 'district' AND ${ROLE} = 'admin'))`,
    `CREATE POLICY escalation_update ON escalation FOR UPDATE TO ${role}
       USING (${KIND} = 'district' AND ${ROLE} IN ('inspector', 'admin'))
       WITH CHECK (${KIND} = 'district' AND ${ROLE} IN ('inspector', 'admin'))`,

    `GRANT SELECT, INSERT ON reserve_nomination TO ${role}`,
    `CREATE POLICY reserve_nomination_read ON reserve_nomination FOR SELECT TO ${role}
       USING (${KIND} = 'district')`,
    `CREATE POLICY reserve_nomination_insert ON reserve_nomination FOR INSERT TO ${role}
       WITH CHECK (${KIND} = 'district' AND ${ROLE} IN ('inspector', 'admin'))`,
    `CREATE TRIGGER reserve_nomination_append_only BEFORE UPDATE OR DELETE ON reserve_nomination
       FOR EACH ROW EXECUTE FUNCTION app.reject_change()`,
  ];
}
