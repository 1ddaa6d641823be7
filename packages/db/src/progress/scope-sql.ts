// SQL that derives the scoreboard from the records alone: the counters and daily signings of every scope.
// Used by the seed's recount and the tests' consistency checks, so that "what the counters should say" is
// stated once in TypeScript (the database's write-path functions are in migrations/sql/checked-counters.ts).
// Households are first grouped by what scopes are made of (township, headquarters, village, team) — a few
// hundred groups however many households — and the groups are then fanned out to the scopes they count in:
// the campaign, headquarters, township, pairing, team and its parents, village.
import { DEFAULT_PAIRINGS, STAGES } from '@hanjiang/domain';

/** Parameters of COMPUTE_DAILY_SQL: $1 township codes, $2 the code of each one's pairing. */
export function dailyParams(): [string[], string[]] {
  const townships = DEFAULT_PAIRINGS.flatMap((p) => [p.mountainCode, p.plainCode]);
  const pairings = DEFAULT_PAIRINGS.flatMap((p) => [p.code, p.code]);
  return [townships, pairings];
}

/** Parameters of COMPUTE_COUNTERS_SQL: those of the daily SQL, and $3 the stages in order. */
export function counterParams(): [string[], string[], string[]] {
  return [...dailyParams(), [...STAGES]];
}

const LOOKUPS = `
  team_chain AS (
    SELECT id AS leaf_id, id AS team_id, code, parent_id FROM work_team
    UNION ALL
    SELECT c.leaf_id, p.id, p.code, p.parent_id FROM team_chain c JOIN work_team p ON p.id = c.parent_id
  ),
  pairing AS (SELECT * FROM unnest($1::text[], $2::text[]) AS p (township_code, pairing_code))`;

/** Rows of CTE `source` (township_id, headquarters_id, village_id, team_id, …) once per scope they count in. */
const fanOut = (source: string): string => `
    SELECT 'campaign'::text AS scope_kind, 'main'::text AS scope_code, s.* FROM ${source} s
    UNION ALL SELECT 'headquarters', q.code, s.* FROM ${source} s JOIN headquarters q ON q.id = s.headquarters_id
    UNION ALL SELECT 'township', t.code, s.* FROM ${source} s JOIN township t ON t.id = s.township_id
    UNION ALL SELECT 'pairing', p.pairing_code, s.*
      FROM ${source} s JOIN township t ON t.id = s.township_id JOIN pairing p ON p.township_code = t.code
    UNION ALL SELECT 'team', c.code, s.* FROM ${source} s JOIN team_chain c ON c.leaf_id = s.team_id
    UNION ALL SELECT 'village', v.code, s.* FROM ${source} s JOIN village v ON v.id = s.village_id`;

/** Every scope's counters: households, how many reached each stage from MEASURED on, and areas. */
export const COMPUTE_COUNTERS_SQL = `
  WITH RECURSIVE ${LOOKUPS},
  ranked AS (
    SELECT township_id, headquarters_id, village_id, team_id, building_area_m2 AS area,
           array_position($3::text[], stage) - 1 AS stage_rank
    FROM household
  ),
  grouped AS (
    SELECT township_id, headquarters_id, village_id, team_id,
           count(*) AS households,
           count(*) FILTER (WHERE stage_rank >= 1) AS measured,
           count(*) FILTER (WHERE stage_rank >= 2) AS assessed,
           count(*) FILTER (WHERE stage_rank >= 3) AS signed,
           count(*) FILTER (WHERE stage_rank >= 4) AS vacated,
           count(*) FILTER (WHERE stage_rank >= 5) AS demolished,
           sum(area) AS building_area_m2,
           coalesce(sum(area) FILTER (WHERE stage_rank >= 3), 0) AS signed_area_m2
    FROM ranked GROUP BY township_id, headquarters_id, village_id, team_id
  ),
  scoped AS (${fanOut('grouped')}),
  universe AS (
    SELECT 'campaign'::text AS scope_kind, 'main'::text AS scope_code
    UNION ALL SELECT 'headquarters', code FROM headquarters
    UNION ALL SELECT 'township', code FROM township
    UNION ALL SELECT DISTINCT 'pairing', pairing_code FROM pairing
    UNION ALL SELECT 'team', code FROM work_team
    UNION ALL SELECT 'village', code FROM village
  )
  SELECT u.scope_kind, u.scope_code,
         coalesce(sum(s.households), 0)::int AS households,
         coalesce(sum(s.measured), 0)::int AS measured,
         coalesce(sum(s.assessed), 0)::int AS assessed,
         coalesce(sum(s.signed), 0)::int AS signed,
         coalesce(sum(s.vacated), 0)::int AS vacated,
         coalesce(sum(s.demolished), 0)::int AS demolished,
         coalesce(sum(s.building_area_m2), 0)::numeric(14,2) AS building_area_m2,
         coalesce(sum(s.signed_area_m2), 0)::numeric(14,2) AS signed_area_m2
  FROM universe u LEFT JOIN scoped s ON s.scope_kind = u.scope_kind AND s.scope_code = u.scope_code
  GROUP BY u.scope_kind, u.scope_code`;

/**
 * Net signings per scope and Shanghai calendar day: a signing counts on the day its event happened, and a
 * correction out of SIGNED takes it back on the day of the correction. Days with no net change are left out.
 */
export const COMPUTE_DAILY_SQL = `
  WITH RECURSIVE ${LOOKUPS},
  grouped AS (
    SELECT h.township_id, h.headquarters_id, h.village_id, h.team_id,
           (e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date AS day,
           sum(CASE WHEN e.kind = 'ADVANCE' THEN 1 ELSE -1 END) AS signed,
           sum(CASE WHEN e.kind = 'ADVANCE' THEN 1 ELSE -1 END * h.building_area_m2) AS signed_area_m2
    FROM household_event e JOIN household h ON h.id = e.household_id
    WHERE (e.kind = 'ADVANCE' AND e.to_stage = 'SIGNED') OR (e.kind = 'REVERT' AND e.from_stage = 'SIGNED')
    GROUP BY 1, 2, 3, 4, 5
  ),
  scoped AS (${fanOut('grouped')})
  SELECT scope_kind, scope_code, day, sum(signed)::int AS signed, sum(signed_area_m2)::numeric(14,2) AS signed_area_m2
  FROM scoped
  GROUP BY scope_kind, scope_code, day
  HAVING sum(signed) <> 0 OR sum(signed_area_m2) <> 0`;
