// Incremental progress counters for bulk changes (a roster import, households moving between teams), stated as
// packages/db/src/seed/progress-sql.ts defines them: each group of households counts in the campaign, its
// headquarters, township, the township's pairing, its team and every parent team, and its village. The database
// applies them (app.apply_counter_deltas).
import { STAGES, type Stage } from '@hanjiang/domain';
import type { RequestTransaction } from '../../db/request-transaction.js';

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
