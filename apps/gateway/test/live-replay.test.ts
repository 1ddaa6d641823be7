import type { Client } from 'graphql-ws';
import type pg from 'pg';
import { fanoutDelta, fanoutStats } from '../src/live/fanout-stats.js';
import type { Gateway } from '../src/server.js';
import { createSeededDatabase, type TestDatabase } from './helpers/database.js';
import { wsClient } from './helpers/graphql.js';
import { startTestGateway } from './helpers/in-process.js';
import { Collector, ownerPool, recordMilestone, sleep, writeLive } from './helpers/live.js';
import { asUser, tokenFor } from './helpers/sessions.js';

type Reached = { milestoneReached: { id: string; seq: string; cursor: string } };
const REACHED = 'subscription ($after: String) { milestoneReached(after: $after) { id seq cursor } }';

describe('milestoneReached(after:): a reconnecting screen misses nothing and sees nothing twice', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  let owner: pg.Pool;
  const clients: Client[] = [];

  const connect = async (username = 'qiulu.viewer') => {
    const client = wsClient(gateway.url, {
      authorization: `Bearer ${await tokenFor(gateway.url, username)}`,
    });
    clients.push(client);
    return client;
  };
  const record = async () => {
    const [event] = await writeLive(owner, async (client) => [
      await recordMilestone(client, 'university-town'),
    ]);
    return event as { milestoneId: string; seq: string };
  };
  const ids = (c: Collector<Reached>) => c.items.map((i) => i.data?.milestoneReached.id);

  beforeAll(async () => {
    db = await createSeededDatabase();
    gateway = await startTestGateway(db.url);
    owner = ownerPool(db.url);
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await owner?.end();
    await gateway?.stop();
    await db?.drop();
  });

  it('replays what was recorded while disconnected, in order, then continues live', async () => {
    const watcher = new Collector<Reached>(await connect(), REACHED); // stays connected throughout
    const first = await connect();
    const before = new Collector<Reached>(first, REACHED);
    await sleep(200);
    const m1 = await record();
    const [got] = await before.waitFor(1);
    expect(got?.data?.milestoneReached.id).toBe(m1.milestoneId);
    const cursor = got!.data!.milestoneReached.cursor;
    await first.dispose(); // the screen goes offline

    const m2 = await record();
    const m3 = await record();
    await watcher.waitFor(3);

    const again = new Collector<Reached>(await connect(), REACHED, { after: cursor });
    await again.waitFor(2);
    expect(ids(again)).toEqual([m2.milestoneId, m3.milestoneId]);

    // Live after the replay, shared with the watcher: one execution for both subscribers.
    const stats = fanoutStats();
    const m4 = await record();
    await again.waitFor(3);
    await watcher.waitFor(4);
    await sleep(300);
    expect(ids(again)).toEqual([m2.milestoneId, m3.milestoneId, m4.milestoneId]);
    expect(fanoutDelta(stats)).toMatchObject({ executions: 1, deliveries: 2 });
    expect(ids(watcher)).toEqual([m1, m2, m3, m4].map((m) => m.milestoneId));
  });

  it('has no gap and no duplicate at the seam when a milestone commits while the replay runs', async () => {
    const { data } = await asUser<{ milestones: { edges: { cursor: string }[]; totalCount: number } }>(
      gateway.url,
      'qiulu.viewer',
      '{ milestones(first: 100) { totalCount edges { cursor } } }',
    );
    // A cursor a few milestones back, so the replay has work to do while new ones commit.
    const back = await owner.query<{ seq: string }>(
      'SELECT m.seq::text AS seq FROM milestone m ORDER BY m.seq DESC OFFSET 3 LIMIT 1',
    );
    const from = Buffer.from(`milestone:${back.rows[0]!.seq}`).toString('base64url');
    expect(data?.milestones.totalCount).toBeGreaterThan(3);
    const seam = new Collector<Reached>(await connect('district.admin'), REACHED, { after: from });
    const racing = await Promise.all([record(), record()]);
    await seam.waitFor(5);
    await sleep(300);
    const seqs = seam.items.map((i) => BigInt(i.data!.milestoneReached.seq));
    expect(seqs).toHaveLength(5);
    expect(new Set(seqs).size).toBe(5);
    const replayed = seqs.slice(0, 3);
    expect(replayed).toEqual([...replayed].sort((a, b) => (a < b ? -1 : 1)));
    expect(seqs.every((s) => s > BigInt(back.rows[0]!.seq))).toBe(true);
    expect(ids(seam)).toEqual(expect.arrayContaining(racing.map((m) => m.milestoneId)));
  });

  it('the milestones connection pages in the same order and hands out the same cursors', async () => {
    const page = await asUser<{
      milestones: { edges: { cursor: string; node: { seq: string } }[]; pageInfo: { hasNextPage: boolean } };
    }>(
      gateway.url,
      'food-park.viewer',
      '{ milestones(first: 3) { edges { cursor node { seq } } pageInfo { hasNextPage } } }',
    );
    const edges = page.data!.milestones.edges;
    const next = await asUser<{ milestones: { edges: { node: { seq: string } }[] } }>(
      gateway.url,
      'food-park.viewer',
      'query ($a: String) { milestones(first: 2, after: $a) { edges { node { seq } } } }',
      { a: edges[0]!.cursor },
    );
    expect(next.data?.milestones.edges.map((e) => e.node.seq)).toEqual(edges.slice(1).map((e) => e.node.seq));
  });

  it('refuses a malformed cursor with BAD_USER_INPUT', async () => {
    const bad = new Collector<Reached>(await connect(), REACHED, { after: 'not-a-cursor' });
    const [result] = await bad.waitFor(1);
    expect(result?.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
