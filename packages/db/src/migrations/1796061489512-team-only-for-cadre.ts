import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The constraint's name, so the gateway's tests (and an operator reading an error) can tell it apart. */
export const TEAM_ONLY_FOR_CADRE = 'membership_team_only_for_cadre';

/**
 * Only a cadre belongs to a work team (issue 17): the database side of authz's `isWellFormedPrincipal`, which
 * refuses a principal carrying a team unless it is a cadre (a commander or viewer with a team would pass every
 * "own team" rule). A cadre may still have no team — one whose team was dissolved and not yet replaced keeps
 * reading and owns no household (apps/gateway/test/teamless-cadre.test.ts) — so the check is one-sided.
 *
 * Rows that break it already are repaired, not left: the team on a non-cadre membership means nothing to any rule
 * except that authz refuses the whole principal, so it is cleared, and each cleared row is reported as a WARNING in
 * the migration's log (membership id, user, tenant, role, team).
 */
export class TeamOnlyForCadre1796061489512 implements MigrationInterface {
  name = 'TeamOnlyForCadre1796061489512';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DO $$
      DECLARE r record;
      BEGIN
        FOR r IN
          UPDATE membership m SET team_id = NULL
          FROM user_account u, (SELECT id, team_id FROM membership) AS before
          WHERE u.id = m.user_id AND before.id = m.id AND m.role <> 'cadre' AND m.team_id IS NOT NULL
          RETURNING m.id, u.username, m.tenant_code, m.role, before.team_id
        LOOP
          RAISE WARNING 'membership % (% as % of %) carried team %: cleared, only a cadre belongs to a team',
            r.id, r.username, r.role, r.tenant_code, r.team_id;
        END LOOP;
      END $$`);
    await q.query(
      `ALTER TABLE membership ADD CONSTRAINT ${TEAM_ONLY_FOR_CADRE} CHECK (role = 'cadre' OR team_id IS NULL)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE membership DROP CONSTRAINT ${TEAM_ONLY_FOR_CADRE}`);
  }
}
