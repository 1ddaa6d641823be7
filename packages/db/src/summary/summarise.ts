// Tonight's summary (精准汇总): one row per work team and Shanghai day, counted from the household events and the
// day's plan. The same statements serve the gateway's nightly job (under the district admin's signed scope) and the
// demo seed (as the owner), so a seeded history and a live one are counted alike.
import type pg from 'pg';
import { FIELD_WORK_TABLES, fieldWorkStatements } from './fieldwork.js';

export type SummaryTrigger = 'SCHEDULE' | 'DEMAND' | 'SEED';

/** [start, end) of Shanghai days $1..$2 as instants. */
const FROM = `(($1::date)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
const UNTIL = `((($2::date) + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;

/**
 * Every team × every day in [$1, $2]: stage advances by the team that day (a correction is not work done), the
 * building area of the households it signed, and its plan for that day against what happened to the planned
 * households that day (by anyone: the plan is fulfilled when the household moved). Re-running a day replaces the
 * counts in place — the (team_id, day) key keeps it to one row.
 */
export const SUMMARISE_DAYS_SQL = `
  WITH days AS (SELECT d::date AS day FROM generate_series($1::date, $2::date, interval '1 day') AS d),
  ev AS (
    SELECT e.team_id, (e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date AS day,
           count(*) FILTER (WHERE e.to_stage = 'MEASURED') AS measurements,
           count(*) FILTER (WHERE e.to_stage = 'ASSESSED') AS assessments,
           count(*) FILTER (WHERE e.to_stage = 'SIGNED') AS signings,
           coalesce(sum(h.building_area_m2) FILTER (WHERE e.to_stage = 'SIGNED'), 0) AS signed_area_m2
    FROM household_event e JOIN household h ON h.id = e.household_id
    WHERE e.kind = 'ADVANCE' AND e.team_id IS NOT NULL AND e.occurred_at >= ${FROM} AND e.occurred_at < ${UNTIL}
    GROUP BY 1, 2),
  pl AS (
    SELECT p.team_id, p.day,
           count(*) FILTER (WHERE i.action = 'MEASURE') AS planned_measure,
           count(*) FILTER (WHERE i.action = 'ASSESS') AS planned_assess,
           count(*) FILTER (WHERE done.household_id IS NOT NULL AND i.action = 'MEASURE') AS fulfilled_measure,
           count(*) FILTER (WHERE done.household_id IS NOT NULL AND i.action = 'ASSESS') AS fulfilled_assess
    FROM team_plan p JOIN team_plan_item i ON i.plan_id = p.id
    LEFT JOIN LATERAL (
      SELECT e.household_id FROM household_event e
      WHERE e.household_id = i.household_id AND e.kind = 'ADVANCE'
        AND e.to_stage = CASE i.action WHEN 'MEASURE' THEN 'MEASURED' ELSE 'ASSESSED' END
        AND e.occurred_at >= ((p.day)::timestamp AT TIME ZONE 'Asia/Shanghai')
        AND e.occurred_at < ((p.day + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
      LIMIT 1) AS done ON true
    WHERE p.day BETWEEN $1::date AND $2::date
    GROUP BY 1, 2)
  INSERT INTO team_day_summary AS s (day, team_id, township_id, headquarters_id, measurements, assessments,
    signings, signed_area_m2, planned_measure, planned_assess, fulfilled_measure, fulfilled_assess)
  SELECT d.day, t.id, t.township_id, t.headquarters_id, coalesce(ev.measurements, 0), coalesce(ev.assessments, 0),
         coalesce(ev.signings, 0), coalesce(ev.signed_area_m2, 0), coalesce(pl.planned_measure, 0),
         coalesce(pl.planned_assess, 0), coalesce(pl.fulfilled_measure, 0), coalesce(pl.fulfilled_assess, 0)
  FROM days d CROSS JOIN work_team t
  LEFT JOIN ev ON ev.team_id = t.id AND ev.day = d.day
  LEFT JOIN pl ON pl.team_id = t.id AND pl.day = d.day
  WHERE $3::uuid[] IS NULL OR t.id = ANY ($3::uuid[])
  ON CONFLICT (team_id, day) DO UPDATE SET
    measurements = EXCLUDED.measurements, assessments = EXCLUDED.assessments, signings = EXCLUDED.signings,
    signed_area_m2 = EXCLUDED.signed_area_m2, planned_measure = EXCLUDED.planned_measure,
    planned_assess = EXCLUDED.planned_assess, fulfilled_measure = EXCLUDED.fulfilled_measure,
    fulfilled_assess = EXCLUDED.fulfilled_assess, computed_at = now()`;

/**
 * Claims day $1 for a run. A scheduled run claims only a day no scheduled run has summarised yet (another replica's
 * job for the same evening finds the row and stops); a run on demand or by the seed always re-counts. The row lock
 * taken here also serialises two runs of the same day.
 */
export const CLAIM_DAY_SQL = `
  INSERT INTO summary_run AS r (day, trigger, requested_by) VALUES ($1::date, $2, $3)
  ON CONFLICT (day) DO UPDATE SET trigger = EXCLUDED.trigger, requested_by = EXCLUDED.requested_by,
    started_at = now(), finished_at = NULL
    WHERE NOT (r.trigger = 'SCHEDULE' AND EXCLUDED.trigger = 'SCHEDULE' AND r.finished_at IS NOT NULL)
  RETURNING day`;

export interface SummaryRunResult {
  /** False when a scheduled run found the day already summarised by a scheduled run. */
  readonly ran: boolean;
  readonly days: number;
  readonly teams: number;
}

type Queryable = Pick<pg.ClientBase, 'query'>;

/** Which of part A's tables exist (visits and disputes are counted only once they do). */
export async function fieldWorkTablesPresent(db: Queryable): Promise<{ visit: boolean; dispute: boolean }> {
  const { rows } = await db.query<{ visit: boolean; dispute: boolean }>(
    `SELECT to_regclass($1) IS NOT NULL AS visit, to_regclass($2) IS NOT NULL AS dispute`,
    [`public.${FIELD_WORK_TABLES.visit}`, `public.${FIELD_WORK_TABLES.dispute}`],
  );
  return rows[0] ?? { visit: false, dispute: false };
}

/**
 * Summarises the Shanghai days `from`..`to` (YYYY-MM-DD) inside the caller's transaction. The caller's scope must see
 * every team (the owner, or the district admin's signed scope). Runs by the gateway name one day; the seed names its
 * whole history at once (one statement, so scale 6 stays fast).
 */
export async function summariseDays(
  db: Queryable,
  from: string,
  to: string,
  trigger: SummaryTrigger,
  requestedBy: string,
  /** Only these teams (a commander's re-count of its own teams); the day's run is then not claimed. */
  teamIds: readonly string[] | null = null,
): Promise<SummaryRunResult> {
  if (teamIds === null) {
    const claimed = await db.query(
      from === to
        ? CLAIM_DAY_SQL
        : `INSERT INTO summary_run (day, trigger, requested_by)
           SELECT d::date, $2, $3 FROM generate_series($1::date, $4::date, interval '1 day') AS d
           ON CONFLICT (day) DO NOTHING RETURNING day`,
      from === to ? [from, trigger, requestedBy] : [from, trigger, requestedBy, to],
    );
    if (claimed.rows.length === 0) return { ran: false, days: 0, teams: 0 };
  }
  const written = await db.query(SUMMARISE_DAYS_SQL, [from, to, teamIds]);
  for (const statement of fieldWorkStatements(await fieldWorkTablesPresent(db))) {
    await db.query(statement, [from, to, teamIds]);
  }
  if (teamIds !== null) return { ran: true, days: 1, teams: written.rowCount ?? 0 };
  const { rows } = await db.query<{ teams: number }>(
    `UPDATE summary_run SET finished_at = now(), teams = (SELECT count(*) FROM work_team)
     WHERE day BETWEEN $1::date AND $2::date RETURNING teams`,
    [from, to],
  );
  return { ran: true, days: rows.length, teams: rows[0]?.teams ?? 0 };
}
