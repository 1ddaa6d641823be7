import { isSeeded, seedDemo } from '../src/seed/index.js';
import { migratedDatabase } from './helpers.js';
import { DEMO_PASSWORD, rows } from './seed-helpers/seeded-database.js';

jest.setTimeout(60_000);

const NOW = new Date('2025-11-20T03:30:00Z');

describe('seedDemo failing half-way', () => {
  it('rolls back everything it wrote', async () => {
    const { pool, drop } = await migratedDatabase();
    try {
      // A village already holding one of the seed's codes makes the village insert fail, after the campaign row.
      await pool.query(`INSERT INTO village (township_id, headquarters_id, code, name_zh)
                        SELECT t.id, q.id, 'baitang-chenqiao', '陈桥村' FROM township t, headquarters q
                        WHERE t.code = 'baitang' AND q.code = 'baitang-lake'`);
      await expect(seedDemo(pool, { demoPassword: DEMO_PASSWORD, now: NOW })).rejects.toThrow(
        /village_code_key|duplicate/,
      );
      expect(await isSeeded(pool)).toBe(false);
      const [left] = await rows<{ villages: number; teams: number; users: number }>(
        pool,
        `SELECT (SELECT count(*) FROM village)::int AS villages, (SELECT count(*) FROM work_team)::int AS teams,
                (SELECT count(*) FROM user_account)::int AS users`,
      );
      expect(left).toEqual({ villages: 1, teams: 0, users: 0 });
    } finally {
      await drop();
    }
  });
});
