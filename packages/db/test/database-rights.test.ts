// The database-rights migration: its SQL restates the domain's stage order ("at or past" counting), so this
// checks the two agree on every step; and the data it meets (the seed) satisfies the new site rule.
import { STAGES } from '@hanjiang/domain';
import pg from 'pg';
import { ensureGatewayLogin, withLogin } from '../src/index.js';
import { seededDatabase, type SeededDatabase } from './seed-helpers/seeded-database.js';

describe('database-rights migration', () => {
  let db: SeededDatabase;
  beforeAll(async () => {
    db = await seededDatabase(new Date('2020-09-27T12:00:00+08:00'));
  }, 120_000);
  afterAll(() => db?.drop());

  it('validates the one-headquarters site rule against the seeded households', async () => {
    const { rows } = await db.pool.query<{ valid: boolean }>(
      `SELECT convalidated AS valid FROM pg_constraint WHERE conname = 'household_site_of_own_headquarters'`,
    );
    expect(rows).toEqual([{ valid: true }]);
  });

  const reached = (stage: string, k: number) => Number(STAGES.indexOf(stage as never) >= k);
  const steps = STAGES.slice(1).flatMap((to, i) => [
    { kind: 'ADVANCE', from: STAGES[i]!, to },
    { kind: 'REVERT', from: to, to: STAGES[i]! },
  ]);

  it.each(steps)('count_transition counts $kind $from → $to as the domain orders stages', async (step) => {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO household_event (township_id, headquarters_id, team_home_township_id, household_id, team_id,
           kind, from_stage, to_stage, version, actor_subject, idempotency_key, request_hash)
         SELECT township_id, headquarters_id, team_home_township_id, id, team_id, $1, $2, $3, version + 1,
           'migration-test', 'migration-test-' || $1 || $2, 'x'
         FROM household WHERE stage = 'SURVEYED' ORDER BY code LIMIT 1 RETURNING id`,
        [step.kind, step.from, step.to],
      );
      const counted = await client.query<{ m: number; s: number; scopes: number }>(
        `SELECT min(d_measured) AS m, min(d_signed) AS s, count(*)::int AS scopes
         FROM app.count_transition($1)`,
        [rows[0]!.id],
      );
      expect(counted.rows[0]).toEqual({
        m: reached(step.to, 1) - reached(step.from, 1),
        s: reached(step.to, STAGES.indexOf('SIGNED')) - reached(step.from, STAGES.indexOf('SIGNED')),
        scopes: expect.any(Number),
      });
      expect(counted.rows[0]!.scopes).toBeGreaterThanOrEqual(5);
      // Counted once: a second call for the same event is refused.
      await expect(
        client.query('SELECT * FROM app.count_transition($1)', [rows[0]!.id]),
      ).rejects.toMatchObject({
        code: '42501',
      });
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  it("creates the gateway's login role once, keeps its password, and it can sign in", async () => {
    const database = (await db.pool.query<{ d: string }>('SELECT current_database() AS d')).rows[0]!.d;
    const first = await ensureGatewayLogin(db.pool, database);
    const second = await ensureGatewayLogin(db.pool, database);
    expect(second).toEqual(first);
    const url = new URL(process.env.TEST_ADMIN_URL!);
    url.pathname = `/${database}`;
    const login = new pg.Client({ connectionString: withLogin(url.toString(), first) });
    await login.connect();
    try {
      const { rows } = await login.query<{ u: string; su: boolean }>(
        'SELECT current_user AS u, rolsuper AS su FROM pg_roles WHERE rolname = current_user',
      );
      expect(rows[0]).toEqual({ u: first.user, su: false });
    } finally {
      await login.end();
    }
  });
});
