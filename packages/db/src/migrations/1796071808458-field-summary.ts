import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REQUEST_ROLE as R } from '../roles.js';

const KIND = `(SELECT app.tenant_kind())`;
const TENANT = `(SELECT app.tenant_uuid())`;
const ROLE = `(SELECT app.role())`;
const TEAM = `(SELECT app.team_uuid())`;

/** A team's rows: township_id is the team's HOME township (NULL for a district unit's team), headquarters_id its HQ. */
const TEAM_SCOPE = `(${KIND} = 'district'
  OR (${KIND} = 'headquarters' AND headquarters_id = ${TENANT})
  OR (${KIND} = 'township' AND township_id = ${TENANT}))`;

/** Who writes a plan: a commander of the team's township or headquarters, a district admin, or a cadre of the team. */
const PLANNER = `(${TEAM_SCOPE} AND (${ROLE} IN ('commander', 'admin') OR (${ROLE} = 'cadre' AND team_id = ${TEAM})))`;

/** Summaries are written only by the nightly job, which runs under the district admin's scope. */
const SUMMARISER = `(${KIND} = 'district' AND ${ROLE} = 'admin')`;

/**
 * Issue 14 part B: tomorrow's plan (白沙's 提前确定次日丈量户和评估组) and tonight's summary (精准汇总).
 * - team_plan / team_plan_item: one plan per team and day; its items name households to measure and households
 *   an assessment group is sent to. Re-planning the same day replaces the items.
 * - summary_run: one row per Shanghai day — the per-day key of the nightly job (a second run of the same day by
 *   another replica finds it and stops).
 * - team_day_summary: one row per (team, day), UNIQUE — the last guard of "exactly once per day".
 * Visits and disputes (part A) are columns that stay 0 until their tables exist; see the gateway's summary.fieldwork.ts.
 */
export class FieldSummary1796071808458 implements MigrationInterface {
  name = 'FieldSummary1796071808458';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE team_plan (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         team_id uuid NOT NULL REFERENCES work_team(id),
         township_id uuid REFERENCES township(id),
         headquarters_id uuid NOT NULL REFERENCES headquarters(id),
         day date NOT NULL,
         planned_by text NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         UNIQUE (team_id, day))`,
      `CREATE INDEX team_plan_scope ON team_plan (township_id, headquarters_id, day)`,
      `CREATE TABLE team_plan_item (
         plan_id uuid NOT NULL REFERENCES team_plan(id) ON DELETE CASCADE,
         household_id uuid NOT NULL REFERENCES household(id),
         team_id uuid NOT NULL REFERENCES work_team(id),
         township_id uuid REFERENCES township(id),
         headquarters_id uuid NOT NULL REFERENCES headquarters(id),
         action text NOT NULL CHECK (action IN ('MEASURE', 'ASSESS')),
         assessment_group text CHECK (action = 'ASSESS' OR assessment_group IS NULL),
         PRIMARY KEY (plan_id, household_id))`,
      `CREATE INDEX team_plan_item_household ON team_plan_item (household_id)`,
      `CREATE TABLE summary_run (
         day date PRIMARY KEY,
         trigger text NOT NULL CHECK (trigger IN ('SCHEDULE', 'DEMAND', 'SEED')),
         requested_by text NOT NULL,
         teams int NOT NULL DEFAULT 0,
         started_at timestamptz NOT NULL DEFAULT now(),
         finished_at timestamptz)`,
      `CREATE TABLE team_day_summary (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         day date NOT NULL,
         team_id uuid NOT NULL REFERENCES work_team(id),
         township_id uuid REFERENCES township(id),
         headquarters_id uuid NOT NULL REFERENCES headquarters(id),
         visits int NOT NULL DEFAULT 0,
         off_hours_visits int NOT NULL DEFAULT 0,
         measurements int NOT NULL DEFAULT 0,
         assessments int NOT NULL DEFAULT 0,
         signings int NOT NULL DEFAULT 0,
         signed_area_m2 numeric(14,2) NOT NULL DEFAULT 0,
         disputes_opened int NOT NULL DEFAULT 0,
         disputes_resolved int NOT NULL DEFAULT 0,
         planned_measure int NOT NULL DEFAULT 0,
         planned_assess int NOT NULL DEFAULT 0,
         fulfilled_measure int NOT NULL DEFAULT 0,
         fulfilled_assess int NOT NULL DEFAULT 0,
         computed_at timestamptz NOT NULL DEFAULT now(),
         UNIQUE (team_id, day))`,
      `CREATE INDEX team_day_summary_scope ON team_day_summary (day, township_id, headquarters_id)`,
      ...['team_plan', 'team_plan_item', 'summary_run', 'team_day_summary'].flatMap((t) => [
        `ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`,
        `ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`,
      ]),
      `GRANT SELECT, INSERT, UPDATE, DELETE ON team_plan, team_plan_item TO ${R}`,
      ...['team_plan', 'team_plan_item'].flatMap((t) => [
        `CREATE POLICY ${t}_read ON ${t} FOR SELECT TO ${R} USING ${TEAM_SCOPE}`,
        `CREATE POLICY ${t}_insert ON ${t} FOR INSERT TO ${R} WITH CHECK ${PLANNER}`,
        `CREATE POLICY ${t}_update ON ${t} FOR UPDATE TO ${R} USING ${PLANNER} WITH CHECK ${PLANNER}`,
        `CREATE POLICY ${t}_delete ON ${t} FOR DELETE TO ${R} USING ${PLANNER}`,
      ]),
      `GRANT SELECT, INSERT, UPDATE ON summary_run, team_day_summary TO ${R}`,
      // When the last summary ran is not tenant data: every principal may see it.
      `CREATE POLICY summary_run_read ON summary_run FOR SELECT TO ${R} USING (${KIND} IS NOT NULL)`,
      `CREATE POLICY team_day_summary_read ON team_day_summary FOR SELECT TO ${R} USING ${TEAM_SCOPE}`,
      ...['summary_run', 'team_day_summary'].flatMap((t) => [
        `CREATE POLICY ${t}_insert ON ${t} FOR INSERT TO ${R} WITH CHECK ${SUMMARISER}`,
        `CREATE POLICY ${t}_update ON ${t} FOR UPDATE TO ${R} USING ${SUMMARISER} WITH CHECK ${SUMMARISER}`,
      ]),
    ];
    for (const statement of statements) await q.query(statement);
  }

  down(): Promise<void> {
    return Promise.reject(new Error('FieldSummary1796071808458 is not reversible: restore from a backup'));
  }
}
