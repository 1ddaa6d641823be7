// @service-pass: tenancy through RLS, on PostgreSQL 15 as well as the embedded 18 (test/service-pass.mjs).
import { HEADQUARTERS, TOWNSHIPS } from '@hanjiang/domain';
import type pg from 'pg';
import { generateApiKey } from '../src/credentials/api-keys.js';
import type { Gateway } from '../src/server.js';
import type { TestDatabase } from './helpers/database.js';
import { closeSeededGateway, openSeededGateway } from './helpers/seeded-gateway.js';
import { gql } from './helpers/graphql.js';
import { asUser } from './helpers/sessions.js';

interface Node {
  id: string;
  township: { code: string };
  headquarters: { code: string };
  team: { homeTownship: { code: string } | null } | null;
  events: { township: { code: string }; headquarters: { code: string } }[];
}
type Helper = { team: { homeTownship: { code: string } | null } | null } | null;
interface Page {
  households: { totalCount: number; edges: { node: Node }[] };
}

const PAGE = `query ($after: String) { households(first: 100, after: $after) {
  totalCount edges { node { id township { code } headquarters { code } team { homeTownship { code } }
  events { township { code } headquarters { code } } } } } }`;

type Principal = { username: string; kind: 'township' | 'headquarters' | 'district'; code: string };
const principals: Principal[] = [
  ...TOWNSHIPS.map((t) => ({ username: `${t.code}.viewer`, kind: 'township' as const, code: t.code })),
  ...HEADQUARTERS.map((h) => ({
    username: `${h.code}.commander`,
    kind: 'headquarters' as const,
    code: h.code,
  })),
  { username: 'district.admin', kind: 'district', code: 'district' },
  { username: 'baisha.cadre', kind: 'township', code: 'baisha' }, // a helper team's cadre, working in 白塘
];

