// Invariants of seeded data as queries that return the rows breaking them (none, when all is well).
// A query that mentions $1 gets the seed's `now` there.
export const SEED_INVARIANTS: Readonly<Record<string, string>> = {
  'household version = 1 + its events, stage = its last event, signed ones carry an agreement': `
    SELECT h.code FROM household h
    LEFT JOIN LATERAL (SELECT count(*)::int AS n FROM household_event e WHERE e.household_id = h.id) c ON true
    LEFT JOIN household_event last ON last.household_id = h.id AND last.version = h.version
    WHERE h.version <> 1 + c.n OR h.stage <> coalesce(last.to_stage, 'SURVEYED')
       OR (h.stage IN ('SIGNED', 'VACATED', 'DEMOLISHED'))
          <> (h.agreed_amount_fen IS NOT NULL AND h.signed_at IS NOT NULL AND h.compensation_choice IS NOT NULL)`,
  'events are numbered 2, 3, … and step one stage forward, in time order, none after now': `
    SELECT household_id, version FROM (
      SELECT household_id, version, from_stage, to_stage, occurred_at,
             lag(occurred_at) OVER w AS before, lag(to_stage) OVER w AS previous_stage,
             row_number() OVER w AS n
      FROM household_event WINDOW w AS (PARTITION BY household_id ORDER BY version)) e
    WHERE e.occurred_at > $1 OR e.occurred_at < e.before OR e.version <> e.n + 1
       OR e.from_stage <> coalesce(e.previous_stage, 'SURVEYED')
       OR array_position(ARRAY['SURVEYED','MEASURED','ASSESSED','SIGNED','VACATED','DEMOLISHED'], e.to_stage)
          <> array_position(ARRAY['SURVEYED','MEASURED','ASSESSED','SIGNED','VACATED','DEMOLISHED'], e.from_stage) + 1`,
  'a household is worked by a leaf team assigned to its village, and carries that team’s home township': `
    SELECT h.code FROM household h JOIN work_team t ON t.id = h.team_id
    WHERE EXISTS (SELECT 1 FROM work_team c WHERE c.parent_id = t.id)
       OR NOT EXISTS (SELECT 1 FROM team_village tv WHERE tv.team_id = t.id AND tv.village_id = h.village_id
                        AND tv.township_id = h.township_id AND tv.headquarters_id = h.headquarters_id
                        AND tv.team_home_township_id IS NOT DISTINCT FROM t.township_id)
       OR h.team_home_township_id IS DISTINCT FROM t.township_id
       OR EXISTS (SELECT 1 FROM household_event e WHERE e.household_id = h.id AND e.team_id <> h.team_id)`,
  'resettlement sites allocate one unit per property-swap signing, never above plan': `
    SELECT s.name_zh FROM resettlement_site s
    WHERE s.allocated_units > s.planned_units
       OR s.allocated_units <> (SELECT count(*) FROM household h
                                WHERE h.resettlement_site_id = s.id AND h.compensation_choice = 'PROPERTY_SWAP')`,
};
