/**
 * A household draws resettlement units only from its own headquarters' sites, and the draw is no longer a write
 * the request role makes: before, the policy on resettlement_site let any writer bump any site's
 * allocated_units, and nothing tied the site to the household (a 白沙 cadre signed a 白塘湖 household into a
 * 涵江动车站片区 site). Now:
 * - a composite foreign key ties household (resettlement_site_id, headquarters_id) to the site's own
 *   (id, headquarters_id), whoever writes;
 * - allocated_units follows the households that point at the site (a trigger, as the owner), so it cannot drift;
 * - reads: the district sees every site, a headquarters its own, a township its own and those of the
 *   headquarters its teams work for (their cadres sign property swaps there).
 * Rows that break the rule already (if any) are left as they are, reported by the validation below.
 */
export function resettlementDrawSql(requestRole: string): string[] {
  const KIND = `(SELECT app.tenant_kind())`;
  const TENANT = `(SELECT app.tenant_uuid())`;
  return [
    `ALTER TABLE resettlement_site ADD CONSTRAINT resettlement_site_headquarters UNIQUE (id, headquarters_id)`,
    `ALTER TABLE household ADD CONSTRAINT household_site_of_own_headquarters
       FOREIGN KEY (resettlement_site_id, headquarters_id) REFERENCES resettlement_site (id, headquarters_id)
       NOT VALID`,
    `DO $$ BEGIN
       ALTER TABLE household VALIDATE CONSTRAINT household_site_of_own_headquarters;
     EXCEPTION WHEN foreign_key_violation THEN
       RAISE WARNING 'households drawing on another headquarters'' site exist; the rule holds for new writes only';
     END $$`,
    `CREATE FUNCTION app.track_site_allocation() RETURNS trigger
       LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
       BEGIN
         IF OLD.resettlement_site_id IS NOT NULL THEN
           UPDATE resettlement_site SET allocated_units = allocated_units - 1 WHERE id = OLD.resettlement_site_id;
         END IF;
         IF NEW.resettlement_site_id IS NOT NULL THEN
           UPDATE resettlement_site SET allocated_units = allocated_units + 1 WHERE id = NEW.resettlement_site_id;
         END IF;
         RETURN NULL;
       END $$`,
    `REVOKE ALL ON FUNCTION app.track_site_allocation() FROM PUBLIC`,
    // Households get a site by signing (an UPDATE); the seed writes final states together with the sites' counts.
    `CREATE TRIGGER household_site_allocation AFTER UPDATE OF resettlement_site_id ON household FOR EACH ROW
       WHEN (OLD.resettlement_site_id IS DISTINCT FROM NEW.resettlement_site_id)
       EXECUTE FUNCTION app.track_site_allocation()`,
    `DROP POLICY resettlement_site_draw ON resettlement_site`,
    `REVOKE UPDATE ON resettlement_site FROM ${requestRole}`,
    `DROP POLICY resettlement_site_read_all ON resettlement_site`,
    `CREATE POLICY resettlement_site_read_helpers ON resettlement_site FOR SELECT TO ${requestRole}
       USING (${KIND} = 'township' AND EXISTS (SELECT 1 FROM work_team t
              WHERE t.headquarters_id = resettlement_site.headquarters_id AND t.township_id = ${TENANT}))`,
  ];
}