describe('tenancy matrix: every principal sees exactly its scope', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  let owner: pg.Pool;

  beforeAll(async () => {
    ({ db, gateway, owner } = await openSeededGateway());
  });
  afterAll(() => closeSeededGateway({ db, gateway, owner }));

  /** The independent count, as the table owner (no RLS), of the households the rules put in a scope. */
  async function expectedCount(p: Principal): Promise<number> {
    const sql = {
      district: 'SELECT count(*)::int AS n FROM household',
      headquarters: `SELECT count(*)::int AS n FROM household h JOIN headquarters q ON q.id = h.headquarters_id WHERE q.code = $1`,
      township: `SELECT count(*)::int AS n FROM household h
        LEFT JOIN township t ON t.id = h.township_id LEFT JOIN township ht ON ht.id = h.team_home_township_id
        WHERE t.code = $1 OR ht.code = $1`,
    }[p.kind];
    const { rows } = await owner.query<{ n: number }>(sql, p.kind === 'district' ? [] : [p.code]);
    return rows[0]!.n;
  }

  function inScope(
    p: Principal,
    n: Pick<Node, 'township' | 'headquarters'> & { helper: string | null },
  ): boolean {
    if (p.kind === 'district') return true;
    if (p.kind === 'headquarters') return n.headquarters.code === p.code;
    return n.township.code === p.code || n.helper === p.code;
  }

  it.each(principals.map((p) => [p.username, p] as const))('%s', async (_name, p) => {
    const first = await asUser<Page>(gateway.url, p.username, PAGE);
    expect(first.errors).toBeUndefined();
    const expected = await expectedCount(p);
    expect(expected).toBeGreaterThan(0);
    expect(first.data!.households.totalCount).toBe(expected);
    for (const { node } of first.data!.households.edges) {
      const helper = node.team?.homeTownship?.code ?? null;
      expect(inScope(p, { ...node, helper })).toBe(true);
      for (const event of node.events) {
        expect(inScope(p, { township: event.township, headquarters: event.headquarters, helper })).toBe(true);
      }
    }
    // A household of another scope is null (not an error that reveals it exists).
    const outside = await owner.query<{ id: string }>(
      p.kind === 'district'
        ? `SELECT NULL::uuid AS id`
        : p.kind === 'headquarters'
          ? `SELECT h.id FROM household h JOIN headquarters q ON q.id = h.headquarters_id WHERE q.code <> $1 LIMIT 1`
          : `SELECT h.id FROM household h JOIN township t ON t.id = h.township_id
             LEFT JOIN township ht ON ht.id = h.team_home_township_id
             WHERE t.code <> $1 AND coalesce(ht.code, '') <> $1 LIMIT 1`,
      p.kind === 'district' ? [] : [p.code],
    );
    const outsideId = outside.rows[0]?.id;
    if (outsideId) {
      const single = await asUser<{ household: unknown; householdEvents: unknown[] }>(
        gateway.url,
        p.username,
        'query ($id: ID!) { household(id: $id) { id } householdEvents(householdId: $id) { id } }',
        { id: outsideId },
      );
      expect(single.errors).toBeUndefined();
      expect(single.data).toEqual({ household: null, householdEvents: [] });
    }
  });

  // The same scopes through integrator keys: a key of township A never sees township B's rows.
  const keyed = principals.filter((p) => p.username.endsWith('.viewer') || p.kind === 'headquarters');
  it.each(keyed.map((p) => [`${p.kind}:${p.code}`, p] as const))('an API key of %s', async (_name, p) => {
    const { key, prefix, secretHash } = generateApiKey();
    await owner.query(
      `INSERT INTO api_key (prefix, secret_hash, name, tenant_kind, tenant_code, role, created_by)
       VALUES ($1, $2, 'matrix', $3, $4, 'viewer', 'test')`,
      [prefix, secretHash, p.kind, p.code],
    );
    const page = await gql<Page>(gateway.url, PAGE, {}, { 'x-api-key': key });
    expect(page.errors).toBeUndefined();
    expect(page.data!.households.totalCount).toBe(await expectedCount(p));
    for (const { node } of page.data!.households.edges) {
      expect(inScope(p, { ...node, helper: node.team?.homeTownship?.code ?? null })).toBe(true);
    }
    const outside = await owner.query<{ id: string }>(
      p.kind === 'headquarters'
        ? `SELECT h.id FROM household h JOIN headquarters q ON q.id = h.headquarters_id WHERE q.code <> $1 LIMIT 1`
        : `SELECT h.id FROM household h JOIN township t ON t.id = h.township_id
           LEFT JOIN township ht ON ht.id = h.team_home_township_id
           WHERE t.code <> $1 AND coalesce(ht.code, '') <> $1 LIMIT 1`,
      [p.code],
    );
    const single = await gql(
      gateway.url,
      'query ($id: ID!) { household(id: $id) { id } }',
      {
        id: outside.rows[0]!.id,
      },
      { 'x-api-key': key },
    );
    expect(single.data).toEqual({ household: null });
  });

  // Field work (issue 14): visits and disputes follow the household's scope; escalations are the district's and the
  // raising headquarters'; the reserve pool is the district's alone.
  it.each(principals.map((p) => [p.username, p] as const))('field work: %s', async (_name, p) => {
    const result = await asUser<{
      visits: { township: { code: string }; headquarters: { code: string }; household: Helper }[];
      disputes: { township: { code: string }; headquarters: { code: string }; household: Helper }[];
      escalations: { headquarters: { code: string } }[];
    }>(
      gateway.url,
      p.username,
      `{ visits(first: 200) { township { code } headquarters { code } household { team { homeTownship { code } } } }
         disputes { township { code } headquarters { code } household { team { homeTownship { code } } } }
         escalations(openOnly: false) { headquarters { code } } }`,
    );
    expect(result.errors).toBeUndefined();
    const { visits, disputes, escalations } = result.data!;
    for (const row of [...visits, ...disputes]) {
      const helper = row.household?.team?.homeTownship?.code ?? null;
      expect(inScope(p, { ...row, helper })).toBe(true);
    }
    const where = {
      district: 'true',
      headquarters: `headquarters_id = (SELECT id FROM headquarters WHERE code = $1)`,
      township: `(SELECT id FROM township WHERE code = $1) IN (township_id, team_home_township_id)`,
    }[p.kind];
    const params = p.kind === 'district' ? [] : [p.code];
    const n = async (table: string, w: string) =>
      (await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${w}`, params))
        .rows[0]!.n;
    expect(disputes).toHaveLength(Math.min(500, await n('dispute', where)));
    expect(visits).toHaveLength(Math.min(200, await n('visit', where)));
    expect(escalations).toHaveLength(
      p.kind === 'township' ? 0 : await n('escalation', p.kind === 'district' ? 'true' : where),
    );
    const pool = await asUser<{ reservePool: unknown[] }>(gateway.url, p.username, '{ reservePool { id } }');
    if (p.kind === 'district') expect(pool.errors).toBeUndefined();
    else expect(pool.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a helper township sees the households its own team works in the paired township', async () => {
    const result = await asUser<Page>(
      gateway.url,
      'baisha.viewer',
      `{ households(first: 100, filter: { townshipCode: "baitang" }) {
      totalCount edges { node { id township { code } headquarters { code } team { homeTownship { code } } events { township { code } headquarters { code } } } } } }`,
    );
    expect(result.data!.households.totalCount).toBeGreaterThan(0);
    for (const { node } of result.data!.households.edges)
      expect(node.team?.homeTownship?.code).toBe('baisha');
  });

  it('villages: a township sees its own villages and those its teams work in, nothing else', async () => {
    const result = await asUser<{ villages: { id: string }[] }>(
      gateway.url,
      'qiulu.viewer',
      '{ villages { id } }',
    );
    const expected = await owner.query<{ id: string }>(
      `SELECT v.id FROM village v JOIN township t ON t.id = v.township_id WHERE t.code = 'qiulu'
       UNION SELECT tv.village_id FROM team_village tv JOIN township t ON t.id = tv.team_home_township_id
       WHERE t.code = 'qiulu'`,
    );
    expect(result.data!.villages.map((v) => v.id).sort()).toEqual(expected.rows.map((r) => r.id).sort());
    expect(expected.rows.length).toBeGreaterThan(0);
  });

  it('without credentials, tenant data is refused with UNAUTHENTICATED; the public catalogue answers', async () => {
    const result = await gql(gateway.url, '{ households(first: 1) { totalCount } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const catalogue = await gql<{ townships: unknown[] }>(gateway.url, '{ townships { code } }');
    expect(catalogue.data?.townships).toHaveLength(10);
  });
});
