import type { Gateway } from '../src/server.js';
import { createSeededDatabase, type TestDatabase } from './helpers/database.js';
import { startTestGateway } from './helpers/in-process.js';
import { asUser } from './helpers/sessions.js';

const QUERY = `query ($first: Int!) { households(first: $first) { totalCount edges { node {
  code village { name township { code } } team { name homeTownship { code } parent { name } }
  township { code } headquarters { code } events { toStage township { code } } } } } }`;

describe('N+1: SQL statements per request do not grow with the page size', () => {
  let db: TestDatabase;
  let gateway: Gateway;

  beforeAll(async () => {
    db = await createSeededDatabase();
    gateway = await startTestGateway(db.url, { EXPOSE_SQL_STATS: '1' });
  });
  afterAll(async () => {
    await gateway?.stop();
    await db?.drop();
  });

  it('households(first: 10 | 50 | 100) with village, team, township, headquarters and events', async () => {
    const counts: number[] = [];
    for (const first of [10, 50, 100]) {
      const result = await asUser<{ households: { edges: unknown[] } }>(
        gateway.url,
        'district.admin',
        QUERY,
        { first },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.households.edges).toHaveLength(first);
      const sqlStatements = Number(result.extensions?.sqlStatements);
      counts.push(sqlStatements);
    }
    expect(new Set(counts).size).toBe(1);
    // BEGIN+settings, page, count, villages, teams, parent teams, events, COMMIT.
    expect(counts[0]).toBeLessThanOrEqual(8);
  });

  it("household(id) with village, team and events: one statement between BEGIN and COMMIT, the loaders' answer", async () => {
    const fields = `id code stage ownerIdNumber village { name township { code } } team { name homeTownship { code } }
      events { seq kind fromStage toStage version actor payload reason occurredAt team { code } }`;
    const page = await asUser<{ households: { edges: { node: { id: string; events: unknown[] } }[] } }>(
      gateway.url,
      'baitang.commander',
      `{ households(first: 1, filter: { stages: [SIGNED] }) { edges { node { ${fields} } } } }`,
    );
    const listed = page.data!.households.edges[0]!.node;
    const detail = await asUser<{ household: unknown }>(
      gateway.url,
      'baitang.commander',
      `query ($id: ID!) { household(id: $id) { ${fields} } }`,
      { id: listed.id },
    );
    expect(detail.errors).toBeUndefined();
    expect(detail.data!.household).toEqual(listed);
    expect(listed.events.length).toBeGreaterThanOrEqual(3);
    // BEGIN+settings, the household with its village, team and events, COMMIT.
    expect(Number(detail.extensions?.sqlStatements)).toBe(3);
  });
});
