import type pg from 'pg';
import type { Gateway } from '../src/server.js';
import { createSeededDatabase, type TestDatabase } from './helpers/database.js';
import { gql, wsClient } from './helpers/graphql.js';
import { startTestGateway } from './helpers/in-process.js';
import { closeCodeOf, Collector, leadHeadquarters, ownerPool, sleep, writeLive } from './helpers/live.js';
import { RawSocket, tokenWithTtl } from './helpers/live-socket.js';
import { tokenFor } from './helpers/sessions.js';

const BOARD = 'subscription { leaderboardChanged(board: HEADQUARTERS) { rank scopeCode } }';
const RENEW = 'mutation ($t: String!) { renewSocketToken(token: $t) { subject expiresAt } }';
type Board = { leaderboardChanged: { rank: number; scopeCode: string }[] };

describe('socket auth: expiry closes with 4403 unless the token is renewed in-band', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  let owner: pg.Pool;
  let area = 50_000_000;

  /** A committed progress change (a different leader each time, so every board really changes). */
  const progress = () =>
    writeLive(owner, async (client) => {
      area += 1_000_000;
      await leadHeadquarters(client, 'university-town', area);
      return [{ t: 'progress' }];
    });

  beforeAll(async () => {
    db = await createSeededDatabase();
    gateway = await startTestGateway(db.url);
    owner = ownerPool(db.url);
  });
  afterAll(async () => {
    await owner?.end();
    await gateway?.stop();
    await db?.drop();
  });

  it('closes the socket with 4403 "token expired" when the token expires', async () => {
    const token = await tokenWithTtl(gateway.url, 'baitang.viewer', 2);
    const client = wsClient(gateway.url, { authorization: `Bearer ${token}` });
    const closed = closeCodeOf(client);
    const board = new Collector<Board>(client, BOARD);
    await board.waitFor(1);
    const started = Date.now();
    expect(await closed).toEqual({ code: 4403, reason: 'Forbidden: token expired' });
    expect(Date.now() - started).toBeLessThan(3_500);
    await client.dispose();
  });

  it('a renewal in a ping payload keeps every stream going past the old expiry', async () => {
    const socket = await RawSocket.open(
      gateway.url,
      `Bearer ${await tokenWithTtl(gateway.url, 'baitang.viewer', 2)}`,
    );
    socket.subscribe('b', BOARD);
    await socket.waitFor((m) => m.id === 'b' && m.type === 'next');
    socket.ping({ renewToken: await tokenWithTtl(gateway.url, 'baitang.viewer', 600) });
    await socket.waitFor((m) => m.type === 'pong');
    await sleep(2_500); // past the first token's expiry
    expect(socket.isOpen).toBe(true);
    await progress();
    await socket.waitFor(() => socket.results('b').length >= 2);
    expect(socket.isOpen).toBe(true);
    socket.close();
  });

  it('a renewal through renewSocketToken on the same socket does the same, and says until when', async () => {
    const client = wsClient(gateway.url, {
      authorization: `Bearer ${await tokenWithTtl(gateway.url, 'food-park.commander', 2)}`,
    });
    const board = new Collector<Board>(client, BOARD);
    await board.waitFor(1);
    const renewed = new Collector<{ renewSocketToken: { subject: string; expiresAt: string } }>(
      client,
      RENEW,
      {
        t: await tokenWithTtl(gateway.url, 'food-park.commander', 600),
      },
    );
    const [answer] = await renewed.waitFor(1);
    expect(answer?.errors).toBeUndefined();
    expect(answer?.data?.renewSocketToken.subject).toBe('food-park.commander');
    expect(new Date(answer!.data!.renewSocketToken.expiresAt).getTime()).toBeGreaterThan(
      Date.now() + 500_000,
    );
    await sleep(2_500);
    await progress();
    await board.waitFor(2);
    expect(board.failure).toBeNull();
    await client.dispose();
  });

  it('refuses a renewal for another subject: FORBIDDEN by mutation, 4403 by ping', async () => {
    const client = wsClient(gateway.url, {
      authorization: `Bearer ${await tokenWithTtl(gateway.url, 'baitang.viewer', 600)}`,
    });
    const refused = new Collector(client, RENEW, { t: await tokenFor(gateway.url, 'district.admin') });
    const [answer] = await refused.waitFor(1);
    expect(answer?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const board = new Collector<Board>(client, BOARD); // the socket is still there
    await board.waitFor(1);
    await client.dispose();

    const socket = await RawSocket.open(
      gateway.url,
      `Bearer ${await tokenFor(gateway.url, 'baitang.viewer')}`,
    );
    socket.ping({ renewToken: await tokenFor(gateway.url, 'baitang.commander') });
    const closed = await socket.closed;
    expect(closed.code).toBe(4403);
    expect(closed.reason).toMatch(/renewal refused \(FORBIDDEN\)/);
  });

  it('an invalid token closes with 4401; no token subscribes to nothing but is told UNAUTHENTICATED', async () => {
    const bad = await RawSocket.open(gateway.url, 'Bearer not-a-token');
    expect((await bad.closed).code).toBe(4401);
    const anonymous = wsClient(gateway.url);
    const board = new Collector<Board>(anonymous, BOARD);
    const [result] = await board.waitFor(1);
    expect(result?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await anonymous.dispose();
  });

  it('accepts no other mutation on the socket (writes go over HTTP), and renewSocketToken only on a socket', async () => {
    const client = wsClient(gateway.url, {
      authorization: `Bearer ${await tokenFor(gateway.url, 'baitang.commander')}`,
    });
    const login = new Collector(client, 'mutation { login(username: "x", password: "yyyyyyyy") { token } }');
    expect((await login.refusal())[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const me = new Collector<{ me: { subject: string } }>(client, '{ me { subject } }'); // queries are fine
    expect((await me.waitFor(1))[0]?.data?.me.subject).toBe('baitang.commander');
    await client.dispose();
    const overHttp = await gql(gateway.url, RENEW, { t: 'x' });
    expect(overHttp.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
