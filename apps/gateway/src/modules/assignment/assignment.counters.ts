// A household that changes teams takes its counts with it: out of the old team's scopes (and its parents'), into
// the new team's — every stage count, both areas, and its signings on the days they happened (progress_daily),
// exactly as a recount from the records would place them. Other scopes net to zero and are not touched.
import type { Stage } from '@hanjiang/domain';
import type { RequestTransaction } from '../../db/request-transaction.js';
import { applyCounterDeltas, type CounterDelta, reachedAt } from '../roster/roster.counters.js';

/** A household about to change teams, as it is now. */
export interface MovingHousehold {
  id: string;
  townshipId: string;
  headquartersId: string;
  villageId: string;
  teamId: string | null;
  stage: Stage;
  /** Exact decimal text. */
  buildingAreaM2: string;
}

const negate = (decimal: string) => (decimal.startsWith('-') ? decimal.slice(1) : `-${decimal}`);

function legs(h: MovingHousehold, toTeamId: string | null): CounterDelta[] {
  const signed = reachedAt(h.stage, 1)[2] === 1;
  const leg = (teamId: string | null, sign: 1 | -1): CounterDelta => ({
    townshipId: h.townshipId,
    headquartersId: h.headquartersId,
    villageId: h.villageId,
    teamId,
    households: sign,
    reached: reachedAt(h.stage, sign),
    buildingAreaM2: sign === 1 ? h.buildingAreaM2 : negate(h.buildingAreaM2),
    signedAreaM2: signed ? (sign === 1 ? h.buildingAreaM2 : negate(h.buildingAreaM2)) : '0',
  });
  return [leg(h.teamId, -1), leg(toTeamId, 1)];
}

const MOVE_DAILY_SQL = `
  WITH RECURSIVE
  moved AS (SELECT * FROM unnest($1::uuid[], $2::uuid[]) AS m (household_id, old_team)),
  ev AS (
    SELECT m.old_team, (e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date AS day,
           CASE WHEN e.kind = 'ADVANCE' THEN 1 ELSE -1 END AS signed, h.building_area_m2 AS area
    FROM moved m JOIN household_event e ON e.household_id = m.household_id JOIN household h ON h.id = m.household_id
    WHERE (e.kind = 'ADVANCE' AND e.to_stage = 'SIGNED') OR (e.kind = 'REVERT' AND e.from_stage = 'SIGNED')),
  legs AS (
    SELECT old_team AS team_id, day, -signed AS signed, -signed * area AS area FROM ev WHERE old_team IS NOT NULL
    UNION ALL SELECT $3::uuid, day, signed, signed * area FROM ev WHERE $3::uuid IS NOT NULL),
  team_chain AS (
    SELECT id AS leaf_id, code, parent_id FROM work_team WHERE id IN (SELECT team_id FROM legs)
    UNION ALL SELECT c.leaf_id, p.code, p.parent_id FROM team_chain c JOIN work_team p ON p.id = c.parent_id),
  delta AS (
    SELECT c.code AS scope_code, l.day, sum(l.signed)::int AS signed, sum(l.area) AS area
    FROM legs l JOIN team_chain c ON c.leaf_id = l.team_id GROUP BY c.code, l.day
    HAVING sum(l.signed) <> 0 OR sum(l.area) <> 0)
  INSERT INTO progress_daily AS d (scope_kind, scope_code, day, signed, signed_area_m2)
  SELECT 'team', scope_code, day, signed, area FROM delta ORDER BY scope_code, day
  ON CONFLICT (scope_kind, scope_code, day) DO UPDATE
    SET signed = d.signed + EXCLUDED.signed, signed_area_m2 = d.signed_area_m2 + EXCLUDED.signed_area_m2`;

/** Moves the counts of `moving` (locked by the caller) from their current teams to `toTeamId` (null: no team). */
export async function moveTeamCounters(
  tx: RequestTransaction,
  moving: readonly MovingHousehold[],
  toTeamId: string | null,
): Promise<void> {
  if (moving.length === 0) return;
  await applyCounterDeltas(
    tx,
    moving.flatMap((h) => legs(h, toTeamId)),
  );
  await tx.query(MOVE_DAILY_SQL, [moving.map((h) => h.id), moving.map((h) => h.teamId), toTeamId]);
}
