// @service-pass: it needs Redis, which only the service pass has (test/service-pass.mjs).
// Read your writes across gateways (issue 16): two gateways on one primary and one replica (two clones of the
// seeded database, made to disagree, as in read-replica.test.ts) share the read pins through the machine's Redis.
// A write through one gateway pins its author's reads on the other; nobody else is pinned.
import { Redis } from 'ioredis';
import type pg from 'pg';
import type { Gateway } from '../src/server.js';
import { createSeededDatabase, type TestDatabase, testPool } from './helpers/database.js';
import { startTestGateway } from './helpers/in-process.js';
import { asUser, tokenFor } from './helpers/sessions.js';
import { advance } from './helpers/workflow.js';

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) {
  console.log('[read-replica-redis] skipped: REDIS_URL is not set (e.g. REDIS_URL=redis://127.0.0.1:6379)');
}

// A writer no other test file signs in as, so no other run's pin (same Redis) can be mistaken for this one's.
const WRITER = 'baisha.commander';
const OTHER = 'baisha.viewer';
const REPLICA_NAME = '副本户主';
const HOUSEHOLD = 'query ($id: ID!) { household(id: $id) { id stage ownerName } }';

(REDIS_URL ? describe : describe.skip)('read pins shared through Redis by two gateways', () => {
  let primary: TestDatabase;
  let replica: TestDatabase;
  let first: Gateway;
  let second: Gateway;
  let primaryOwner: pg.Pool;
  let replicaOwner: pg.Pool;
  let redis: Redis;
  let target: { id: string; version: number; owner_name: string };

  const readOn = async (gateway: Gateway, username: string) =>
    (
      await asUser<{ household: { stage: string; ownerName: string } }>(gateway.url, username, HOUSEHOLD, {
        id: target.id,
      })
    ).data!.household;

  beforeAll(async () => {
    [primary, replica] = await Promise.all([createSeededDatabase('hj_pri'), createSeededDatabase('hj_rep')]);
    primaryOwner = testPool(primary.url);
    replicaOwner = testPool(replica.url);
    redis = new Redis(REDIS_URL!);
    await redis.del(`hj:read-pin:${WRITER}`, `hj:read-pin:${OTHER}`);
    const env = {
      DATABASE_REPLICA_URL: replica.url,
      DATABASE_REPLICA_PIN_MS: '600000',
      REDIS_URL: REDIS_URL!,
      SEED_ON_EMPTY: '0',
    };
    first = await startTestGateway(primary.url, env);
    second = await startTestGateway(primary.url, env);
    const { rows } = await primaryOwner.query<typeof target>(
      `SELECT h.id, h.version, h.owner_name FROM household h JOIN township t ON t.id = h.township_id
       WHERE t.code = 'baisha' AND h.stage = 'SURVEYED' ORDER BY h.code LIMIT 1`,
    );
    target = rows[0]!;
    await replicaOwner.query('UPDATE household SET owner_name = $2 WHERE id = $1', [target.id, REPLICA_NAME]);
    await Promise.all([
      tokenFor(first.url, WRITER),
      tokenFor(second.url, WRITER),
      tokenFor(second.url, OTHER),
    ]);
  });

  afterAll(async () => {
    await redis?.del(`hj:read-pin:${WRITER}`);
    redis?.disconnect();
    await Promise.all([first?.stop(), second?.stop()]);
    await Promise.all([primaryOwner?.end(), replicaOwner?.end()]);
    await Promise.all([primary?.drop(), replica?.drop()]);
  });

  it('a write through one gateway pins its author on the other; another caller still reads the replica', async () => {
    expect(await readOn(second, WRITER)).toMatchObject({ stage: 'SURVEYED', ownerName: REPLICA_NAME });
    const written = await advance(first.url, WRITER, target, 'MEASURED');
    expect(written.errors).toBeUndefined();

    expect(await readOn(second, WRITER)).toMatchObject({ stage: 'MEASURED', ownerName: target.owner_name });
    expect(await readOn(second, OTHER)).toMatchObject({ stage: 'SURVEYED', ownerName: REPLICA_NAME });
  });
});
