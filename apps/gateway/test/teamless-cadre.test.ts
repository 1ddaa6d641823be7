// A cadre whose team was dissolved and not yet replaced (membership team_id NULL) — issue 17. The rule: such a
// cadre belongs to no team, so no household is "its own team's", not even one that has no team either (in SQL and
// in `can()` alike, null must never equal null). It keeps what any member of its township has: it reads.
// The converse is refused by the database itself: only a cadre belongs to a team (membership_team_only_for_cadre),
// so no token of a commander, viewer or admin can carry one.
import { TRANSITION_REFUSALS } from '@hanjiang/authz';
import { TEAM_ONLY_FOR_CADRE } from '@hanjiang/db';
import type pg from 'pg';
import type { Gateway } from '../src/server.js';
import type { TestDatabase } from './helpers/database.js';
import { closeSeededGateway, openSeededGateway } from './helpers/seeded-gateway.js';
import { asUser } from './helpers/sessions.js';
import { advance } from './helpers/workflow.js';

const USERNAME = 'baitang.teamless-cadre';

describe('a cadre without a team', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  let owner: pg.Pool;

  beforeAll(async () => {
    ({ db, gateway, owner } = await openSeededGateway());
    // A new account of 白塘 with a cadre membership and no team, sharing the demo accounts' password hash.
    await owner.query(
      `INSERT INTO user_account (username, display_name, password_hash)
       SELECT $1, '白塘镇待分组干部', password_hash FROM user_account WHERE username = 'baitang.cadre'`,
      [USERNAME],
    );
    await owner.query(
      `INSERT INTO membership (user_id, tenant_kind, tenant_code, role, team_id, is_default)
       SELECT id, 'township', 'baitang', 'cadre', NULL, true FROM user_account WHERE username = $1`,
      [USERNAME],
    );
  });
  afterAll(() => closeSeededGateway({ db, gateway, owner }));

  it('the database refuses a team on any membership but a cadre; the demo data has none', async () => {
    const refusal = new RegExp(`violates check constraint "${TEAM_ONLY_FOR_CADRE}"`);
    const team = `(SELECT team_id FROM membership m JOIN user_account u ON u.id = m.user_id
                   WHERE u.username = 'baitang.cadre')`;
    // A new commander membership carrying a team, and an existing one given a team.
    await expect(
      owner.query(
        `INSERT INTO membership (user_id, tenant_kind, tenant_code, role, team_id)
         SELECT id, 'township', 'baitang', 'commander', ${team} FROM user_account WHERE username = $1`,
        [USERNAME],
      ),
    ).rejects.toThrow(refusal);
    await expect(
      owner.query(
        `UPDATE membership SET team_id = ${team}
         WHERE user_id = (SELECT id FROM user_account WHERE username = 'baitang.commander')`,
      ),
    ).rejects.toThrow(refusal);

    const seeded = await owner.query<{ role: string; with_team: number; without: number }>(
      `SELECT role, count(team_id)::int AS with_team, (count(*) - count(team_id))::int AS without
       FROM membership GROUP BY role ORDER BY role`,
    );
    expect(seeded.rows.filter((r) => r.role !== 'cadre' && r.with_team > 0)).toEqual([]);
    expect(seeded.rows.find((r) => r.role === 'cadre')).toMatchObject({ without: 1 }); // USERNAME, above

    const me = await asUser<{ me: { role: string; teamId: string | null } }>(
      gateway.url,
      'baitang.commander',
      '{ me { role teamId } }',
    );
    expect(me.data!.me).toEqual({ role: 'commander', teamId: null });
  });

  it('signs in as a cadre of no team', async () => {
    const me = await asUser<{ me: { role: string; tenantCode: string; teamId: string | null } }>(
      gateway.url,
      USERNAME,
      '{ me { role tenantCode teamId } }',
    );
    expect(me.errors).toBeUndefined();
    expect(me.data!.me).toEqual({ role: 'cadre', tenantCode: 'baitang', teamId: null });
  });

  it('sees an unassigned household of its township, its personal data masked, and may not advance it', async () => {
    // The seed assigns every household; take one of 白塘's own back off its team, as a dissolved team leaves it.
    const { rows } = await owner.query<{ id: string; version: number; events: number }>(
      `UPDATE household SET team_id = NULL, team_home_township_id = NULL
       WHERE id = (SELECT h.id FROM household h JOIN township t ON t.id = h.township_id
                   WHERE t.code = 'baitang' AND h.stage = 'SURVEYED' ORDER BY h.code LIMIT 1)
       RETURNING id, version, (SELECT count(*)::int FROM household_event e WHERE e.household_id = household.id) AS events`,
    );
    const target = rows[0];
    if (target === undefined) throw new Error('the seed has no SURVEYED household in baitang');

    const seen = await asUser<{ household: { id: string; stage: string; team: null; piiMasked: boolean } }>(
      gateway.url,
      USERNAME,
      'query ($id: ID!) { household(id: $id) { id stage team { id } piiMasked } }',
      { id: target.id },
    );
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.household).toEqual({ id: target.id, stage: 'SURVEYED', team: null, piiMasked: true });

    const result = await advance(gateway.url, USERNAME, target, 'MEASURED');
    expect(result.data?.advanceStage ?? null).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: TRANSITION_REFUSALS.advance.en,
        extensions: expect.objectContaining({
          code: 'FORBIDDEN',
          messageZh: TRANSITION_REFUSALS.advance.zh,
          messageEn: TRANSITION_REFUSALS.advance.en,
        }),
      }),
    ]);

    const after = await owner.query<{ version: number; stage: string; events: number }>(
      `SELECT version, stage, (SELECT count(*)::int FROM household_event WHERE household_id = $1) AS events
       FROM household WHERE id = $1`,
      [target.id],
    );
    expect(after.rows[0]).toEqual({ version: target.version, stage: 'SURVEYED', events: target.events });
  });
});
