// Issue 13 item 12: malformed input is the caller's mistake — BAD_USER_INPUT, never INTERNAL_SERVER_ERROR:
// ids that are not UUIDs, forged cursors, NUL characters in any String input, and amounts or areas past the
// domain's plausible bounds (packages/domain transition-payload.ts).
import { randomUUID } from 'node:crypto';
import { gql, type GraphQLResponse } from './helpers/graphql.js';
import { closeSeededGateway, openSeededGateway, type SeededGateway } from './helpers/seeded-gateway.js';
import { tokenFor } from './helpers/sessions.js';
import { ADVANCE, REVERT } from './helpers/workflow.js';

const NOT_A_UUID = 'not-a-uuid';
const DASHES = '-'.repeat(36); // once passed the resolver's loose check and failed in SQL
const cursor = (sortValue: string, id: string) =>
  Buffer.from(JSON.stringify([sortValue, id])).toString('base64url');

function expectBadInput(answer: GraphQLResponse<unknown>): void {
  expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(expect.arrayContaining(['BAD_USER_INPUT']));
  for (const error of answer.errors ?? []) {
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.messageZh).toEqual(expect.any(String));
  }
}

describe('bad input answers BAD_USER_INPUT', () => {
  let opened: SeededGateway;
  let auth: Record<string, string>;
  let as = <T>(query: string, variables?: Record<string, unknown>) =>
    gql<T>(opened.gateway.url, query, variables, auth);

  beforeAll(async () => {
    opened = await openSeededGateway();
    auth = { authorization: `Bearer ${await tokenFor(opened.gateway.url, 'baitang.commander')}` };
    as = <T>(query: string, variables?: Record<string, unknown>) =>
      gql<T>(opened.gateway.url, query, variables, auth);
  });
  afterAll(async () => {
    await closeSeededGateway(opened ?? {});
  });

  async function householdAt(stage: string): Promise<{ id: string; version: number }> {
    const { rows } = await opened.owner.query<{ id: string; version: number }>(
      `SELECT h.id, h.version FROM household h JOIN headquarters q ON q.id = h.headquarters_id
        JOIN township t ON t.id = h.township_id
       WHERE q.code = 'baitang-lake' AND t.code = 'baitang' AND h.stage = $1 ORDER BY h.code LIMIT 1`,
      [stage],
    );
    return rows[0]!;
  }

  it.each([NOT_A_UUID, DASHES])('household(id: %j) and householdEvents', async (id) => {
    expectBadInput(await as('query ($id: ID!) { household(id: $id) { id } }', { id }));
    expectBadInput(await as('query ($id: ID!) { householdEvents(householdId: $id) { id } }', { id }));
  });

  it('a bad id does not spoil the other fields of the operation', async () => {
    const answer = await as<{ campaign: { day: number } | null }>(
      'query ($id: ID!) { household(id: $id) { id } campaign { day } }',
      { id: DASHES },
    );
    expectBadInput(answer);
    expect(typeof answer.data?.campaign?.day).toBe('number');
  });

  it.each([NOT_A_UUID, DASHES])(
    'advanceStage and revertStage with id %j (assignTeam: NOT_FOUND)',
    async (id) => {
      const key = randomUUID();
      expectBadInput(
        await as(ADVANCE, {
          input: { householdId: id, toStage: 'MEASURED', idempotencyKey: key, expectedVersion: 1 },
        }),
      );
      expectBadInput(
        await as(REVERT, {
          input: { householdId: id, reason: '录入错误', idempotencyKey: key, expectedVersion: 1 },
        }),
      );
      // Assignment names the ids it cannot find (NOT_FOUND with the list) — malformed ones included, by design.
      const assign = await as(
        'mutation ($input: TeamAssignmentInput!) { assignTeam(input: $input) { __typename } }',
        { input: { teamId: id, householdIds: [id] } },
      );
      expect(assign.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', teamId: id });
    },
  );

  const PAGE = `query ($after: String, $field: HouseholdOrderField!) {
    households(first: 2, after: $after, orderBy: { field: $field }) { edges { cursor } } }`;

  it.each([
    ['BUILDING_AREA', cursor('a lot', randomUUID())],
    ['BUILDING_AREA', cursor('1e400', randomUUID())],
    ['UPDATED_AT', cursor('yesterday', randomUUID())],
    ['UPDATED_AT', cursor('2026-13-45 25:61:61+00', randomUUID())],
    ['CODE', cursor('BT-0001', NOT_A_UUID)],
    ['CODE', cursor('BT-0001', DASHES)],
    ['CODE', 'not base64 json'],
  ])('a forged cursor sorting by %s', async (field, after) => {
    expectBadInput(await as(PAGE, { after, field }));
  });

  it('cursors the gateway gave out still page, for every sort key', async () => {
    for (const field of ['CODE', 'BUILDING_AREA', 'UPDATED_AT']) {
      const first = await as<{ households: { edges: { cursor: string }[] } }>(PAGE, { field });
      const after = first.data!.households.edges.at(-1)!.cursor;
      const next = await as<{ households: { edges: { cursor: string }[] } }>(PAGE, { after, field });
      expect(next.errors).toBeUndefined();
      expect(next.data?.households.edges.length).toBeGreaterThan(0);
    }
  });

  it('a NUL character in a search, a login or an idempotency key — in variables or inline', async () => {
    const search = 'query ($s: String) { households(first: 1, filter: { search: $s }) { totalCount } }';
    const answers = [
      await as(search, { s: 'a\u0000b' }),
      await as('{ households(first: 1, filter: { search: "a\\u0000b" }) { totalCount } }'),
      await gql(
        opened.gateway.url,
        'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        { u: 'baitang.viewer\u0000', p: 'x' },
      ),
      await gql(
        opened.gateway.url,
        'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        { u: 'baitang.viewer', p: 'pass\u0000word' },
      ),
      await as(ADVANCE, {
        input: {
          householdId: (await householdAt('SURVEYED')).id,
          toStage: 'MEASURED',
          idempotencyKey: `key-\u0000-${randomUUID()}`,
          expectedVersion: 1,
          measuredBuildingAreaM2: 100,
          measuredLandAreaM2: 100,
        },
      }),
    ];
    for (const answer of answers) {
      expectBadInput(answer);
      expect(answer.status).toBe(400);
    }
  });

  it('an agreed amount of 90,071,992,547,409.91 yuan is refused with the domain bound, and nothing is written', async () => {
    const household = await householdAt('ASSESSED');
    const answer = await as(ADVANCE, {
      input: {
        householdId: household.id,
        toStage: 'SIGNED',
        idempotencyKey: randomUUID(),
        expectedVersion: household.version,
        agreedAmountYuan: '90071992547409.91',
        compensationChoice: 'CASH',
      },
    });
    expectBadInput(answer);
    expect(answer.errors?.[0]?.extensions?.fields).toEqual(['agreedAmountFen']);
    expect(answer.errors?.[0]?.extensions?.messageEn).toMatch(/1,000,000,000\.00 yuan/);
    const { rows } = await opened.owner.query<{ stage: string }>(
      'SELECT stage FROM household WHERE id = $1',
      [household.id],
    );
    expect(rows[0]?.stage).toBe('ASSESSED');
  });

  it('a measured area past the bound is refused, every problem at once', async () => {
    const household = await householdAt('SURVEYED');
    const answer = await as(ADVANCE, {
      input: {
        householdId: household.id,
        toStage: 'MEASURED',
        idempotencyKey: randomUUID(),
        expectedVersion: household.version,
        measuredBuildingAreaM2: 1e9,
        measuredLandAreaM2: 1e12,
      },
    });
    expectBadInput(answer);
    expect(answer.errors?.[0]?.extensions?.fields).toEqual(['measuredBuildingAreaM2', 'measuredLandAreaM2']);
  });
});
