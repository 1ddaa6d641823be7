// Two real gateway processes on one database, the nightly summary scheduled every minute: pg-boss fires each tick
// once, and the day is summarised once — one row per team, never re-counted by a later tick or the other replica.
import { shanghaiDate } from '@hanjiang/domain';
import PgBoss from 'pg-boss';
import { SUMMARY_QUEUE } from '../src/modules/summary/summary.jobs.js';
import { type ChildGateway, spawnGateway, waitFor } from './helpers/child-gateway.js';
import { createSeededDatabase, type TestDatabase, testPool } from './helpers/database.js';
import { DEMO_PASSWORD, TEST_JWT_SECRET } from './helpers/in-process.js';
import { freePortForTest } from './helpers/ports.js';

jest.setTimeout(240_000);

describe('nightly summary with two replicas', () => {
  let db: TestDatabase;
  const gateways: ChildGateway[] = [];
  const today = shanghaiDate(new Date());

  beforeAll(async () => {
    db = await createSeededDatabase();
  });
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.kill('SIGTERM')));
    await db?.drop();
  });

  it('produces exactly one summary per team per day', async () => {
    const owner = testPool(db.url);
    try {
      for (let i = 0; i < 2; i += 1) {
        gateways.push(
          spawnGateway({
            DATABASE_URL: db.url,
            PORT: String(await freePortForTest()),
            HOST: '127.0.0.1',
            JWT_SECRET: TEST_JWT_SECRET,
            DEMO_PASSWORD,
            LOG_LEVEL: 'info',
            SUMMARY_CRON: '* * * * *',
          }),
        );
      }
      for (const g of gateways) {
        await waitFor(() => (g.stdout().includes('gateway ready') ? true : undefined), {
          timeoutMs: 90_000,
          what: 'gateway ready',
        }).catch((error: Error) => {
          throw new Error(`${error.message}\n${g.stderr().slice(-2000)}\n${g.stdout().slice(-2000)}`);
        });
      }
      const jobs = async () =>
        (
          await owner.query<{ output: { ran: boolean; day: string } | null }>(
            `SELECT output FROM pgboss.job WHERE name = 'nightly-summary' AND state = 'completed' ORDER BY completed_on`,
          )
        ).rows;
      // The first tick fires as the replicas start; the next one a minute later.
      await waitFor(async () => ((await jobs()).length >= 1 ? true : undefined), {
        timeoutMs: 60_000,
        what: 'the first scheduled summary',
      });
      const first = await owner.query<{ started_at: Date; trigger: string }>(
        'SELECT started_at, trigger FROM summary_run WHERE day = $1',
        [today],
      );
      expect(first.rows[0]?.trigger).toBe('SCHEDULE');
      // A later tick, sent the way the timekeeper sends one (same queue, same singleton key), rather than waited
      // for: the cron's next minute would add a minute to the run and prove nothing more.
      const ticker = new PgBoss({
        connectionString: db.url,
        schema: 'pgboss',
        migrate: false,
        supervise: false,
        schedule: false,
      });
      await ticker.start();
      try {
        expect(await ticker.send(SUMMARY_QUEUE, {}, { singletonKey: SUMMARY_QUEUE })).toEqual(
          expect.any(String),
        );
      } finally {
        await ticker.stop({ graceful: false, wait: true, close: true });
      }
      await waitFor(async () => ((await jobs()).length >= 2 ? true : undefined), {
        timeoutMs: 30_000,
        everyMs: 500,
        what: 'the second tick',
      });

      const done = await jobs();
      expect(done.map((j) => j.output?.ran)).toEqual([true, ...done.slice(1).map(() => false)]);
      const rows = await owner.query<{ n: number; teams: number; distinct: number }>(
        `SELECT count(*)::int AS n, count(DISTINCT team_id)::int AS distinct,
                (SELECT count(*)::int FROM work_team) AS teams
         FROM team_day_summary WHERE day = $1`,
        [today],
      );
      expect(rows.rows[0]!.n).toBe(rows.rows[0]!.teams);
      expect(rows.rows[0]!.distinct).toBe(rows.rows[0]!.teams);
      const after = await owner.query<{ started_at: Date }>(
        'SELECT started_at FROM summary_run WHERE day = $1',
        [today],
      );
      expect(after.rows[0]!.started_at).toEqual(first.rows[0]!.started_at);
      // Both replicas were still running, and both stop cleanly (pg-boss's loops end before the pool closes).
      expect(gateways.every((g) => g.process.exitCode === null)).toBe(true);
      expect(await Promise.all(gateways.map((g) => g.kill('SIGTERM')))).toEqual([0, 0]);
    } finally {
      await owner.end();
    }
  });
});
