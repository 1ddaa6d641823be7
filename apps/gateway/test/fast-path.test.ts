import type pg from 'pg';
import { closeSeededGateway, openSeededGateway, type SeededGateway } from './helpers/seeded-gateway.js';
import { tokenFor } from './helpers/sessions.js';

/**
 * The compiled fast path (src/http/fast-path.ts) must answer exactly as Apollo's pipeline does. A request
 * carrying `extensions` always goes to Apollo, so the same operation is sent both ways and the answers compared.
 * Apollo pretty-prints its JSON and the fast path does not, which tells which path answered.
 */
interface Answer {
  status: number;
  text: string;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

const LIST = `query Page($first: Int!) { households(first: $first) { ...Page } }
  fragment Page on HouseholdConnection {
    edges { cursor node { id code stage ownerName ownerIdNumber phone piiMasked landAreaMu agreedAmountYuan
      village { name township { code } } team { name homeTownship { code } } township { code } headquarters { code } } }
    pageInfo { hasNextPage endCursor } totalCount }`;

const CASES: [string, string, Record<string, unknown>, string][] = [
  ['a page with fragments, relations and masked personal data', LIST, { first: 20 }, 'baitang-lake.viewer'],
  ['the same page for the township, unmasked', LIST, { first: 20 }, 'baitang.commander'],
  [
    'detail with events',
    '{ households(first: 2) { edges { node { code events { seq kind toStage team { code } } } } } }',
    {},
    'baitang.cadre',
  ],
  [
    'boards and the gauge',
    '{ campaign { day signedAreaM2 } leaderboard(board: TEAM) { rank name signedPct } }',
    {},
    'district.inspector',
  ],
  [
    'a public error from a resolver (first out of range)',
    '{ households(first: 1000) { totalCount } }',
    {},
    'baitang.viewer',
  ],
  [
    'a refused mutation (a viewer may not sign)',
    'mutation ($id: ID!) { advanceStage(input: { householdId: $id, toStage: MEASURED, expectedVersion: 1, idempotencyKey: "fast-path-viewer" }) { stage } }',
    { id: '00000000-0000-4000-8000-000000000000' },
    'baitang.viewer',
  ],
  ['anonymous', '{ households(first: 1) { totalCount } }', {}, ''],
];

describe('the compiled fast path answers exactly as Apollo does', () => {
  let opened: SeededGateway;
  let owner: pg.Pool;

  const send = async (body: object, headers: Record<string, string>): Promise<Answer> => {
    const response = await fetch(opened.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) as Answer['body'] };
  };
  const auth = async (username: string): Promise<Record<string, string>> =>
    username ? { authorization: `Bearer ${await tokenFor(opened.gateway.url, username)}` } : {};

  beforeAll(async () => {
    opened = await openSeededGateway();
    owner = opened.owner;
  });
  afterAll(() => closeSeededGateway(opened));

  it.each(CASES)('%s', async (_name, query, variables, username) => {
    const headers = await auth(username);
    const fast = await send({ query, variables }, headers);
    const apollo = await send({ query, variables, extensions: {} }, headers);
    expect(fast.text).not.toContain('\n');
    expect(apollo.text).toContain('\n');
    expect(fast.status).toBe(apollo.status);
    expect(fast.body).toEqual(apollo.body);
    expect(fast.body.data ?? fast.body.errors).toBeTruthy();
  });

  it('a variable that does not coerce goes to Apollo: 400 BAD_USER_INPUT, as before', async () => {
    const answer = await send(
      { query: 'query ($n: Int!) { households(first: $n) { totalCount } }', variables: { n: 'many' } },
      await auth('baitang.viewer'),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('an input field left to its default is filled in (graphql-jit alone would refuse it)', async () => {
    const answer = await send(
      {
        query: 'query ($o: HouseholdOrder) { households(first: 3, orderBy: $o) { edges { node { code } } } }',
        variables: { o: { field: 'CODE' } },
      },
      await auth('baitang.viewer'),
    );
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    const codes = (
      answer.body.data as { households: { edges: { node: { code: string } }[] } }
    ).households.edges.map((e) => e.node.code);
    expect(codes).toEqual([...codes].sort());
  });

  it('invalid documents, bad tokens and GET keep Apollo’s answers', async () => {
    const invalid = await send({ query: '{ households(first: 1) { nope } }' }, await auth('baitang.viewer'));
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const forged = await send({ query: '{ campaign { day } }' }, { authorization: 'Bearer not.a.token' });
    expect(forged.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const viaGet = await fetch(`${opened.gateway.url}?query=${encodeURIComponent('{ campaign { day } }')}`, {
      headers: { ...(await auth('baitang.viewer')), 'apollo-require-preflight': '1' },
    });
    expect(((await viaGet.json()) as Answer['body']).data).toMatchObject({
      campaign: { day: expect.any(Number) },
    });
  });

  it('a mutation on the fast path commits with its audit row; a failed one leaves nothing', async () => {
    const { rows } = await owner.query<{ id: string; version: number }>(
      `SELECT h.id, h.version FROM household h JOIN township t ON t.id = h.township_id
       WHERE t.code = 'baitang' AND h.stage = 'ASSESSED' AND h.team_id IS NOT NULL ORDER BY h.code LIMIT 1`,
    );
    const target = rows[0]!;
    // This mutation's committed rows only: refusals (the anonymous attempt below) and sign-ins are audited too, in
    // batches written off the request path, so they may land at any point of this test.
    const audit = async () =>
      (
        await owner.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_log WHERE operation = 'advanceStage' AND outcome = 'ok'`,
        )
      ).rows[0]!.n;
    const headers = await auth('baitang.commander'); // a login is a mutation too: audited before counting
    const before = await audit();
    const sign = (version: number, key: string) =>
      send(
        {
          query: `mutation ($id: ID!, $v: Int!, $k: String!) { advanceStage(input: { householdId: $id, toStage: SIGNED,
            expectedVersion: $v, idempotencyKey: $k, agreedAmountYuan: "100000.00", compensationChoice: CASH }) { stage version } }`,
          variables: { id: target.id, v: version, k: key },
        },
        {},
      );
    const signBy = async (version: number, key: string) =>
      send(
        {
          query: `mutation ($id: ID!, $v: Int!, $k: String!) { advanceStage(input: { householdId: $id, toStage: SIGNED,
            expectedVersion: $v, idempotencyKey: $k, agreedAmountYuan: "100000.00", compensationChoice: CASH }) { stage version } }`,
          variables: { id: target.id, v: version, k: key },
        },
        headers,
      );
    expect((await sign(target.version, 'fast-path-anonymous')).body.errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const stale = await signBy(target.version - 1, 'fast-path-stale');
    expect(stale.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await audit()).toBe(before);
    const signed = await signBy(target.version, 'fast-path-signed');
    if (signed.body.errors) throw new Error(JSON.stringify(signed.body.errors));
    expect(signed.text).not.toContain('\n');
    expect(signed.body.data).toEqual({ advanceStage: { stage: 'SIGNED', version: target.version + 1 } });
    expect(await audit()).toBe(before + 1);
  });

  it('a body that is not JSON gets 400 BAD_USER_INPUT as JSON, in both languages', async () => {
    const response = await fetch(opened.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "{ campaign { day } }"',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Answer['body'];
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      messageZh: expect.any(String),
    });
  });

  it('keeps a well-formed x-request-id and makes one otherwise, on the fast path too', async () => {
    const headers = { 'content-type': 'application/json', ...(await auth('baitang.viewer')) };
    const body = JSON.stringify({ query: '{ campaign { day } }' });
    const given = await fetch(opened.gateway.url, {
      method: 'POST',
      headers: { ...headers, 'x-request-id': 'screen-42-request-7' },
      body,
    });
    expect(given.headers.get('x-request-id')).toBe('screen-42-request-7');
    const made = await fetch(opened.gateway.url, { method: 'POST', headers, body });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await made.text()).not.toContain('\n');
  });

  it('a chunked body (no content-length) is answered the same, through express', async () => {
    const query = '{ leaderboard(board: HEADQUARTERS) { rank name } }';
    const headers = { 'content-type': 'application/json', ...(await auth('baitang.viewer')) };
    const chunked = await fetch(opened.gateway.url, {
      method: 'POST',
      headers,
      body: new Blob([JSON.stringify({ query })]).stream(),
      duplex: 'half',
    });
    const plain = await send({ query }, headers);
    expect(chunked.status).toBe(200);
    expect(await chunked.json()).toEqual(plain.body);
  });

  it('a gzip-compressed body is still understood (express inflates it)', async () => {
    const { gzipSync } = await import('node:zlib');
    const query = '{ campaign { day } }';
    const response = await fetch(opened.gateway.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-encoding': 'gzip',
        ...(await auth('baitang.viewer')),
      },
      body: gzipSync(JSON.stringify({ query })),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as Answer['body']).data).toMatchObject({
      campaign: { day: expect.any(Number) },
    });
  });
});
