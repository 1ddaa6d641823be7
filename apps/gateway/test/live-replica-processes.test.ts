// Issue 16: two gateway PROCESSES on one database and the machine's Redis, seen only from outside (HTTP and
// WebSocket). live-replicas.test.ts covers the bridge's leadership and failover with in-process gateways; this
// file shows what a user sees: a signing on one process reaches subscribers on the other, and a milestone it
// crosses is recorded once and delivered once to every subscriber, whichever process it is connected to.
// @service-pass: runs only when REDIS_URL is set (test/service-pass.mjs).
import type { Client } from 'graphql-ws';
import type pg from 'pg';
import { type ChildGateway, spawnGateway, waitFor } from './helpers/child-gateway.js';
import { createSeededDatabase, type TestDatabase } from './helpers/database.js';
import { wsClient } from './helpers/graphql.js';
import { DEMO_PASSWORD, TEST_JWT_SECRET } from './helpers/in-process.js';
import { Collector, ownerPool, sleep } from './helpers/live.js';
import { freePortForTest } from './helpers/ports.js';
import { tokenFor } from './helpers/sessions.js';
import { advance } from './helpers/workflow.js';

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) {
  console.log(
    '[live-replica-processes] skipped: REDIS_URL is not set (e.g. REDIS_URL=redis://127.0.0.1:6379)',
  );
}
const METRICS_TOKEN = 'replica-processes-metrics-token';

type Changed = { householdChanged: { id: string; stage: string } };
type Reached = { milestoneReached: { id: string; scopeKind: string; scopeCode: string; threshold: number } };
const CHANGED = 'subscription { householdChanged { id stage } }';
const MILESTONES = 'subscription { milestoneReached { id scopeKind scopeCode threshold } }';

interface Replica {
  child: ChildGateway;
  url: string;
}

async function startReplica(databaseUrl: string): Promise<Replica> {
  const port = await freePortForTest();
  const child = spawnGateway({
    DATABASE_URL: databaseUrl,
    REDIS_URL: REDIS_URL!,
    PORT: String(port),
    HOST: '127.0.0.1',
    JWT_SECRET: TEST_JWT_SECRET,
    DEMO_PASSWORD,
    SEED_ON_EMPTY: '0',
    DB_POOL_SIZE: '5',
    METRICS_TOKEN,
    METRICS_BUS_PROBE_MS: '250',
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (child.process.exitCode !== null) throw new Error(`replica exited: ${child.stderr()}`);
      const ok = await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      return ok ? true : undefined;
    },
    { timeoutMs: 90_000, everyMs: 200, what: `replica on port ${port} ready` },
  );
  return { child, url: `${base}/graphql` };
}

