// @service-pass: its Redis variant runs when REDIS_URL is set (test/service-pass.mjs).
import type { Client } from 'graphql-ws';
import type pg from 'pg';
import type { RedisLiveBus } from '../src/live/redis-live-bus.js';
import type { Gateway } from '../src/server.js';
import { waitFor } from './helpers/child-gateway.js';
import { createSeededDatabase, type TestDatabase } from './helpers/database.js';
import { wsClient } from './helpers/graphql.js';
import { startTestGateway } from './helpers/in-process.js';
import { Collector, leadHeadquarters, ownerPool, sleep, writeLive } from './helpers/live.js';
import { tokenFor } from './helpers/sessions.js';
import { advance } from './helpers/workflow.js';

type Board = { leaderboardChanged: { scopeCode: string; signed: number }[] };
type Changed = { householdChanged: { id: string; stage: string; headquarters: { code: string } } };
const BOARD = 'subscription { leaderboardChanged(board: HEADQUARTERS) { scopeCode signed } }';
const CHANGED = 'subscription { householdChanged { id stage headquarters { code } } }';

async function subscribe<T>(gateway: Gateway, username: string, query: string, clients: Client[]) {
  const client = wsClient(gateway.url, { authorization: `Bearer ${await tokenFor(gateway.url, username)}` });
  clients.push(client);
  return new Collector<T>(client, query);
}

describe('replicas on PostgreSQL LISTEN/NOTIFY', () => {
  let db: TestDatabase;
  let one: Gateway;
  let other: Gateway;
  let owner: pg.Pool;
  const clients: Client[] = [];

  beforeAll(async () => {
    db = await createSeededDatabase();
    [one, other] = await Promise.all([startTestGateway(db.url), startTestGateway(db.url)]);
    owner = ownerPool(db.url);
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await owner?.end();
    await Promise.all([one?.stop(), other?.stop()]);
    await db?.drop();
  });

  it('a signing through HTTP on one gateway reaches subscribers on the other, once', async () => {
    const { rows } = await owner.query<{ id: string; version: number; hq: string }>(
      `SELECT h.id, h.version, q.code AS hq FROM household h JOIN headquarters q ON q.id = h.headquarters_id
       WHERE h.stage = 'ASSESSED' ORDER BY h.code LIMIT 1`,
    );
    const household = rows[0]!;
    const board = await subscribe<Board>(other, 'baitang.viewer', BOARD, clients);
    const changed = await subscribe<Changed>(other, 'district.admin', CHANGED, clients);
    const local = await subscribe<Board>(one, 'baitang.viewer', BOARD, clients);
    await board.waitFor(1);
    await local.waitFor(1);
    const signedBefore = board.items[0]!.data!.leaderboardChanged.find(
      (r) => r.scopeCode === household.hq,
    )!.signed;

    const result = await advance(one.url, 'district.admin', household, 'SIGNED');
    expect(result.errors).toBeUndefined();

    const [got] = await changed.waitFor(1);
    expect(got?.data?.householdChanged).toEqual({
      id: household.id,
      stage: 'SIGNED',
      headquarters: { code: household.hq },
    });
    await board.waitFor(2);
    const row = board.items[1]!.data!.leaderboardChanged.find((r) => r.scopeCode === household.hq)!;
    expect(row.signed).toBe(signedBefore + 1);
    await local.waitFor(2);
    await sleep(400);
    expect([board.items.length, local.items.length, changed.items.length]).toEqual([2, 2, 1]);
  });

  it('the listener reconnects after its connection is killed, and boards re-read state', async () => {
    const board = await subscribe<Board>(other, 'qiulu.viewer', BOARD, clients);
    await board.waitFor(1);
    const killed = await owner.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE application_name = 'hanjiang-live' AND datname = current_database()`,
    );
    expect(killed.rowCount).toBe(2); // one dedicated LISTEN connection per gateway
    await board.waitFor(2); // the synthetic resync after reconnecting
    await writeLive(owner, async (client) => {
      await leadHeadquarters(client, 'north-equipment-park');
      return [{ t: 'progress' }];
    });
    await board.waitFor(3);
    expect(board.last?.data?.leaderboardChanged[0]?.scopeCode).toBe('north-equipment-park');
  });
});

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) {
  console.log(
    '[live-replicas] Redis variant skipped: REDIS_URL is not set (e.g. REDIS_URL=redis://127.0.0.1:6379)',
  );
}

(REDIS_URL ? describe : describe.skip)('replicas on Redis (REDIS_URL)', () => {
  let db: TestDatabase;
  let gateways: Gateway[] = [];
  let owner: pg.Pool;
  const clients: Client[] = [];
  const bridged = (g: Gateway) => (g.live.bus as RedisLiveBus).isBridge;

  beforeAll(async () => {
    db = await createSeededDatabase();
    gateways = await Promise.all([0, 1].map(() => startTestGateway(db.url, { REDIS_URL: REDIS_URL! })));
    owner = ownerPool(db.url);
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await owner?.end();
    await Promise.all(gateways.map((g) => g.stop()));
    await db?.drop();
  });

  it('exactly one replica relays NOTIFY; a commit reaches both through Redis, once each', async () => {
    expect(gateways.map((g) => g.live.bus?.kind)).toEqual(['redis', 'redis']);
    expect(gateways.filter(bridged)).toHaveLength(1);
    const boards = await Promise.all(
      gateways.map((g) => subscribe<Board>(g, 'wutang.viewer', BOARD, clients)),
    );
    for (const b of boards) await b.waitFor(1);
    await writeLive(owner, async (client) => {
      await leadHeadquarters(client, 'coastal-park');
      return [{ t: 'progress' }];
    });
    for (const b of boards) await b.waitFor(2);
    await sleep(400);
    expect(boards.map((b) => b.items.length)).toEqual([2, 2]);
    expect(boards.map((b) => b.last?.data?.leaderboardChanged[0]?.scopeCode)).toEqual([
      'coastal-park',
      'coastal-park',
    ]);
  });

  it('when the relaying replica stops, the other takes over and events keep flowing', async () => {
    const leader = gateways.find(bridged)!;
    const survivor = gateways.find((g) => g !== leader)!;
    const board = await subscribe<Board>(survivor, 'dayang.viewer', BOARD, clients);
    await board.waitFor(1);
    await leader.stop();
    gateways = [survivor];
    const deadline = Date.now() + 10_000;
    while (!bridged(survivor) && Date.now() < deadline) await sleep(50);
    expect(bridged(survivor)).toBe(true);
    await writeLive(owner, async (client) => {
      await leadHeadquarters(client, 'old-community-renewal', 95_000_000);
      return [{ t: 'progress' }];
    });
    // The new leader's resync may arrive before or after the commit's update: wait for the new board.
    await waitFor(
      () =>
        board.last?.data?.leaderboardChanged[0]?.scopeCode === 'old-community-renewal' ? true : undefined,
      {
        timeoutMs: 10_000,
        what: 'the board after failover',
      },
    );
  });
});
