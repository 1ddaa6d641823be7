// Recomputes progress_counter and progress_daily from household and household_event rows alone. The seed
// writes its counters this way; the live write path updates them incrementally (app.count_transition,
// app.apply_counter_deltas) and tests call this to check it: the returned counts are the rows that had to change
// (0 and 0 when everything agreed).
import type pg from 'pg';
import { COMPUTE_COUNTERS_SQL, COMPUTE_DAILY_SQL, counterParams, dailyParams } from './scope-sql.js';

export interface ProgressCounterRow {
  scope_kind: string;
  scope_code: string;
  households: number;
  measured: number;
  assessed: number;
  signed: number;
  vacated: number;
  demolished: number;
  /** NUMERIC, as PostgreSQL's exact text ("1850000.00"). */
  building_area_m2: string;
  signed_area_m2: string;
}

export interface ProgressDailyRow {
  scope_kind: string;
  scope_code: string;
  /** Shanghai calendar date, 'YYYY-MM-DD'. */
  day: string;
  signed: number;
  signed_area_m2: string;
}

export interface RecountResult {
  /** Counter rows inserted or corrected, and rows of scopes that no longer exist removed. */
  countersChanged: number;
  dailyChanged: number;
}

type Queryable = pg.Pool | pg.PoolClient;

/** What the counters should say, computed and not written (ordered by scope). */
export async function computeProgressCounters(client: Queryable): Promise<ProgressCounterRow[]> {
  const result = await client.query<ProgressCounterRow>(
    `${COMPUTE_COUNTERS_SQL} ORDER BY 1, 2`,
    counterParams(),
  );
  return result.rows;
}

/** What the daily signings should say, computed and not written (ordered by scope and day). */
export async function computeProgressDaily(client: Queryable): Promise<ProgressDailyRow[]> {
  const result = await client.query<ProgressDailyRow>(
    `SELECT scope_kind, scope_code, to_char(day, 'YYYY-MM-DD') AS day, signed, signed_area_m2
     FROM (${COMPUTE_DAILY_SQL}) d ORDER BY 1, 2, 3`,
    dailyParams(),
  );
  return result.rows;
}

const COUNTER_COLUMNS = [
  'households',
  'measured',
  'assessed',
  'signed',
  'vacated',
  'demolished',
  'building_area_m2',
  'signed_area_m2',
] as const;

/**
 * One statement per table (so each is atomic even outside a transaction): upsert what the records say,
 * touching only rows that differ, and delete rows the records no longer support.
 */
export async function recountProgress(client: Queryable): Promise<RecountResult> {
  const set = COUNTER_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ');
  const differs = `(${COUNTER_COLUMNS.map((c) => `progress_counter.${c}`).join(', ')})
    IS DISTINCT FROM (${COUNTER_COLUMNS.map((c) => `EXCLUDED.${c}`).join(', ')})`;
  const counters = await client.query<{ changed: number }>(
    `WITH computed AS (${COMPUTE_COUNTERS_SQL}),
     upserted AS (
       INSERT INTO progress_counter (scope_kind, scope_code, ${COUNTER_COLUMNS.join(', ')}, updated_at)
       SELECT c.*, now() FROM computed c
       ON CONFLICT (scope_kind, scope_code) DO UPDATE SET ${set}, updated_at = EXCLUDED.updated_at
         WHERE ${differs}
       RETURNING 1),
     deleted AS (
       DELETE FROM progress_counter p
       WHERE NOT EXISTS (SELECT 1 FROM computed c WHERE c.scope_kind = p.scope_kind AND c.scope_code = p.scope_code)
       RETURNING 1)
     SELECT ((SELECT count(*) FROM upserted) + (SELECT count(*) FROM deleted))::int AS changed`,
    counterParams(),
  );
  const daily = await client.query<{ changed: number }>(
    `WITH computed AS (${COMPUTE_DAILY_SQL}),
     upserted AS (
       INSERT INTO progress_daily (scope_kind, scope_code, day, signed, signed_area_m2)
       SELECT * FROM computed
       ON CONFLICT (scope_kind, scope_code, day) DO UPDATE
         SET signed = EXCLUDED.signed, signed_area_m2 = EXCLUDED.signed_area_m2
         WHERE (progress_daily.signed, progress_daily.signed_area_m2)
           IS DISTINCT FROM (EXCLUDED.signed, EXCLUDED.signed_area_m2)
       RETURNING 1),
     deleted AS (
       DELETE FROM progress_daily p
       WHERE NOT EXISTS (SELECT 1 FROM computed c
                         WHERE c.scope_kind = p.scope_kind AND c.scope_code = p.scope_code AND c.day = p.day)
       RETURNING 1)
     SELECT ((SELECT count(*) FROM upserted) + (SELECT count(*) FROM deleted))::int AS changed`,
    dailyParams(),
  );
  return { countersChanged: counters.rows[0]?.changed ?? 0, dailyChanged: daily.rows[0]?.changed ?? 0 };
}