(REDIS_URL ? describe : describe.skip)('two gateway processes on Redis', () => {
  let db: TestDatabase;
  let replicas: Replica[] = [];
  let owner: pg.Pool;
  const clients: Client[] = [];

  const subscribe = async <T>(replica: Replica, username: string, query: string) => {
    const authorization = `Bearer ${await tokenFor(replica.url, username)}`;
    const client = wsClient(replica.url, { authorization });
    clients.push(client);
    return new Collector<T>(client, query);
  };

  beforeAll(async () => {
    db = await createSeededDatabase();
    replicas = await Promise.all([startReplica(db.url), startReplica(db.url)]);
    owner = ownerPool(db.url);
  }, 180_000);
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await owner?.end();
    // SIGTERM: each drains and exits 0 (asserted, so a hang or a crash on shutdown fails the test).
    const codes = await Promise.all(replicas.map((r) => r.child.kill('SIGTERM')));
    expect(codes).toEqual(replicas.map(() => 0));
    await db?.drop();
  }, 60_000);

  it('both processes use the Redis bus (their own /metrics says so)', async () => {
    for (const replica of replicas) {
      const text = await waitFor(
        async () => {
          const body = await (
            await fetch(replica.url.replace('/graphql', '/metrics'), {
              headers: { authorization: `Bearer ${METRICS_TOKEN}` },
            })
          ).text();
          return /hanjiang_live_bus_lag_seconds_count\{bus="redis"\} [1-9]/.test(body) ? body : undefined;
        },
        { timeoutMs: 10_000, everyMs: 100, what: 'a Redis probe round trip' },
      );
      expect(text).toContain('hanjiang_ws_open_sockets');
    }
  });

  it('a signing on one process reaches subscribers on the other; its milestone is recorded and delivered once', async () => {
    const [writer, reader] = replicas as [Replica, Replica];
    // A household whose signing takes its village across a signed-percentage threshold not yet recorded there:
    // the village counter is set one signing short of it (the owner plays an earlier history).
    const { rows } = await owner.query<{ id: string; version: number; village: string; households: number }>(
      `SELECT h.id, h.version, v.code AS village, c.households
         FROM household h JOIN village v ON v.id = h.village_id
         JOIN progress_counter c ON c.scope_kind = 'village' AND c.scope_code = v.code
        WHERE h.stage = 'ASSESSED' AND c.households >= 4
          AND NOT EXISTS (SELECT 1 FROM milestone m WHERE m.scope_kind = 'village' AND m.scope_code = v.code
                            AND m.kind = 'SIGNED_PCT' AND m.threshold = 50)
        ORDER BY h.code LIMIT 1`,
    );
    const household = rows[0]!;
    expect(household).toBeDefined();
    const shortOfHalf = Math.ceil(household.households / 2) - 1;
    await owner.query(
      `UPDATE progress_counter SET signed = $2 WHERE scope_kind = 'village' AND scope_code = $1`,
      [household.village, shortOfHalf],
    );

    const changed = await subscribe<Changed>(reader, 'district.admin', CHANGED);
    const milestones = await Promise.all(
      [reader, writer, reader].map((r) => subscribe<Reached>(r, 'district.inspector', MILESTONES)),
    );
    await sleep(300); // event streams have no initial item: give the subscriptions time to register

    const key = `replica-processes-${household.id}`;
    const signed = await advance(writer.url, 'district.admin', household, 'SIGNED', key);
    expect(signed.errors).toBeUndefined();

    const [got] = await changed.waitFor(1);
    expect(got?.data?.householdChanged).toEqual({ id: household.id, stage: 'SIGNED' });
    const ours = (c: Collector<Reached>) =>
      c.items.filter(
        (i) =>
          i.data?.milestoneReached.scopeKind === 'village' &&
          i.data.milestoneReached.scopeCode === household.village,
      );
    for (const m of milestones) {
      await waitFor(() => (ours(m).length > 0 ? true : undefined), {
        timeoutMs: 10_000,
        what: 'the village milestone',
      });
    }
    await sleep(500); // anything delivered twice would have arrived by now
    const recorded = await owner.query<{ id: string }>(
      `SELECT id FROM milestone WHERE scope_kind = 'village' AND scope_code = $1 AND kind = 'SIGNED_PCT'
          AND threshold = 50`,
      [household.village],
    );
    expect(recorded.rows).toHaveLength(1);
    for (const m of milestones) {
      expect(ours(m).map((i) => i.data!.milestoneReached)).toEqual([
        { id: recorded.rows[0]!.id, scopeKind: 'village', scopeCode: household.village, threshold: 50 },
      ]);
    }
    expect(changed.items).toHaveLength(1);

    // A retry of the same signing through the OTHER process (same idempotency key) returns the first answer and
    // writes and announces nothing again.
    const retried = await advance(reader.url, 'district.admin', household, 'SIGNED', key);
    expect(retried.data).toEqual(signed.data);
    await sleep(500);
    expect(changed.items).toHaveLength(1);
    for (const m of milestones) expect(ours(m)).toHaveLength(1);
    const events = await owner.query(
      `SELECT 1 FROM household_event WHERE household_id = $1 AND to_stage = 'SIGNED'`,
      [household.id],
    );
    expect(events.rowCount).toBe(1);
  });
});
