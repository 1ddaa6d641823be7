/**
 * Progress counters, daily signings and milestones are written only through these SECURITY DEFINER functions;
 * the request role has no INSERT or UPDATE on the tables any more. Before, their policies checked only that the
 * caller was a writer, so any cadre's context could rewrite any headquarters' counter.
 *
 * - app.count_transition(event): the counts follow from one stage-transition event that this transaction wrote
 *   (its row's xmin is this transaction), counted once (app_private.counted_event), in exactly the scopes its
 *   household counts in. Nothing the caller says is taken on trust.
 * - app.record_milestones(event, candidates): only milestones that hold on the counters now, in the event's scopes.
 * - app.apply_counter_deltas / app.move_daily_signings: bulk changes (roster import, team moves), for commanders
 *   and the district admin, on households of their own tenant only.
 *
 * Stage order and "at or past" are the domain's (packages/domain STAGES); migration-tests compare the two.
 * search_path is pinned: these run as the owner.
 */
const DEFINER = `SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp`;
const DENY = `USING ERRCODE = 'insufficient_privilege'`;

/** The caller's own tenant holds the (township, headquarters) row: district, its headquarters, its township. */
const IN_CALLER_SCOPE = (township: string, headquarters: string) => `(app.tenant_kind() = 'district'
  OR (app.tenant_kind() = 'headquarters' AND ${headquarters} = app.tenant_uuid())
  OR (app.tenant_kind() = 'township' AND ${township} = app.tenant_uuid()))`;

