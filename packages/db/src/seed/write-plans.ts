// Tomorrow's plans (次日计划) for the demo's past days, so that tonight's summaries show plan fulfilment. Derived
// in the database from the team's actual work, deterministically (choices hash the household's code and the day,
// never a random id): most households a team measured or assessed on a day were on that day's plan, made the
// evening before; about one in six also stood on the previous day's plan and slipped a day — the misses. Every
// planned item obeys the plan rule the gateway enforces: a household is planned for assessment only once it was
// measured before the plan was made (21:00 the evening before). One statement, whatever the scale.
import type pg from 'pg';

/** Shanghai midnight starting `day` (an SQL date expression). */
const midnight = (day: string) => `((${day})::timestamp AT TIME ZONE 'Asia/Shanghai')`;
/** When the team lead made the day's plan: 21:00 the evening before. */
const planMadeAt = (day: string) => `(${midnight(day)} - interval '3 hours')`;
/** A stable number 0..2^31 from text: the seed's choices, reproducible run after run. */
const pick = (text: string) => `(('x' || substr(md5(${text}), 1, 8))::bit(32)::int & 2147483647)`;

/** A plan's id from its team's code and its day: stable across seeds, and known to its items without a join. */
const planId = (day: string) => `md5('plan:' || t.code || ':' || ${day}::text)::uuid`;

const PLANS_SQL = `
  WITH work AS (
    SELECT h.id AS household_id, h.code, e.team_id, e.to_stage,
           (e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date AS done_on,
           -- Correlated on purpose: in the seed's one transaction the fresh tables have no statistics, and a
           -- grouped join here was planned as nested loops many times slower than this index lookup.
           (SELECT min(m.occurred_at) FROM household_event m WHERE m.household_id = h.id AND m.kind = 'ADVANCE'
              AND m.to_stage = 'MEASURED') AS measured_at
    FROM household_event e JOIN household h ON h.id = e.household_id
    WHERE e.kind = 'ADVANCE' AND e.team_id IS NOT NULL AND e.to_stage IN ('MEASURED', 'ASSESSED')),
  candidates AS (
    -- On the plan of the day it was done (9 in 10)…
    SELECT w.*, w.done_on AS day FROM work w WHERE ${pick("w.code || ':' || w.done_on::text")} % 10 <> 0
    UNION ALL
    -- …and, for about one in six, already on the previous day's plan: planned, not done that day.
    SELECT w.*, w.done_on - 1 AS day FROM work w WHERE ${pick("'slip:' || w.code || ':' || w.done_on::text")} % 6 = 0),
  items AS (
  SELECT DISTINCT ON (c.team_id, c.day, c.household_id)
         c.team_id, c.day, c.household_id,
         CASE c.to_stage WHEN 'MEASURED' THEN 'MEASURE' ELSE 'ASSESS' END AS action,
         CASE WHEN c.to_stage = 'ASSESSED'
              THEN '评估' || (1 + ${pick("'group:' || c.code")} % 3)::text || '组' END AS assessment_group
  FROM candidates c
  WHERE c.day BETWEEN $1::date AND $2::date
    -- The plan rule, as of the evening before the day: assess only what was measured by then.
    AND (c.to_stage = 'MEASURED' OR c.measured_at < ${planMadeAt('c.day')})
  ORDER BY c.team_id, c.day, c.household_id),
  plans AS (
    INSERT INTO team_plan (id, team_id, township_id, headquarters_id, day, planned_by, created_at, updated_at)
    SELECT ${planId('d.day')}, t.id, t.township_id, t.headquarters_id, d.day, 'seed', ${planMadeAt('d.day')},
           ${planMadeAt('d.day')}
    FROM (SELECT DISTINCT team_id, day FROM items) d JOIN work_team t ON t.id = d.team_id),
  written AS (
    INSERT INTO team_plan_item (plan_id, household_id, team_id, township_id, headquarters_id, action,
      assessment_group)
    SELECT ${planId('i.day')}, i.household_id, i.team_id, t.township_id, t.headquarters_id, i.action, i.assessment_group
    FROM items i JOIN work_team t ON t.id = i.team_id
    RETURNING plan_id)
  SELECT count(DISTINCT plan_id)::int AS plans, count(*)::int AS items FROM written`;

/** Plans for the days `from`..`to` (Shanghai), from the events already written. */
export async function writePastPlans(
  client: pg.PoolClient,
  from: string,
  to: string,
): Promise<{ plans: number; items: number }> {
  const { rows } = await client.query<{ plans: number; items: number }>(PLANS_SQL, [from, to]);
  return rows[0] ?? { plans: 0, items: 0 };
}
