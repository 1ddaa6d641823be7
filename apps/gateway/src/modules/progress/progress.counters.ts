// The gateway's one writer of progress counters. Every change goes through a function of the database, which
// fans it out to the scopes it counts in — the campaign, its headquarters, township, the township's pairing, its
// team and every parent team, and its village (as packages/db/src/progress/scope-sql.ts recounts them) — so the
// request role cannot write a counter any other way:
// - one transition: app.count_transition (workflow);
// - households added in bulk: app.apply_counter_deltas (roster import);
// - households changing teams: app.apply_counter_deltas and app.move_daily_signings (assignment).
import { STAGES, type Stage } from '@hanjiang/domain';
import type { RequestTransaction } from '../../db/request-transaction.js';

/** A progress counter after a change: what milestone arithmetic reads. */
export interface CounterRow {
  scopeKind: string;
  scopeCode: string;
  households: number;
  measured: number;
  signed: number;
  signedAreaM2: number;
}

/** How much the transition changed the counts it is measured on (the same for every scope it counts in). */
export interface CounterChange {
  measured: number;
  signed: number;
  signedAreaM2: number;
}

/**
 * Counts a transition event this transaction wrote, in every scope its household counts in, and returns the
 * counters after it. The database derives everything from the event (app.count_transition: stage order, the
 * signed area, today's signings, one fixed lock order).
 */
export async function countTransition(
  tx: RequestTransaction,
  eventId: string,
): Promise<{ rows: CounterRow[]; change: CounterChange }> {
  const rows = await tx.query<CounterRow & { dMeasured: number; dSigned: number; dSignedAreaM2: number }>(
    `SELECT r_kind AS "scopeKind", r_code AS "scopeCode", r_households AS households, r_measured AS measured,
       r_signed AS signed, r_signed_area AS "signedAreaM2", d_measured AS "dMeasured", d_signed AS "dSigned",
       d_signed_area AS "dSignedAreaM2"
     FROM app.count_transition($1)`,
    [eventId],
  );
  const first = rows[0];
  return {
    rows,
    change: {
      measured: first?.dMeasured ?? 0,
      signed: first?.dSigned ?? 0,
      signedAreaM2: first?.dSignedAreaM2 ?? 0,
    },
  };
}

/** A signed change of households in one (township, headquarters, village, team) group. */
export interface CounterDelta {
  townshipId: string;
  headquartersId: string;
  villageId: string;
  teamId: string | null;
  households: number;
  /** Households at or past MEASURED, ASSESSED, SIGNED, VACATED, DEMOLISHED. */
  reached: [number, number, number, number, number];
  /** Exact decimal text, m². */
  buildingAreaM2: string;
  signedAreaM2: string;
}

/** The five "at or past" flags of one household at `stage`, as 0/1 (times `sign`). */
export function reachedAt(stage: Stage, sign: 1 | -1): CounterDelta['reached'] {
  const rank = STAGES.indexOf(stage);
  return [1, 2, 3, 4, 5].map((k) => (rank >= k ? sign : 0)) as CounterDelta['reached'];
}

/** Hundredths → exact decimal text ("-1234.05"). */
export function centiToDecimal(centi: bigint): string {
  const sign = centi < 0n ? '-' : '';
  const abs = centi < 0n ? -centi : centi;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/**
 * Adds the deltas to every scope they count in, in one statement; scopes whose net change is zero (e.g. the
 * campaign when households only change teams) are not touched. Returns how many counter rows changed.
 */
export async function applyCounterDeltas(
  tx: RequestTransaction,
  deltas: readonly CounterDelta[],
): Promise<number> {
  if (deltas.length === 0) return 0;
  const column = <T>(pick: (d: CounterDelta) => T) => deltas.map(pick);
  // app.apply_counter_deltas (the migration database-rights): commanders and the district admin, on groups of
  // their own tenant only; the request role has no other way to write a counter.
  const rows = await tx.query<{ changed: number }>(
    `SELECT app.apply_counter_deltas($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::int[],
       $7::int[], $8::int[], $9::int[], $10::int[], $11::numeric[], $12::numeric[]) AS changed`,
    [
      column((d) => d.townshipId),
      column((d) => d.headquartersId),
      column((d) => d.villageId),
      column((d) => d.teamId),
      column((d) => d.households),
      ...[0, 1, 2, 3, 4].map((k) => column((d) => d.reached[k])),
      column((d) => d.buildingAreaM2),
      column((d) => d.signedAreaM2),
    ],
  );
  return rows[0]?.changed ?? 0;
}

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

/** Out of the old team's scopes, into the new team's: every stage count and both areas. */
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

/**
 * Moves the counts of `moving` (locked by the caller) from their current teams to `toTeamId` (null: no team),
 * and their signings on the days they happened (progress_daily), exactly as a recount from the records would
 * place them. Other scopes net to zero and are not touched.
 */
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
