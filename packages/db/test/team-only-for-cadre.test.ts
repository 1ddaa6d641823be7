// The team-only-for-cadre migration (issue 17) on a database that already holds memberships from before it:
// the team on a non-cadre membership is cleared and reported, cadres keep theirs (or none), and afterwards the
// database refuses a team on anyone but a cadre.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource, type Logger } from 'typeorm';
import {
  dropDatabase,
  ensureDatabase,
  MIGRATIONS_TABLE,
  migrations,
  runMigrations,
  TEAM_ONLY_FOR_CADRE,
  upsertCatalogue,
  withDatabase,
} from '../src/index.js';
import { adminUrl } from './helpers.js';

const THIS_MIGRATION = 'TeamOnlyForCadre1796061489512';

/** A data source running the given migrations, collecting PostgreSQL's notices and warnings. */
function dataSource(url: string, list: typeof migrations, notices: string[] = []): DataSource {
  const logger: Logger = {
    logQuery: () => undefined,
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: (level, message) => {
      if (level === 'info') notices.push(String(message));
    },
  };
  return new DataSource({
    type: 'postgres',
    url,
    migrations: list,
    migrationsTableName: MIGRATIONS_TABLE,
    logNotifications: true,
    logger,
    extra: { max: 2 },
  });
}

describe('migration TeamOnlyForCadre', () => {
  const url = withDatabase(adminUrl(), `hj_mig_${randomBytes(5).toString('hex')}`);
  let pool: pg.Pool;
  const notices: string[] = [];
  const ids: Record<string, string> = {};
  let teamId: string;

  beforeAll(async () => {
    await ensureDatabase(url);
    const before = dataSource(
      url,
      migrations.filter((m) => m.name !== THIS_MIGRATION),
    );
    await before.initialize();
    await runMigrations(before);
    await before.destroy();

    pool = new pg.Pool({ connectionString: url, max: 2 });
    await upsertCatalogue(pool);
    const team = await pool.query<{ id: string }>(
      `INSERT INTO work_team (township_id, headquarters_id, code, name_zh)
       SELECT t.id, h.id, 'baitang-t1', '白塘拆迁组' FROM township t, headquarters h
       WHERE t.code = 'baitang' AND h.code = 'baitang-lake' RETURNING id`,
    );
    teamId = team.rows[0]!.id;
    // What rows from before the rule may look like: a commander and a district admin left with a team.
    const rows: [string, string, string, string, boolean][] = [
      ['baitang.commander', 'township', 'baitang', 'commander', true],
      ['district.admin', 'district', 'district', 'admin', true],
      ['baitang.cadre', 'township', 'baitang', 'cadre', true],
      ['baitang.teamless-cadre', 'township', 'baitang', 'cadre', false],
      ['baitang.viewer', 'township', 'baitang', 'viewer', false],
    ];
    for (const [username, kind, code, role, withTeam] of rows) {
      const { rows: inserted } = await pool.query<{ id: string }>(
        `WITH u AS (INSERT INTO user_account (username, display_name, password_hash)
                    VALUES ($1, $1, 'x') RETURNING id)
         INSERT INTO membership (user_id, tenant_kind, tenant_code, role, team_id, is_default)
         SELECT u.id, $2, $3, $4, $5, true FROM u RETURNING id`,
        [username, kind, code, role, withTeam ? teamId : null],
      );
      ids[username] = inserted[0]!.id;
    }

    const after = dataSource(url, migrations, notices);
    await after.initialize();
    expect(await runMigrations(after)).toEqual([THIS_MIGRATION]);
    await after.destroy();
  }, 60_000);

  afterAll(async () => {
    await pool?.end();
    await dropDatabase(url);
  });

  it('clears the team of every non-cadre membership and leaves cadres as they were', async () => {
    const { rows } = await pool.query<{ username: string; team_id: string | null }>(
      `SELECT u.username, m.team_id FROM membership m JOIN user_account u ON u.id = m.user_id ORDER BY u.username`,
    );
    expect(rows).toEqual([
      { username: 'baitang.cadre', team_id: teamId },
      { username: 'baitang.commander', team_id: null },
      { username: 'baitang.teamless-cadre', team_id: null },
      { username: 'baitang.viewer', team_id: null },
      { username: 'district.admin', team_id: null },
    ]);
  });

  it('reports each cleared membership in the migration log', () => {
    expect(notices.filter((n) => n.includes('carried team')).sort()).toEqual(
      [
        `membership ${ids['baitang.commander']} (baitang.commander as commander of baitang) carried team ${teamId}: cleared, only a cadre belongs to a team`,
        `membership ${ids['district.admin']} (district.admin as admin of district) carried team ${teamId}: cleared, only a cadre belongs to a team`,
      ].sort(),
    );
  });

  it('then refuses a team on a commander, whether inserted or updated, and still takes a cadre with or without one', async () => {
    const refusal = new RegExp(`violates check constraint "${TEAM_ONLY_FOR_CADRE}"`);
    await expect(
      pool.query(`UPDATE membership SET team_id = $1 WHERE id = $2`, [teamId, ids['baitang.commander']]),
    ).rejects.toThrow(refusal);
    await expect(
      pool.query(
        `INSERT INTO membership (user_id, tenant_kind, tenant_code, role, team_id)
         SELECT user_id, 'township', 'baitang', 'viewer', $1 FROM membership WHERE id = $2`,
        [teamId, ids['baitang.cadre']],
      ),
    ).rejects.toThrow(refusal);
    await expect(
      pool.query(`UPDATE membership SET team_id = $1 WHERE id = $2`, [teamId, ids['baitang.teamless-cadre']]),
    ).resolves.toMatchObject({ rowCount: 1 });
    await expect(
      pool.query(`UPDATE membership SET team_id = NULL WHERE id = $1`, [ids['baitang.cadre']]),
    ).resolves.toMatchObject({ rowCount: 1 });
  });
});