export function checkedCounterSql(requestRole: string): string[] {
  return [
    `CREATE TABLE app_private.counted_event (event_id uuid PRIMARY KEY)`,

    // Every scope a household counts in, with the tenant columns a milestone of that scope carries.
    `CREATE FUNCTION app.household_scopes(p_household_id uuid, p_team_id uuid)
       RETURNS TABLE (scope_kind text, scope_code text, township_id uuid, headquarters_id uuid)
       LANGUAGE sql STABLE ${DEFINER} AS $$
       WITH RECURSIVE hh AS (
           SELECT h.township_id, h.headquarters_id, h.village_id, h.team_home_township_id
           FROM household h WHERE h.id = p_household_id),
         chain AS (SELECT t.id, t.code, t.parent_id FROM work_team t WHERE t.id = p_team_id
                   UNION ALL SELECT p.id, p.code, p.parent_id FROM chain c JOIN work_team p ON p.id = c.parent_id)
       SELECT 'campaign', 'main', NULL::uuid, NULL::uuid FROM hh
       UNION ALL SELECT 'headquarters', q.code, NULL, hh.headquarters_id
         FROM hh JOIN headquarters q ON q.id = hh.headquarters_id
       UNION ALL SELECT 'township', t.code, hh.township_id, hh.headquarters_id
         FROM hh JOIN township t ON t.id = hh.township_id
       UNION ALL SELECT 'village', v.code, hh.township_id, hh.headquarters_id
         FROM hh JOIN village v ON v.id = hh.village_id
       UNION ALL SELECT 'pairing', CASE t.terrain WHEN 'mountain' THEN t.code || '-' || t.pair_code
                                   ELSE t.pair_code || '-' || t.code END, NULL, NULL
         FROM hh JOIN township t ON t.id = hh.township_id WHERE t.pair_code IS NOT NULL
       UNION ALL SELECT 'team', c.code, hh.team_home_township_id, hh.headquarters_id FROM hh, chain c
     $$`,
    `REVOKE ALL ON FUNCTION app.household_scopes(uuid, uuid) FROM PUBLIC`,

    `CREATE FUNCTION app.count_transition(p_event_id uuid)
       RETURNS TABLE (r_kind text, r_code text, r_households int, r_measured int, r_signed int,
                      r_signed_area float8, d_measured int, d_signed int, d_signed_area float8)
       LANGUAGE plpgsql VOLATILE ${DEFINER} AS $$
       DECLARE
         e household_event%ROWTYPE;
         stages constant text[] := ARRAY['SURVEYED','MEASURED','ASSESSED','SIGNED','VACATED','DEMOLISHED'];
         f int; t int; d int[] := ARRAY[0, 0, 0, 0, 0];
         area numeric; signed_area numeric; building numeric := 0; v_day date;
       BEGIN
         SELECT * INTO e FROM household_event ev WHERE ev.id = p_event_id AND ev.xmin = pg_current_xact_id()::xid;
         IF NOT FOUND THEN
           RAISE EXCEPTION 'count_transition: event % was not written by this transaction', p_event_id ${DENY};
         END IF;
         INSERT INTO app_private.counted_event (event_id) VALUES (p_event_id) ON CONFLICT DO NOTHING;
         IF NOT FOUND THEN RAISE EXCEPTION 'count_transition: event % is already counted', p_event_id ${DENY}; END IF;
         f := coalesce(array_position(stages, e.from_stage), 1) - 1;
         t := array_position(stages, e.to_stage) - 1;
         FOR k IN 1..5 LOOP d[k] := (t >= k)::int - (f >= k)::int; END LOOP;
         SELECT h.building_area_m2 INTO area FROM household h WHERE h.id = e.household_id;
         signed_area := d[3] * area;
         -- Measuring replaces the building area the household counts with (and will sign with).
         IF e.kind = 'ADVANCE' AND e.to_stage = 'MEASURED' AND e.payload ? 'buildingAreaBeforeM2' THEN
           building := area - (e.payload ->> 'buildingAreaBeforeM2')::numeric;
         END IF;
         v_day := (e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date;
         RETURN QUERY
         WITH s AS (SELECT * FROM app.household_scopes(e.household_id, e.team_id)),
           locked AS (SELECT c.scope_kind, c.scope_code FROM progress_counter c
                      JOIN s ON s.scope_kind = c.scope_kind AND s.scope_code = c.scope_code
                      ORDER BY c.scope_kind, c.scope_code FOR UPDATE OF c),
           updated AS (
             UPDATE progress_counter c SET measured = c.measured + d[1], assessed = c.assessed + d[2],
               signed = c.signed + d[3], vacated = c.vacated + d[4], demolished = c.demolished + d[5],
               signed_area_m2 = c.signed_area_m2 + signed_area, building_area_m2 = c.building_area_m2 + building,
               updated_at = now()
             FROM locked l WHERE c.scope_kind = l.scope_kind AND c.scope_code = l.scope_code
             RETURNING c.scope_kind, c.scope_code, c.households, c.measured, c.signed, c.signed_area_m2),
           daily AS (
             INSERT INTO progress_daily AS pd (scope_kind, scope_code, day, signed, signed_area_m2)
             SELECT u.scope_kind, u.scope_code, v_day, d[3], signed_area FROM updated u WHERE d[3] <> 0
             ORDER BY u.scope_kind, u.scope_code
             ON CONFLICT (scope_kind, scope_code, day) DO UPDATE
               SET signed = pd.signed + EXCLUDED.signed, signed_area_m2 = pd.signed_area_m2 + EXCLUDED.signed_area_m2)
         SELECT u.scope_kind, u.scope_code, u.households, u.measured, u.signed, u.signed_area_m2::float8,
                d[1], d[3], signed_area::float8
         FROM updated u;
       END $$`,

    `CREATE FUNCTION app.record_milestones(p_event_id uuid, p_scope_kinds text[], p_scope_codes text[],
         p_kinds text[], p_thresholds numeric[])
       RETURNS TABLE (r_id uuid, r_seq bigint) LANGUAGE plpgsql VOLATILE ${DEFINER} AS $$
       DECLARE e household_event%ROWTYPE;
       BEGIN
         SELECT * INTO e FROM household_event ev WHERE ev.id = p_event_id AND ev.xmin = pg_current_xact_id()::xid;
         IF NOT FOUND THEN
           RAISE EXCEPTION 'record_milestones: event % was not written by this transaction', p_event_id ${DENY};
         END IF;
         RETURN QUERY
         INSERT INTO milestone AS m (scope_kind, scope_code, kind, threshold, township_id, headquarters_id,
                                     household_id, event_id)
         SELECT x.k, x.c, x.m, x.t, s.township_id, s.headquarters_id, e.household_id, e.id
         FROM unnest(p_scope_kinds, p_scope_codes, p_kinds, p_thresholds) AS x (k, c, m, t)
         JOIN app.household_scopes(e.household_id, e.team_id) s ON s.scope_kind = x.k AND s.scope_code = x.c
         JOIN progress_counter pc ON pc.scope_kind = x.k AND pc.scope_code = x.c
         WHERE CASE x.m
           WHEN 'MEASURED_PCT' THEN x.t IN (50, 80, 90, 100) AND pc.households > 0
             AND pc.measured * 100 >= x.t * pc.households
           WHEN 'SIGNED_PCT' THEN x.t IN (50, 80, 90, 100) AND pc.households > 0
             AND pc.signed * 100 >= x.t * pc.households
           WHEN 'CAMPAIGN_AREA' THEN x.k = 'campaign' AND x.t > 0 AND mod(x.t, 500000) = 0
             AND pc.signed_area_m2 >= x.t
           WHEN 'FIRST_TEAM_FULL_MEASUREMENT' THEN x.k = 'team' AND x.t = 100 AND pc.households > 0
             AND pc.measured = pc.households
           ELSE false END
         ON CONFLICT DO NOTHING
         RETURNING m.id, m.seq;
       END $$`,

    `CREATE FUNCTION app.apply_counter_deltas(p_township uuid[], p_headquarters uuid[], p_village uuid[],
         p_team uuid[], p_households int[], p_measured int[], p_assessed int[], p_signed int[], p_vacated int[],
         p_demolished int[], p_building numeric[], p_signed_area numeric[])
       RETURNS int LANGUAGE plpgsql VOLATILE ${DEFINER} AS $$
       DECLARE changed int;
       BEGIN
         IF app.role() IS DISTINCT FROM 'commander' AND app.role() IS DISTINCT FROM 'admin' THEN
           RAISE EXCEPTION 'apply_counter_deltas: commanders and the district admin only' ${DENY};
         END IF;
         IF EXISTS (
           SELECT 1 FROM unnest(p_township, p_headquarters, p_village, p_team) AS s (tw, hq, vi, te)
           WHERE NOT ${IN_CALLER_SCOPE('s.tw', 's.hq')}
              OR NOT EXISTS (SELECT 1 FROM village v WHERE v.id = s.vi AND v.township_id = s.tw
                               AND v.headquarters_id = s.hq)
              OR (s.te IS NOT NULL AND NOT EXISTS (SELECT 1 FROM work_team t WHERE t.id = s.te
                                                     AND t.headquarters_id = s.hq))) THEN
           RAISE EXCEPTION 'apply_counter_deltas: a household group outside the caller''s tenant' ${DENY};
         END IF;
         WITH RECURSIVE
         src AS (SELECT * FROM unnest(p_township, p_headquarters, p_village, p_team, p_households, p_measured,
                   p_assessed, p_signed, p_vacated, p_demolished, p_building, p_signed_area)
                 AS s (township_id, headquarters_id, village_id, team_id, households, measured, assessed, signed,
                       vacated, demolished, building_area_m2, signed_area_m2)),
         team_chain AS (
           SELECT id AS leaf_id, code, parent_id FROM work_team WHERE id IN (SELECT team_id FROM src)
           UNION ALL SELECT c.leaf_id, p.code, p.parent_id FROM team_chain c JOIN work_team p ON p.id = c.parent_id),
         scoped AS (
           SELECT 'campaign'::text AS scope_kind, 'main'::text AS scope_code, s.* FROM src s
           UNION ALL SELECT 'headquarters', q.code, s.* FROM src s JOIN headquarters q ON q.id = s.headquarters_id
           UNION ALL SELECT 'township', t.code, s.* FROM src s JOIN township t ON t.id = s.township_id
           UNION ALL SELECT 'pairing', CASE t.terrain WHEN 'mountain' THEN t.code || '-' || t.pair_code
                                       ELSE t.pair_code || '-' || t.code END, s.*
             FROM src s JOIN township t ON t.id = s.township_id WHERE t.pair_code IS NOT NULL
           UNION ALL SELECT 'team', c.code, s.* FROM src s JOIN team_chain c ON c.leaf_id = s.team_id
           UNION ALL SELECT 'village', v.code, s.* FROM src s JOIN village v ON v.id = s.village_id),
         delta AS (
           SELECT scope_kind, scope_code, sum(households)::int AS households, sum(measured)::int AS measured,
                  sum(assessed)::int AS assessed, sum(signed)::int AS signed, sum(vacated)::int AS vacated,
                  sum(demolished)::int AS demolished, sum(building_area_m2) AS building_area_m2,
                  sum(signed_area_m2) AS signed_area_m2
           FROM scoped GROUP BY scope_kind, scope_code
           HAVING (sum(households), sum(measured), sum(assessed), sum(signed), sum(vacated), sum(demolished),
                   sum(building_area_m2), sum(signed_area_m2)) IS DISTINCT FROM (0, 0, 0, 0, 0, 0, 0, 0)),
         -- One fixed lock order, as the transition path, so writers never deadlock.
         locked AS (SELECT c.scope_kind FROM progress_counter c JOIN delta d USING (scope_kind, scope_code)
                    ORDER BY c.scope_kind, c.scope_code FOR UPDATE OF c),
         written AS (
           INSERT INTO progress_counter AS c (scope_kind, scope_code, households, measured, assessed, signed,
             vacated, demolished, building_area_m2, signed_area_m2, updated_at)
           SELECT d.*, now() FROM delta d WHERE (SELECT count(*) FROM locked) >= 0
           ORDER BY d.scope_kind, d.scope_code
           ON CONFLICT (scope_kind, scope_code) DO UPDATE
             SET households = c.households + EXCLUDED.households, measured = c.measured + EXCLUDED.measured,
                 assessed = c.assessed + EXCLUDED.assessed, signed = c.signed + EXCLUDED.signed,
                 vacated = c.vacated + EXCLUDED.vacated, demolished = c.demolished + EXCLUDED.demolished,
                 building_area_m2 = c.building_area_m2 + EXCLUDED.building_area_m2,
                 signed_area_m2 = c.signed_area_m2 + EXCLUDED.signed_area_m2, updated_at = EXCLUDED.updated_at
           RETURNING 1)
         SELECT count(*) INTO changed FROM written;
         RETURN changed;
       END $$`,

    // A household changing teams takes its signings, on the days they happened, from the old team's chain to the
    // new team's (the counts themselves move through apply_counter_deltas).
    `CREATE FUNCTION app.move_daily_signings(p_households uuid[], p_old_teams uuid[], p_new_team uuid)
       RETURNS void LANGUAGE plpgsql VOLATILE ${DEFINER} AS $$
       BEGIN
         IF app.role() IS DISTINCT FROM 'commander' AND app.role() IS DISTINCT FROM 'admin' THEN
           RAISE EXCEPTION 'move_daily_signings: commanders and the district admin only' ${DENY};
         END IF;
         IF EXISTS (SELECT 1 FROM unnest(p_households) AS m (id) LEFT JOIN household h ON h.id = m.id
                    WHERE h.id IS NULL OR NOT ${IN_CALLER_SCOPE('h.township_id', 'h.headquarters_id')}) THEN
           RAISE EXCEPTION 'move_daily_signings: a household outside the caller''s tenant' ${DENY};
         END IF;
         WITH RECURSIVE
         moved AS (SELECT * FROM unnest(p_households, p_old_teams) AS m (household_id, old_team)),
         ev AS (
           SELECT m.old_team, (e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date AS day,
                  CASE WHEN e.kind = 'ADVANCE' THEN 1 ELSE -1 END AS signed, h.building_area_m2 AS area
           FROM moved m JOIN household_event e ON e.household_id = m.household_id
           JOIN household h ON h.id = m.household_id
           WHERE (e.kind = 'ADVANCE' AND e.to_stage = 'SIGNED') OR (e.kind = 'REVERT' AND e.from_stage = 'SIGNED')),
         legs AS (
           SELECT old_team AS team_id, day, -signed AS signed, -signed * area AS area FROM ev WHERE old_team IS NOT NULL
           UNION ALL SELECT p_new_team, day, signed, signed * area FROM ev WHERE p_new_team IS NOT NULL),
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
           SET signed = d.signed + EXCLUDED.signed, signed_area_m2 = d.signed_area_m2 + EXCLUDED.signed_area_m2;
       END $$`,

    `DROP POLICY progress_counter_write ON progress_counter`,
    `DROP POLICY progress_counter_update ON progress_counter`,
    `DROP POLICY progress_daily_write ON progress_daily`,
    `DROP POLICY progress_daily_update ON progress_daily`,
    `DROP POLICY milestone_write ON milestone`,
    `REVOKE INSERT, UPDATE, DELETE ON progress_counter, progress_daily, milestone FROM ${requestRole}`,
    ...[
      'count_transition(uuid)',
      'record_milestones(uuid, text[], text[], text[], numeric[])',
      'apply_counter_deltas(uuid[], uuid[], uuid[], uuid[], int[], int[], int[], int[], int[], int[], numeric[], numeric[])',
      'move_daily_signings(uuid[], uuid[], uuid)',
    ].flatMap((fn) => [
      `REVOKE ALL ON FUNCTION app.${fn} FROM PUBLIC`,
      `GRANT EXECUTE ON FUNCTION app.${fn} TO ${requestRole}`,
    ]),
  ];
}
