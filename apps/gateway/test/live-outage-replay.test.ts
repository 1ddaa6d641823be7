// Issue 16: household events are not lost in an outage of the live bus. A household change committed while a
// replica's bus was down (here: committed without its notification reaching the replica, then the bus connection
// killed) is read back from household_event when the bus recovers and reaches the subscribers it concerns; what
// they already had is not sent again. PostgreSQL LISTEN/NOTIFY always; Redis when REDIS_URL is set.
// @service-pass: its Redis variant runs when REDIS_URL is set (test/service-pass.mjs).
import { randomUUID } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import type pg from 'pg';
import type { Gateway } from '../src/server.js';
import { waitFor } from './helpers/child-gateway.js';
import { createSeededDatabase, type TestDatabase } from './helpers/database.js';
import { wsClient } from './helpers/graphql.js';
import { startTestGateway } from './helpers/in-process.js';
import { Collector, ownerPool, sleep } from './helpers/live.js';
import { tokenFor } from './helpers/sessions.js';
import { advance } from './helpers/workflow.js';

type Changed = { householdChanged: { id: string; stage: string } };
const CHANGED = 'subscription { householdChanged { id stage } }';

/** A stage change committed with its event row but no notification: what a replica misses while its bus is down. */
async function signSilently(owner: pg.Pool, householdId: string): Promise<void> {
  const client = await owner.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ version: number }>(
      `UPDATE household SET stage = 'SIGNED', version = version + 1, signed_at = now()
        WHERE id = $1 AND stage = 'ASSESSED' RETURNING version`,
      [householdId],
    );
    await client.query(
      `INSERT INTO household_event (township_id, headquarters_id, team_home_township_id, household_id, team_id,
         kind, from_stage, to_stage, version, actor_subject, idempotency_key, request_hash)
       SELECT township_id, headquarters_id, team_home_township_id, id, team_id, 'ADVANCE', 'ASSESSED', 'SIGNED',
              $2, 'outage-test', $3, 'outage-test'
         FROM household WHERE id = $1`,
      [householdId, rows[0]!.version, randomUUID()],
    );
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

async function assessed(owner: pg.Pool, count: number): Promise<{ id: string; version: number }[]> {
  const { rows } = await owner.query<{ id: string; version: number }>(
    `SELECT id, version FROM household WHERE stage = 'ASSESSED' ORDER BY code LIMIT $1`,
    [count],
  );
  return rows;
}

function variant(name: string, extra: () => Record<string, string>, cut: (owner: pg.Pool) => Promise<void>) {
  describe(name, () => {
    let db: TestDatabase;
    let gateway: Gateway;
    let owner: pg.Pool;
    let client: Client;

    beforeAll(async () => {
      db = await createSeededDatabase();
      gateway = await startTestGateway(db.url, extra());
      owner = ownerPool(db.url);
      client = wsClient(gateway.url, {
        authorization: `Bearer ${await tokenFor(gateway.url, 'district.admin')}`,
      });
    });
    afterAll(async () => {
      await client?.dispose();
      await owner?.end();
      await gateway?.stop();
      await db?.drop();
    });

    it('a household change missed during an outage arrives after it, once; what was delivered is not repeated', async () => {
      const changed = new Collector<Changed>(client, CHANGED);
      await sleep(300); // event streams have no initial item: let the subscription register
      const [live, missed] = await assessed(owner, 2);
      expect((await advance(gateway.url, 'district.admin', live!, 'SIGNED')).errors).toBeUndefined();
      await changed.waitFor(1);

      await signSilently(owner, missed!.id);
      await sleep(300);
      // Without a replay nothing would ever arrive for it: it was never announced.
      expect(changed.items.map((i) => i.data?.householdChanged.id)).toEqual([live!.id]);

      await cut(owner);
      await waitFor(
        () => (changed.items.some((i) => i.data?.householdChanged.id === missed!.id) ? true : undefined),
        { timeoutMs: 15_000, what: 'the missed household change after the bus recovered' },
      );
      await sleep(500);
      expect(changed.items.map((i) => i.data?.householdChanged)).toEqual([
        { id: live!.id, stage: 'SIGNED' },
        { id: missed!.id, stage: 'SIGNED' },
      ]);
    });
  });
}

variant(
  'PostgreSQL LISTEN/NOTIFY: the listener connection killed',
  () => ({}),
  async (owner) => {
    const killed = await owner.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'hanjiang-live' AND datname = current_database()`,
    );
    expect(killed.rowCount).toBe(1);
  },
);

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) {
  console.log('[live-outage-replay] Redis variant skipped: REDIS_URL is not set');
} else {
  variant(
    'Redis: the subscriber connection killed',
    () => ({ REDIS_URL }),
    async () => {
      const admin = new Redis(REDIS_URL);
      try {
        // Kills every pub/sub connection of this Redis: only this file's gateway holds one (tests run in band).
        const killed = Number(await admin.call('CLIENT', 'KILL', 'TYPE', 'pubsub'));
        expect(killed).toBeGreaterThanOrEqual(1);
      } finally {
        admin.disconnect();
      }
    },
  );
}
