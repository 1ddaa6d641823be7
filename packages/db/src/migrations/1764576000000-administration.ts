import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REQUEST_ROLE as R } from '../roles.js';

const KIND = `(SELECT app.tenant_kind())`;
const TENANT = `(SELECT app.tenant_uuid())`;
const ROLE = `(SELECT app.role())`;
const DISTRICT_ADMIN = `(${KIND} = 'district' AND ${ROLE} = 'admin')`;
/** Commander of the headquarters named by the row's headquarters_id column. */
const HQ_COMMANDER = `(${KIND} = 'headquarters' AND ${ROLE} = 'commander' AND headquarters_id = ${TENANT})`;

/**
 * What the administrative mutations need (roster import, team assignment, 四察四看 inspections, resettlement
 * sites): grants to the request role and write policies, each with WITH CHECK, that state who may write and keep
 * the denormalised tenant columns honest. Household INSERT/UPDATE policies already exist (tenancy migration).
 */
export class Administration1764576000000 implements MigrationInterface {
  name = 'Administration1764576000000';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      // Team ↔ village: a commander of the team's headquarters or the district admin. The row's tenant columns
      // must be its village's (a composite foreign key: a policy reading village would recurse, as village's own
      // read policy reads team_village) and its helper column the team's home township, team and village in one
      // headquarters.
      `ALTER TABLE village ADD CONSTRAINT village_tenancy UNIQUE (id, township_id, headquarters_id)`,
      `ALTER TABLE team_village ADD CONSTRAINT team_village_village_tenancy
         FOREIGN KEY (village_id, township_id, headquarters_id) REFERENCES village (id, township_id, headquarters_id)`,
      `GRANT INSERT, DELETE ON team_village TO ${R}`,
      `CREATE POLICY team_village_insert ON team_village FOR INSERT TO ${R} WITH CHECK (
         (${DISTRICT_ADMIN} OR ${HQ_COMMANDER})
         AND EXISTS (SELECT 1 FROM work_team t WHERE t.id = team_village.team_id
                       AND t.headquarters_id = team_village.headquarters_id
                       AND t.township_id IS NOT DISTINCT FROM team_village.team_home_township_id))`,
      `CREATE POLICY team_village_delete ON team_village FOR DELETE TO ${R}
         USING (${DISTRICT_ADMIN} OR ${HQ_COMMANDER})`,

      // Inspections: the supervision group (district inspector) and the district admin, recorded in their own
      // name; a team target names a team of that headquarters, a headquarters target names no team.
      `GRANT INSERT (township_id, headquarters_id, target_kind, team_id, period, score, items, note, recorded_by)
         ON inspection TO ${R}`,
      `CREATE POLICY inspection_insert ON inspection FOR INSERT TO ${R} WITH CHECK (
         ${KIND} = 'district' AND ${ROLE} IN ('inspector', 'admin')
         AND recorded_by = (SELECT app.subject())
         AND CASE target_kind
               WHEN 'headquarters' THEN team_id IS NULL AND township_id IS NULL
               WHEN 'team' THEN EXISTS (SELECT 1 FROM work_team t WHERE t.id = inspection.team_id
                 AND t.headquarters_id = inspection.headquarters_id
                 AND t.township_id IS NOT DISTINCT FROM inspection.township_id)
               ELSE false END)`,

      // Resettlement sites: a commander of that headquarters or the district admin; new sites start with nothing
      // allocated (allocated_units is not granted, so it takes its default 0).
      `GRANT INSERT (township_id, headquarters_id, name_zh, planned_units) ON resettlement_site TO ${R}`,
      `CREATE POLICY resettlement_site_insert ON resettlement_site FOR INSERT TO ${R}
         WITH CHECK ((${DISTRICT_ADMIN} OR ${HQ_COMMANDER}) AND allocated_units = 0)`,
      `CREATE UNIQUE INDEX resettlement_site_name ON resettlement_site (headquarters_id, name_zh)`,

      // Household codes are unique district-wide, but a commander sees only their tenant's rows. The import asks
      // which of its codes are taken anywhere (only whether, nothing else), so it can report them row by row.
      `CREATE FUNCTION app.household_codes_taken(p_codes text[]) RETURNS SETOF text
         LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
           SELECT h.code FROM household h
           WHERE h.code = ANY (p_codes) AND app.role() IN ('commander', 'admin')
         $$`,
      `REVOKE ALL ON FUNCTION app.household_codes_taken(text[]) FROM PUBLIC`,
      `GRANT EXECUTE ON FUNCTION app.household_codes_taken(text[]) TO ${R}`,
    ];
    for (const statement of statements) await q.query(statement);
  }

  down(): Promise<void> {
    return Promise.reject(
      new Error('Administration1764576000000 is not reversible: restore from a backup instead'),
    );
  }
}
