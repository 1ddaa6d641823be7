// @service-pass: row-level security itself, on PostgreSQL 15 as well as the embedded 18 (test/service-pass.mjs).
import { readScopeKey, REQUEST_ROLE } from '@hanjiang/db';
import type pg from 'pg';
import { beginStatement, RequestTransaction } from '../src/db/request-transaction.js';
import { createSeededDatabase, type TestDatabase, testPool, withScopeKey } from './helpers/database.js';

const township = (code: string) => ({
  'app.tenant_kind': 'township',
  'app.tenant_id': code,
  'app.role': 'commander',
  'app.team_id': '',
  'app.subject': `${code}.commander`,
});

describe('row-level security, in the database itself', () => {
  let db: TestDatabase;
  let owner: pg.Pool;
  let key: Buffer;

  beforeAll(async () => {
    db = await createSeededDatabase();
    owner = testPool(db.url, 2);
    key = await readScopeKey(owner);
  });
  afterAll(async () => {
    await owner?.end();
    await db?.drop();
  });

  async function ownerCount(sql: string, params: unknown[] = []): Promise<number> {
    const { rows } = await owner.query<{ n: number }>(sql, params);
    return rows[0]!.n;
  }

  it("a raw SELECT * FROM household with a township's settings returns its rows and its helpers' rows only", async () => {
    const client = await owner.connect();
    try {
      await client.query(beginStatement(township('baisha'), key));
      const { rows } = await client.query<{ township_id: string; team_home_township_id: string | null }>(
        'SELECT * FROM household',
      );
      await client.query('ROLLBACK');
      const baisha = (await owner.query<{ id: string }>(`SELECT id FROM township WHERE code = 'baisha'`))
        .rows[0]!.id;
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.township_id === baisha || r.team_home_township_id === baisha)).toBe(true);
      expect(rows.some((r) => r.township_id !== baisha)).toBe(true); // the helper rows in 白塘
      expect(rows).toHaveLength(
        await ownerCount(
          'SELECT count(*)::int AS n FROM household WHERE township_id = $1 OR team_home_township_id = $1',
          [baisha],
        ),
      );
    } finally {
      client.release();
    }
  });

  it('with no settings at all, the request role sees 0 rows (fail closed), even on a reused connection', async () => {
    const client = await owner.connect();
    try {
      await client.query(`BEGIN; SET LOCAL ROLE ${REQUEST_ROLE}`);
      expect((await client.query('SELECT * FROM household')).rowCount).toBe(0);
      expect((await client.query('SELECT * FROM progress_counter')).rowCount).toBe(0);
      await client.query('COMMIT');
      // After a transaction that set them locally, the settings read '' on this connection, not NULL.
      await client.query(beginStatement(township('baitang'), key));
      await client.query('COMMIT');
      await client.query(`BEGIN; SET LOCAL ROLE ${REQUEST_ROLE}`);
      expect((await client.query('SELECT * FROM household')).rowCount).toBe(0);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  });

  it("an INSERT of a household into another township is rejected by the policy's WITH CHECK", async () => {
    const { rows } = await owner.query<{ township_id: string; headquarters_id: string; id: string }>(
      `SELECT v.township_id, v.headquarters_id, v.id FROM village v JOIN township t ON t.id = v.township_id
       WHERE t.code = 'jiangkou' LIMIT 1`,
    );
    const village = rows[0]!;
    const client = await owner.connect();
    try {
      await client.query(beginStatement(township('qiulu'), key));
      await expect(
        client.query(
          `INSERT INTO household (township_id, headquarters_id, village_id, code, owner_name, owner_id_number,
             building_area_m2, land_area_m2) VALUES ($1, $2, $3, 'X-RLS-1', '测试', '350303199001011234', 10, 10)`,
          [village.township_id, village.headquarters_id, village.id],
        ),
      ).rejects.toThrow(/row-level security/);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  it('a pool of one connection, tenants A and B interleaved 1,000 times: nobody sees the other', async () => {
    const pool = await withScopeKey(testPool(db.url, 1));
    const [a, b] = await Promise.all(
      ['qiulu', 'guohuan'].map(
        async (code) =>
          (await owner.query<{ id: string }>('SELECT id FROM township WHERE code = $1', [code])).rows[0]!.id,
      ),
    );
    try {
      const runs = Array.from({ length: 1_000 }, async (_, i) => {
        const code = i % 2 === 0 ? 'qiulu' : 'guohuan';
        const own = i % 2 === 0 ? a : b;
        const tx = new RequestTransaction(pool, township(code));
        const rows = await tx.query<{ township_id: string; team_home_township_id: string | null }>(
          'SELECT township_id, team_home_township_id FROM household LIMIT 20',
        );
        await tx.commit();
        return rows.length > 0 && rows.every((r) => r.township_id === own || r.team_home_township_id === own);
      });
      const results = await Promise.all(runs);
      expect(results.filter((ok) => !ok)).toHaveLength(0);
    } finally {
      await pool.end();
    }
  });
});
