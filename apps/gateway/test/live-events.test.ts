import type { Client } from 'graphql-ws';
import type pg from 'pg';
import type { Gateway } from '../src/server.js';
import { createSeededDatabase, type TestDatabase } from './helpers/database.js';
import { wsClient } from './helpers/graphql.js';
import { startTestGateway } from './helpers/in-process.js';
import { Collector, leadHeadquarters, ownerPool, recordMilestone, sleep, writeLive } from './helpers/live.js';
import { tokenFor } from './helpers/sessions.js';

type Row = { rank: number; scopeCode: string; signed: number; households: number; rankChange: number | null };
type Board = { leaderboardChanged: Row[] };
type Gauge = { campaignProgress: { signedAreaM2: number; day: number; daysLeft: number } };
type Reached = {
  milestoneReached: {
    id: string;
    seq: string;
    cursor: string;
    scopeKind: string;
    scopeCode: string;
    kind: string;
    threshold: number;
    reachedAt: string;
    township: { code: string } | null;
    headquarters: { code: string } | null;
  };
};

const BOARD = `subscription ($board: LeaderboardBoard!) {
  leaderboardChanged(board: $board) { rank scopeCode signed households rankChange } }`;
const GAUGE = 'subscription { campaignProgress { signedAreaM2 day daysLeft } }';
const MILESTONES = `subscription { milestoneReached {
  id seq cursor scopeKind scopeCode kind threshold reachedAt township { code } headquarters { code } } }`;

// One subscriber of every tenant kind, all on one gateway, fed by a write committed as the write path does it.
describe('live events: a commit reaches every tenant kind, a rollback reaches nobody', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  let owner: pg.Pool;
  const clients: Client[] = [];
  const boards = new Map<string, Collector<Board>>();
  let gauge: Collector<Gauge>;
  let reached: Collector<Reached>;

  const connect = async (username: string) => {
    const client = wsClient(gateway.url, {
      authorization: `Bearer ${await tokenFor(gateway.url, username)}`,
    });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    db = await createSeededDatabase();
    gateway = await startTestGateway(db.url);
    owner = ownerPool(db.url);
    for (const username of ['baitang.viewer', 'baitang-lake.commander', 'district.inspector']) {
      boards.set(username, new Collector<Board>(await connect(username), BOARD, { board: 'HEADQUARTERS' }));
    }
    gauge = new Collector<Gauge>(await connect('food-park.viewer'), GAUGE);
    reached = new Collector<Reached>(await connect('qiulu.cadre'), MILESTONES);
    // The current board and gauge arrive at once on subscribe.
    for (const board of boards.values()) await board.waitFor(1);
    await gauge.waitFor(1);
    await sleep(100); // the milestone stream has no initial item: give its subscription time to register
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await owner?.end();
    await gateway?.stop();
    await db?.drop();
  });

  it('sends the current board first, ranked, with no rank change yet', () => {
    for (const board of boards.values()) {
      const rows = board.items[0]?.data?.leaderboardChanged ?? [];
      expect(rows).toHaveLength(7);
      expect(rows[0]?.rank).toBe(1);
      expect(rows.every((r) => r.rankChange === null)).toBe(true);
    }
  });

  it('a committed signing moves every board, the gauge and reaches the milestone subscriber', async () => {
    const before = boards.get('district.inspector')!.items[0]!.data!.leaderboardChanged;
    const previousRank = before.find((r) => r.scopeCode === 'food-park')!.rank;
    const signedBefore = gauge.items[0]!.data!.campaignProgress.signedAreaM2;
    const events = await writeLive(owner, async (client) => {
      await leadHeadquarters(client, 'food-park');
      await client.query(
        `UPDATE progress_counter SET signed_area_m2 = signed_area_m2 + 1234.5
         WHERE scope_kind = 'campaign' AND scope_code = 'main'`,
      );
      return [{ t: 'progress' }, await recordMilestone(client, 'food-park')];
    });
    const milestone = events[1] as { milestoneId: string; seq: string };

    for (const [username, board] of boards) {
      await board.waitFor(2);
      const rows = board.items[1]?.data?.leaderboardChanged ?? [];
      const top = rows[0]!;
      expect({ username, scopeCode: top.scopeCode, rank: top.rank }).toEqual({
        username,
        scopeCode: 'food-park',
        rank: 1,
      });
      expect(top.signed).toBe(top.households);
      expect(top.rankChange).toBe(previousRank - 1);
    }
    await gauge.waitFor(2);
    expect(gauge.items[1]?.data?.campaignProgress.signedAreaM2).toBeCloseTo(signedBefore + 1234.5, 2);

    const [first] = await reached.waitFor(1);
    expect(first?.errors).toBeUndefined();
    expect(first?.data?.milestoneReached).toMatchObject({
      id: milestone.milestoneId,
      seq: milestone.seq,
      scopeKind: 'headquarters',
      scopeCode: 'food-park',
      kind: 'SIGNED_PCT',
      township: null,
      headquarters: { code: 'food-park' },
    });
    expect(first?.data?.milestoneReached.cursor).toEqual(expect.any(String));
  });

  it('a rolled-back write reaches nobody', async () => {
    const counts = () => [
      ...[...boards.values()].map((b) => b.items.length),
      gauge.items.length,
      reached.items.length,
    ];
    const before = counts();
    await writeLive(
      owner,
      async (client) => {
        await leadHeadquarters(client, 'coastal-park', 95_000_000);
        return [{ t: 'progress' }, await recordMilestone(client, 'coastal-park')];
      },
      { rollback: true },
    );
    await sleep(500);
    expect(counts()).toEqual(before);
    const { rows } = await owner.query(
      `SELECT 1 FROM milestone WHERE scope_code = 'coastal-park' AND threshold > 1000`,
    );
    expect(rows).toHaveLength(0);
  });
});
