import { pairingOf, type Stage, stageIndex } from '@hanjiang/domain';
import type { RequestTransaction } from '../../db/request-transaction.js';

/** Stage thresholds the counters count ("at or past"), by stage index: MEASURED=1 … DEMOLISHED=5. */
const COUNTED = ['measured', 'assessed', 'signed', 'vacated', 'demolished'] as const;
const SIGNED_INDEX = 3;

export interface CounterRow {
  scopeKind: string;
  scopeCode: string;
  households: number;
  measured: number;
  signed: number;
  signedAreaM2: number;
}

export interface CounterChange {
  deltas: Record<(typeof COUNTED)[number], number>;
  signedDelta: number;
  signedAreaDelta: number;
}

export function counterChange(from: Stage, to: Stage, buildingAreaM2: number): CounterChange {
  const step = (k: number) => Number(stageIndex(to) >= k) - Number(stageIndex(from) >= k);
  const deltas = Object.fromEntries(COUNTED.map((name, i) => [name, step(i + 1)])) as CounterChange['deltas'];
  const signedDelta = step(SIGNED_INDEX);
  return { deltas, signedDelta, signedAreaDelta: signedDelta * buildingAreaM2 };
}

export interface HouseholdScopes {
  headquartersCode: string;
  townshipCode: string;
  villageCode: string;
  teamId: string | null;
}

/**
 * Applies a transition to every scope the household counts in — campaign, headquarters, township, pairing,
 * village, its team and the team's parents — in one statement that locks the counter rows in a fixed order
 * (so concurrent signings never deadlock), and returns the counters after the change.
 */
export async function applyCounters(
  tx: RequestTransaction,
  scopes: HouseholdScopes,
  change: CounterChange,
  shanghaiDay: string,
): Promise<CounterRow[]> {
  const fixed: [string, string][] = [
    ['campaign', 'main'],
    ['headquarters', scopes.headquartersCode],
    ['township', scopes.townshipCode],
    ['village', scopes.villageCode],
  ];
  const pairing = pairingOf(scopes.townshipCode);
  if (pairing) fixed.push(['pairing', pairing.code]);
  const { deltas } = change;
  // Today's per-scope signings ride in the same statement (a data-modifying CTE fed by the UPDATE's RETURNING,
  // inserted in scope order like the counters are locked): one round trip fewer while the campaign row is locked.
  return tx.query<CounterRow>(
    `WITH RECURSIVE chain AS (
        SELECT id, code, parent_id FROM work_team WHERE id = $3::uuid
        UNION ALL SELECT p.id, p.code, p.parent_id FROM chain c JOIN work_team p ON p.id = c.parent_id),
      scopes AS (SELECT * FROM unnest($1::text[], $2::text[]) AS s (kind, code)
                 UNION ALL SELECT 'team', code FROM chain),
      locked AS (SELECT c.scope_kind, c.scope_code FROM progress_counter c
                 JOIN scopes s ON s.kind = c.scope_kind AND s.code = c.scope_code
                 ORDER BY c.scope_kind, c.scope_code FOR UPDATE OF c),
      updated AS (
        UPDATE progress_counter c SET measured = measured + $4, assessed = assessed + $5, signed = signed + $6,
          vacated = vacated + $7, demolished = demolished + $8, signed_area_m2 = signed_area_m2 + $9,
          updated_at = now()
        FROM locked l WHERE c.scope_kind = l.scope_kind AND c.scope_code = l.scope_code
        RETURNING c.scope_kind, c.scope_code, c.households, c.measured, c.signed, c.signed_area_m2),
      daily AS (
        INSERT INTO progress_daily (scope_kind, scope_code, day, signed, signed_area_m2)
        SELECT u.scope_kind, u.scope_code, $10::date, $6, $9 FROM updated u WHERE $6::int <> 0
        ORDER BY u.scope_kind, u.scope_code
        ON CONFLICT (scope_kind, scope_code, day) DO UPDATE
          SET signed = progress_daily.signed + EXCLUDED.signed,
              signed_area_m2 = progress_daily.signed_area_m2 + EXCLUDED.signed_area_m2)
     SELECT scope_kind AS "scopeKind", scope_code AS "scopeCode", households, measured, signed,
        signed_area_m2::float8 AS "signedAreaM2" FROM updated`,
    [
      fixed.map(([kind]) => kind),
      fixed.map(([, code]) => code),
      scopes.teamId,
      deltas.measured,
      deltas.assessed,
      deltas.signed,
      deltas.vacated,
      deltas.demolished,
      change.signedAreaDelta,
      shanghaiDay,
    ],
  );
}
