import type { Client } from 'graphql-ws';
import type pg from 'pg';
import { fanoutDelta, fanoutStats } from '../src/live/fanout-stats.js';
import type { Gateway } from '../src/server.js';
import { createSeededDatabase, type TestDatabase } from './helpers/database.js';
import { wsClient } from './helpers/graphql.js';
import { startTestGateway } from './helpers/in-process.js';
import { Collector, leadHeadquarters, ownerPool, sleep, writeLive } from './helpers/live.js';
import { tokenFor } from './helpers/sessions.js';

type Board = { leaderboardChanged: { scopeCode: string; rank: number }[] };
const BOARD = 'subscription Board { leaderboardChanged(board: HEADQUARTERS) { scopeCode rank rankChange } }';
// The same operation written differently: printing normalises it, so it joins the same group.
const BOARD_REFORMATTED = `subscription Board {
  leaderboardChanged(board: HEADQUARTERS) { scopeCode  rank   rankChange }
}`;
const PRINCIPALS = ['baitang.viewer', 'baisha.viewer', 'district.admin'];

describe('fan-out: one execution per group per burst, whatever the number of subscribers', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  let owner: pg.Pool;
  const clients: Client[] = [];
  const boards: Collector<Board>[] = [];
  let area = 80_000_000;
  const leaders = ['food-park', 'coastal-park', 'university-town', 'baitang-lake', 'hanjiang-station'];

  const subscribe = async (username: string, query = BOARD) => {
    const client = wsClient(gateway.url, {
      authorization: `Bearer ${await tokenFor(gateway.url, username)}`,
    });
    clients.push(client);
    const board = new Collector<Board>(client, query);
    boards.push(board);
    return board;
  };
  /** Five signings committed within a few milliseconds, each with its own NOTIFY. */
  const burst = () =>
    Promise.all(
      leaders.map((code) =>
        writeLive(owner, async (client) => {
          area += 1_000_000;
          await leadHeadquarters(client, code, area);
          return [{ t: 'progress' }];
        }),
      ),
    );

  beforeAll(async () => {
    db = await createSeededDatabase();
    gateway = await startTestGateway(db.url);
    owner = ownerPool(db.url);
    for (const username of PRINCIPALS) {
      for (let i = 0; i < 8; i += 1) await subscribe(username, i % 2 ? BOARD_REFORMATTED : BOARD);
    }
    for (const board of boards) await board.waitFor(1);
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await owner?.end();
    await gateway?.stop();
    await db?.drop();
  });

  it('a burst of 5 signings: each of 24 subscribers (3 tenants) gets ONE new board from ONE execution', async () => {
    const before = fanoutStats();
    // Boards read only the public counters: every signed-in subscriber shares one group, whatever its tenant.
    expect(before.groups).toBe(1);
    expect(before.members).toBe(24);
    const counts = boards.map((b) => b.items.length);
    await burst();
    for (const [i, board] of boards.entries()) await board.waitFor(counts[i]! + 1);
    await sleep(400);
    expect(boards.map((b, i) => b.items.length - counts[i]!)).toEqual(boards.map(() => 1));
    const delta = fanoutDelta(before);
    expect(delta).toMatchObject({ busEvents: 5, executions: 1, deliveries: 24 });
    // BEGIN+role+settings, the board query, COMMIT — per group, not per subscriber or tenant.
    expect(delta.sqlStatements).toBe(3);
  });

  it('SQL per event does not grow with subscribers; a late joiner gets the current board without SQL', async () => {
    let before = fanoutStats();
    const late: Collector<Board>[] = [];
    for (const username of PRINCIPALS) for (let i = 0; i < 6; i += 1) late.push(await subscribe(username));
    for (const board of late) await board.waitFor(1);
    expect(fanoutDelta(before)).toMatchObject({ executions: 0, sqlStatements: 0, groups: 1, members: 42 });

    before = fanoutStats();
    const counts = boards.map((b) => b.items.length);
    await burst();
    for (const [i, board] of boards.entries()) await board.waitFor(counts[i]! + 1);
    await sleep(300);
    expect(fanoutDelta(before)).toMatchObject({ executions: 1, sqlStatements: 3, deliveries: 42 });
    // Every subscriber of every group saw the same board, with rank changes against the previous one.
    const tops = boards.map((b) => b.last?.data?.leaderboardChanged[0]?.scopeCode);
    expect(new Set(tops).size).toBe(1);
    expect(leaders).toContain(tops[0]);
  });

  it('the last subscriber leaving closes its group', async () => {
    const before = fanoutStats();
    const lone = await subscribe('qiulu.viewer', BOARD.replace('HEADQUARTERS', 'TOWNSHIP'));
    await lone.waitFor(1);
    expect(fanoutStats().groups).toBe(before.groups + 1);
    lone.stop();
    await sleep(100);
    expect(fanoutStats()).toMatchObject({ groups: before.groups, members: before.members });
  });

  it('tenant-filtered streams still group per visibility: householdChanged from 2 townships, 2 sockets each', async () => {
    const before = fanoutStats();
    const CHANGED = 'subscription { householdChanged { id stage } }';
    for (const username of ['baitang.viewer', 'baisha.viewer']) {
      for (let i = 0; i < 2; i += 1) await subscribe(username, CHANGED);
    }
    for (let waited = 0; fanoutStats().members < before.members + 4 && waited < 5_000; waited += 50)
      await sleep(50);
    expect(fanoutStats()).toMatchObject({ groups: before.groups + 2, members: before.members + 4 });
  });
});
