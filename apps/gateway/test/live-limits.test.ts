import type { Client } from 'graphql-ws';
import type pg from 'pg';
import type { Gateway } from '../src/server.js';
import { createSeededDatabase, type TestDatabase } from './helpers/database.js';
import { gql, wsClient } from './helpers/graphql.js';
import { startTestGateway } from './helpers/in-process.js';
import { Collector, leadHeadquarters, ownerPool, writeLive } from './helpers/live.js';
import { tokenFor } from './helpers/sessions.js';

type Formatted = { message: string; locations?: unknown; extensions?: Record<string, unknown> };

const nest = (levels: number, inner: string): string =>
  levels === 0 ? inner : `events { household { ${nest(levels - 1, inner)} } }`;

// Each is rejected over HTTP; the same text must be rejected identically on a socket.
const ABUSIVE: [string, string, string][] = [
  ['too deep', 'QUERY_TOO_COMPLEX', `subscription { householdChanged { ${nest(6, 'id')} } }`],
  [
    'too many aliases',
    'QUERY_TOO_COMPLEX',
    `subscription { leaderboardChanged(board: TEAM) { ${Array.from({ length: 16 }, (_, i) => `a${i}: rank`).join(' ')} } }`,
  ],
  ['too costly', 'QUERY_TOO_COMPLEX', `subscription { householdChanged { ${nest(4, 'id '.repeat(600))} } }`],
  ['unparsable', 'BAD_USER_INPUT', 'subscription { leaderboardChanged(board: TEAM) { rank '],
  [
    'invalid (field suggestion hidden)',
    'BAD_USER_INPUT',
    'subscription { leaderboardChanged(board: TEAM) { rnk } }',
  ],
  ['too many tokens', 'BAD_USER_INPUT', `subscription { campaignProgress { ${'day '.repeat(2_100)} } }`],
];

describe('query limits: an abusive subscription is refused on the socket exactly as over HTTP', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  let owner: pg.Pool;
  let client: Client;
  let token: string;
  let board: Collector<{ leaderboardChanged: { scopeCode: string }[] }>;

  beforeAll(async () => {
    db = await createSeededDatabase();
    gateway = await startTestGateway(db.url);
    owner = ownerPool(db.url);
    token = await tokenFor(gateway.url, 'baitang-lake.viewer');
    client = wsClient(gateway.url, { authorization: `Bearer ${token}` });
    board = new Collector(client, 'subscription { leaderboardChanged(board: HEADQUARTERS) { scopeCode } }');
    await board.waitFor(1);
  });
  afterAll(async () => {
    await client?.dispose();
    await owner?.end();
    await gateway?.stop();
    await db?.drop();
  });

  it.each(ABUSIVE)('%s: same message and extensions (%s) on both paths', async (_name, code, query) => {
    const overHttp = await gql(gateway.url, query, {}, { authorization: `Bearer ${token}` });
    expect(overHttp.status).toBe(400);
    expect(overHttp.errors?.[0]).toMatchObject({ extensions: { code } });

    const overWs = await wsErrors(client, query);
    expect(overWs).toEqual(overHttp.errors);
  });

  it('a variable of the wrong type: BAD_USER_INPUT on both paths', async () => {
    const query = 'subscription ($b: LeaderboardBoard!) { leaderboardChanged(board: $b) { rank } }';
    const overHttp = await gql(gateway.url, query, { b: 'NOPE' }, { authorization: `Bearer ${token}` });
    expect(overHttp.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const [overWs] = await new Collector(client, query, { b: 'NOPE' }).waitFor(1);
    expect(overWs?.errors).toEqual(overHttp.errors);
  });

  it('a subscription POSTed over HTTP is told where subscriptions are served', async () => {
    const result = await gql(
      gateway.url,
      'subscription { campaignProgress { day } }',
      {},
      { authorization: `Bearer ${token}` },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/WebSocket/);
  });

  it('the socket and its other subscription survive every refusal', async () => {
    const seen = board.items.length;
    await writeLive(owner, async (c) => {
      await leadHeadquarters(c, 'hanjiang-station');
      return [{ t: 'progress' }];
    });
    await board.waitFor(seen + 1);
    expect(board.last?.data?.leaderboardChanged[0]?.scopeCode).toBe('hanjiang-station');
    expect(board.failure).toBeNull();
  });
});

/** The `error` message graphql-ws delivers for an operation refused before execution. */
function wsErrors(client: Client, query: string): Promise<Formatted[]> {
  return new Promise((resolve, reject) => {
    client.subscribe(
      { query },
      {
        next: (value) => reject(new Error(`unexpected result ${JSON.stringify(value)}`)),
        error: (errors) => resolve(errors as Formatted[]),
        complete: () => reject(new Error('completed without an error')),
      },
    );
  });
}
