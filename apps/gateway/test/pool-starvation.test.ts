// The starvation guard replaces pg-pool's connect(); pool.query() and pg-boss call connect(callback), so the
// callback form must keep working (it once waited forever: the gateway never became ready with the job queue on).
import pg from 'pg';
import { failFastWhenStarved } from '../src/db/pool-starvation.js';
import { adminUrl } from './helpers/database.js';

describe('pool starvation guard', () => {
  let pool: pg.Pool;
  beforeEach(() => {
    pool = new pg.Pool({ connectionString: adminUrl(), max: 1 });
    failFastWhenStarved(pool, 300);
  });
  afterEach(() => pool.end());

  it('keeps pool.query (connect with a callback) working', async () => {
    const { rows } = await pool.query<{ n: number }>('SELECT 1 AS n');
    expect(rows).toEqual([{ n: 1 }]);
    expect(pool.idleCount).toBe(1); // the callback's release handed the connection back
  });

  it('keeps connect() as a promise, and fails fast once the only connection is held', async () => {
    const held = await pool.connect();
    await new Promise((r) => setTimeout(r, 350));
    const started = Date.now();
    await expect(pool.query('SELECT 1')).rejects.toThrow(/pool starved/);
    await expect(pool.connect()).rejects.toThrow(/pool starved/);
    expect(Date.now() - started).toBeLessThan(2_000);
    held.release();
    const { rows } = await pool.query<{ n: number }>('SELECT 2 AS n');
    expect(rows).toEqual([{ n: 2 }]);
  });
});
