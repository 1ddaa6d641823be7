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
  // The signings, on the days they happened, move with them (app.move_daily_signings: commanders and the district
  // admin, households of their own tenant only).
  await tx.query('SELECT app.move_daily_signings($1::uuid[], $2::uuid[], $3::uuid)', [
    moving.map((h) => h.id),
    moving.map((h) => h.teamId),
    toTeamId,
  ]);
}
