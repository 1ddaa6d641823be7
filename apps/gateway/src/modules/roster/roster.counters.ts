// Incremental progress counters for bulk changes (a roster import, households moving between teams), stated as
// packages/db/src/seed/progress-sql.ts defines them: each group of households counts in the campaign, its
// headquarters, township, the township's pairing, its team and every parent team, and its village.
import { DEFAULT_PAIRINGS, STAGES, type Stage } from '@hanjiang/domain';
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

const NUMBERS = ['households', 'measured', 'assessed', 'signed', 'vacated', 'demolished'] as const;
const AREAS = ['building_area_m2', 'signed_area_m2'] as const;
const ALL = [...NUMBERS, ...AREAS];

const APPLY_SQL = `
  WITH RECURSIVE
  src AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::int[], $7::int[],
            $8::int[], $9::int[], $10::int[], $11::numeric[], $12::numeric[])
          AS s (township_id, headquarters_id, village_id, team_id, ${ALL.join(', ')})),
  team_chain AS (
    SELECT id AS leaf_id, code, parent_id FROM work_team WHERE id IN (SELECT team_id FROM src)
    UNION ALL SELECT c.leaf_id, p.code, p.parent_id FROM team_chain c JOIN work_team p ON p.id = c.parent_id),
  pairing AS (SELECT * FROM unnest($13::text[], $14::text[]) AS p (township_code, pairing_code)),
  scoped AS (
    SELECT 'campaign'::text AS scope_kind, 'main'::text AS scope_code, s.* FROM src s
    UNION ALL SELECT 'headquarters', q.code, s.* FROM src s JOIN headquarters q ON q.id = s.headquarters_id
    UNION ALL SELECT 'township', t.code, s.* FROM src s JOIN township t ON t.id = s.township_id
    UNION ALL SELECT 'pairing', p.pairing_code, s.*
      FROM src s JOIN township t ON t.id = s.township_id JOIN pairing p ON p.township_code = t.code
    UNION ALL SELECT 'team', c.code, s.* FROM src s JOIN team_chain c ON c.leaf_id = s.team_id
    UNION ALL SELECT 'village', v.code, s.* FROM src s JOIN village v ON v.id = s.village_id),
  delta AS (
    SELECT scope_kind, scope_code, ${NUMBERS.map((c) => `sum(${c})::int AS ${c}`).join(', ')},
           ${AREAS.map((c) => `sum(${c}) AS ${c}`).join(', ')}
    FROM scoped GROUP BY scope_kind, scope_code
    HAVING (${ALL.map((c) => `sum(${c})`).join(', ')}) IS DISTINCT FROM (${ALL.map(() => '0').join(', ')})),
  -- Counter rows are locked in one fixed order (as the stage-transition path does), so writers never deadlock.
  locked AS (SELECT c.scope_kind FROM progress_counter c JOIN delta d USING (scope_kind, scope_code)
             ORDER BY c.scope_kind, c.scope_code FOR UPDATE OF c)
  INSERT INTO progress_counter AS c (scope_kind, scope_code, ${ALL.join(', ')}, updated_at)
  SELECT d.*, now() FROM delta d WHERE (SELECT count(*) FROM locked) >= 0 ORDER BY d.scope_kind, d.scope_code
  ON CONFLICT (scope_kind, scope_code) DO UPDATE
    SET ${ALL.map((c) => `${c} = c.${c} + EXCLUDED.${c}`).join(', ')}, updated_at = EXCLUDED.updated_at
  RETURNING c.scope_kind`;

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
  const rows = await tx.query(APPLY_SQL, [
    column((d) => d.townshipId),
    column((d) => d.headquartersId),
    column((d) => d.villageId),
    column((d) => d.teamId),
    column((d) => d.households),
    ...[0, 1, 2, 3, 4].map((k) => column((d) => d.reached[k])),
    column((d) => d.buildingAreaM2),
    column((d) => d.signedAreaM2),
    DEFAULT_PAIRINGS.flatMap((p) => [p.mountainCode, p.plainCode]),
    DEFAULT_PAIRINGS.flatMap((p) => [p.code, p.code]),
  ]);
  return rows.length;
}
