// The test's own recount, written independently of src/progress/scope-sql.ts with plain GROUP BYs, so that
// the stored counters are checked against a second derivation and not only against themselves.
import { DEFAULT_PAIRINGS } from '@hanjiang/domain';
import type pg from 'pg';
import { rows } from './seeded-database.js';

export interface CounterRow {
  scope_kind: string;
  scope_code: string;
  households: number;
  measured: number;
  assessed: number;
  signed: number;
  vacated: number;
  demolished: number;
  building_area_m2: string;
  signed_area_m2: string;
}

const METRICS = `count(*)::int AS households,
  count(*) FILTER (WHERE h.stage <> 'SURVEYED')::int AS measured,
  count(*) FILTER (WHERE h.stage IN ('ASSESSED', 'SIGNED', 'VACATED', 'DEMOLISHED'))::int AS assessed,
  count(*) FILTER (WHERE h.stage IN ('SIGNED', 'VACATED', 'DEMOLISHED'))::int AS signed,
  count(*) FILTER (WHERE h.stage IN ('VACATED', 'DEMOLISHED'))::int AS vacated,
  count(*) FILTER (WHERE h.stage = 'DEMOLISHED')::int AS demolished,
  sum(h.building_area_m2)::numeric(14,2)::text AS building_area_m2,
  coalesce(sum(h.building_area_m2) FILTER (WHERE h.stage IN ('SIGNED', 'VACATED', 'DEMOLISHED')), 0)::numeric(14,2)::text
    AS signed_area_m2`;

export async function groupByRecount(pool: pg.Pool): Promise<CounterRow[]> {
  const pairingOf = new Map(
    DEFAULT_PAIRINGS.flatMap((p) => [
      [p.mountainCode, p.code],
      [p.plainCode, p.code],
    ]),
  );
  const byTownship = await rows<CounterRow>(
    pool,
    `SELECT 'township' AS scope_kind, t.code AS scope_code, ${METRICS}
     FROM household h JOIN township t ON t.id = h.township_id GROUP BY t.code`,
  );
  const pairing = await rows<CounterRow>(
    pool,
    `SELECT 'pairing' AS scope_kind, p.code AS scope_code, ${METRICS}
     FROM household h JOIN township t ON t.id = h.township_id
     JOIN unnest($1::text[], $2::text[]) AS p (township, code) ON p.township = t.code GROUP BY p.code`,
    [[...pairingOf.keys()], [...pairingOf.values()]],
  );
  const others = await rows<CounterRow>(
    pool,
    `SELECT 'campaign' AS scope_kind, 'main' AS scope_code, ${METRICS} FROM household h
     UNION ALL
     SELECT 'headquarters', q.code, ${METRICS} FROM household h JOIN headquarters q ON q.id = h.headquarters_id GROUP BY q.code
     UNION ALL
     SELECT 'village', v.code, ${METRICS} FROM household h JOIN village v ON v.id = h.village_id GROUP BY v.code
     UNION ALL
     SELECT 'team', t.code, ${METRICS} FROM household h JOIN work_team t ON t.id = h.team_id GROUP BY t.code
     UNION ALL
     -- Teams are at most two levels deep here: a parent counts its sub-groups' households.
     SELECT 'team', p.code, ${METRICS} FROM household h JOIN work_team t ON t.id = h.team_id
       JOIN work_team p ON p.id = t.parent_id GROUP BY p.code`,
  );
  return [...others, ...byTownship, ...pairing].sort((a, b) =>
    `${a.scope_kind}:${a.scope_code}` < `${b.scope_kind}:${b.scope_code}` ? -1 : 1,
  );
}
