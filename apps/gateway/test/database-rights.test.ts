// Issue 13, item 7: the database is the last line only if the app cannot escape it. Each case runs SQL the way a
// request could if an attacker got to run statements inside it: on the gateway's own request pool, after the
// gateway's own BEGIN (signed scope, SET LOCAL ROLE).
// @service-pass: what the request role may do in the database, on PostgreSQL 15 as well (test/service-pass.mjs).
import { REQUEST_ROLE } from '@hanjiang/db';
import type pg from 'pg';
import { type Principal, sqlVisibilitySettings } from '@hanjiang/authz';
import type { Database } from '../src/db/database.js';
import { beginStatement } from '../src/db/request-transaction.js';
import { scopeKeyOf } from '../src/db/scope-key.js';
import type { Gateway } from '../src/server.js';
import type { TestDatabase } from './helpers/database.js';
import { closeSeededGateway, openSeededGateway } from './helpers/seeded-gateway.js';

const QIULU_CADRE: Principal = {
  kind: 'user' as const,
  subject: 'qiulu.cadre',
  tenantKind: 'township' as const,
  tenantCode: 'qiulu',
  role: 'cadre' as const,
  teamId: null,
  membershipId: null,
};

describe('database rights: the request role cannot escape its scope', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  let owner: pg.Pool;
  let database: Database;

  beforeAll(async () => {
    ({ db, gateway, owner } = await openSeededGateway());
    database = await gateway.ready;
  }, 120_000);
  afterAll(() => closeSeededGateway({ db, gateway, owner }));

  /** Runs `body` inside a request transaction of `principal`'s scope, always rolled back. */
  async function asRequest<T>(
    principal: Principal | null,
    body: (client: pg.PoolClient) => Promise<T>,
  ): Promise<T> {
    const client = await database.pool.connect();
    const settings = principal
      ? sqlVisibilitySettings(principal)
      : { 'app.tenant_kind': '', 'app.tenant_id': '', 'app.role': '', 'app.team_id': '', 'app.subject': '' };
    try {
      await client.query(beginStatement(settings, scopeKeyOf(database.pool)));
      return await body(client);
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
    }
  }

  const count = async (client: pg.PoolClient, sql: string) =>
    Number((await client.query<{ n: string }>(sql)).rows[0]!.n);

  it('serves requests as a login role that is not a superuser, owns nothing, has no BYPASSRLS and inherits nothing', async () => {
    const { rows } = await database.pool.query<Record<string, unknown>>(
      `SELECT current_user AS name, r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb, r.rolinherit,
         (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owned,
         pg_has_role(current_user, '${REQUEST_ROLE}', 'MEMBER') AS may_set_request_role
       FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(rows[0]).toEqual({
      name: database.loginRole,
      rolsuper: false,
      rolbypassrls: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolinherit: false,
      owned: 0,
      may_set_request_role: true,
    });
    const request = await database.pool.query<Record<string, unknown>>(
      `SELECT rolsuper, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = '${REQUEST_ROLE}'`,
    );
    expect(request.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, rolcanlogin: false });
  });

  it('RESET ROLE inside a request gains nothing: the login role reads no table, no key, no credential', async () => {
    for (const sql of [
      'SELECT count(*) FROM household',
      'SELECT count(*) FROM audit_log',
      'SELECT count(*) FROM user_account',
      'SELECT key FROM app_private.scope_key',
      "SELECT app.password_params('baisha.cadre')",
    ]) {
      await expect(
        asRequest(QIULU_CADRE, async (client) => {
          await client.query('RESET ROLE');
          return client.query(sql);
        }),
      ).rejects.toMatchObject({ code: '42501' });
    }
  });

  it('rewriting the tenant settings (to the district, or another township) makes the request see nothing', async () => {
    const own = await asRequest(QIULU_CADRE, (c) => count(c, 'SELECT count(*) AS n FROM household'));
    expect(own).toBeGreaterThan(0);
    for (const forged of [
      "SELECT set_config('app.tenant_kind', 'district', true)",
      "SELECT set_config('app.tenant_id', 'baitang', true)",
      "SELECT set_config('app.role', 'admin', true)",
      "SELECT set_config('app.subject', 'district.admin', true)",
      // A signature copied from its own scope does not carry over to another one.
      "SELECT set_config('app.tenant_kind', 'district', true), set_config('app.role', 'inspector', true)",
    ]) {
      const seen = await asRequest(QIULU_CADRE, async (client) => {
        await client.query(forged);
        return {
          households: await count(client, 'SELECT count(*) AS n FROM household'),
          audit: await count(client, 'SELECT count(*) AS n FROM audit_log'),
          counters: await count(client, 'SELECT count(*) AS n FROM progress_counter'),
        };
      });
      expect({ forged, ...seen }).toEqual({ forged, households: 0, audit: 0, counters: 0 });
    }
  });

  it('an unsigned scope (settings without a signature) sees nothing', async () => {
    const client = await database.pool.connect();
    try {
      await client.query(`BEGIN; SET LOCAL ROLE ${REQUEST_ROLE}; SELECT set_config('app.tenant_kind', 'district', true),
        set_config('app.role', 'admin', true), set_config('app.subject', 'district.admin', true)`);
      expect(await count(client, 'SELECT count(*) AS n FROM household')).toBe(0);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  it("a qiulu cadre's context cannot write the food-park counter, daily signings or milestones", async () => {
    const attempts = [
      `UPDATE progress_counter SET signed = signed + 1 WHERE scope_kind = 'headquarters' AND scope_code = 'food-park'`,
      `INSERT INTO progress_daily (scope_kind, scope_code, day, signed, signed_area_m2)
         VALUES ('headquarters', 'food-park', '2020-09-27', 1, 100)`,
      `INSERT INTO milestone (scope_kind, scope_code, kind, threshold) VALUES ('headquarters', 'food-park', 'SIGNED_PCT', 50)`,
      `SELECT * FROM app.count_transition((SELECT id FROM household_event LIMIT 1))`,
      `SELECT * FROM app.record_milestones(gen_random_uuid(), ARRAY['headquarters'], ARRAY['food-park'],
         ARRAY['SIGNED_PCT'], ARRAY[50]::numeric[])`,
      `SELECT app.apply_counter_deltas(ARRAY[(SELECT id FROM township WHERE code = 'jiangkou')],
         ARRAY[(SELECT id FROM headquarters WHERE code = 'food-park')], ARRAY[NULL::uuid], ARRAY[NULL::uuid],
         ARRAY[0], ARRAY[0], ARRAY[0], ARRAY[5], ARRAY[0], ARRAY[0], ARRAY[0]::numeric[], ARRAY[500]::numeric[])`,
      `SELECT app.move_daily_signings(ARRAY[]::uuid[], ARRAY[]::uuid[], NULL)`,
    ];
    for (const sql of attempts) {
      await expect(asRequest(QIULU_CADRE, (client) => client.query(sql))).rejects.toMatchObject({
        code: '42501',
      });
    }
    // Even a commander may apply bulk deltas only to its own tenant's households.
    const commander: Principal = { ...QIULU_CADRE, subject: 'qiulu.commander', role: 'commander' };
    await expect(asRequest(commander, (client) => client.query(attempts[5]!))).rejects.toMatchObject({
      code: '42501',
    });
  });

  it('no function hands a password hash or an API-key hash to the request role', async () => {
    const { rows } = await owner.query<{ name: string; result: string }>(
      `SELECT p.proname AS name, pg_get_function_result(p.oid) AS result FROM pg_proc p
       JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = 'app' AND has_function_privilege('${REQUEST_ROLE}', p.oid, 'EXECUTE')`,
    );
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.filter((r) => /hash/.test(r.result) && r.name !== 'audit_head')).toEqual([]);
    const params = await asRequest(null, async (client) => {
      const known = await client.query<{ p: string }>("SELECT app.password_params('baisha.cadre') AS p");
      const unknown = await client.query<{ p: string }>("SELECT app.password_params('zz-no-such-user') AS p");
      const wrong = await client.query("SELECT * FROM app.find_login('baisha.cadre', 'not-the-key')");
      return { known: known.rows[0]!.p, unknown: unknown.rows[0]!.p, wrongRows: wrong.rowCount };
    });
    const stored = (
      await owner.query<{ h: string }>(
        "SELECT password_hash AS h FROM user_account WHERE username = 'baisha.cadre'",
      )
    ).rows[0]!.h;
    // Parameters and salt only: the stored hash is the params plus one more `$`-field, which is not given out.
    expect(stored.startsWith(`${params.known}$`)).toBe(true);
    expect(params.known.split('$')).toHaveLength(5);
    // An unknown user gets parameters of the same shape (no enumeration) and no rows.
    expect(params.unknown.split('$')).toHaveLength(5);
    expect(params.unknown).not.toBe(params.known);
    expect(params.wrongRows).toBe(0);
  });
});
