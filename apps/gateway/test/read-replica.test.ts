// Read replicas (issue 16): the real gateway with DATABASE_URL on one database and DATABASE_REPLICA_URL on a second
// clone of the same seeded template — the replica's stand-in (same roles, rows and scope key, as a hot standby has).
// The two are made to disagree on purpose (an owner's name changed in the replica only), so every answer says which
// database gave it. Both are databases of the test server: this runs on the embedded pass too.
import pg from 'pg';
import { databaseName } from '@hanjiang/db';
import type { Gateway } from '../src/server.js';
import { waitFor } from './helpers/child-gateway.js';
import { adminUrl, createSeededDatabase, type TestDatabase, testPool } from './helpers/database.js';
import { wsClient } from './helpers/graphql.js';
import { startTestGateway } from './helpers/in-process.js';
import { asUser, tokenFor } from './helpers/sessions.js';
import { advance } from './helpers/workflow.js';

const WRITER = 'district.admin';
const OTHER = 'district.inspector';
const REPLICA_NAME = '副本户主';
const HOUSEHOLD = 'query ($id: ID!) { household(id: $id) { id stage version ownerName } }';
const LIST = `query ($code: String!) { households(first: 5, filter: { search: $code }) {
  edges { node { id ownerName } } } }`;

type Household = { id: string; stage: string; version: number; ownerName: string };
type Readyz = { ready: boolean; degraded?: string };
const METRICS_TOKEN = 'read-replica-metrics-token';

describe('read replica: queries read it, writes and the writer’s next reads stay on the primary', () => {
  let primary: TestDatabase;
  let replica: TestDatabase;
  let gateway: Gateway;
  let primaryOwner: pg.Pool;
  let replicaOwner: pg.Pool;
  let admin: pg.Pool;
  let target: { id: string; code: string; version: number; owner_name: string };

  const readAs = async (username: string) =>
    (await asUser<{ household: Household }>(gateway.url, username, HOUSEHOLD, { id: target.id })).data!
      .household;
  const readyz = async (): Promise<Readyz> =>
    (await fetch(gateway.url.replace(/\/graphql$/, '/readyz'))).json() as Promise<Readyz>;
  /** Takes the replica down: no new connections, the open ones ended (as a standby that stopped would). */
  const replicaAllowsConnections = async (allow: boolean) => {
    const name = pg.escapeIdentifier(databaseName(replica.url));
    await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS ${allow}`);
    if (!allow) {
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [databaseName(replica.url)],
      );
    }
  };

  beforeAll(async () => {
    [primary, replica] = await Promise.all([createSeededDatabase('hj_pri'), createSeededDatabase('hj_rep')]);
    primaryOwner = testPool(primary.url);
    replicaOwner = testPool(replica.url);
    admin = testPool(adminUrl(), 1);
    gateway = await startTestGateway(primary.url, {
      DATABASE_REPLICA_URL: replica.url,
      // Long enough that the writer stays pinned for the whole file (no timing in the assertions).
      DATABASE_REPLICA_PIN_MS: '600000',
      DATABASE_REPLICA_RETRY_MS: '100',
      METRICS_TOKEN,
    });
    const { rows } = await primaryOwner.query<typeof target>(
      `SELECT id, code, version, owner_name FROM household WHERE stage = 'SURVEYED' ORDER BY code LIMIT 1`,
    );
    target = rows[0]!;
    await replicaOwner.query('UPDATE household SET owner_name = $2 WHERE id = $1', [target.id, REPLICA_NAME]);
    await Promise.all([tokenFor(gateway.url, WRITER), tokenFor(gateway.url, OTHER)]);
  });

  afterAll(async () => {
    await admin?.query(
      `ALTER DATABASE ${pg.escapeIdentifier(databaseName(replica.url))} ALLOW_CONNECTIONS true`,
    );
    await gateway?.stop();
    await Promise.all([primaryOwner?.end(), replicaOwner?.end(), admin?.end()]);
    await Promise.all([primary?.drop(), replica?.drop()]);
  });

  it('a list query and a detail query are answered by the replica, on every entry', async () => {
    const list = await asUser<{ households: { edges: { node: Household }[] } }>(gateway.url, OTHER, LIST, {
      code: target.code,
    });
    expect(list.data?.households.edges.map((e) => e.node)).toContainEqual({
      id: target.id,
      ownerName: REPLICA_NAME,
    });
    expect(await readAs(WRITER)).toMatchObject({ ownerName: REPLICA_NAME, version: target.version });

    // Apollo's entry (GET) and WebSocket read it too, not only the compiled fast path.
    const token = await tokenFor(gateway.url, OTHER);
    const get = new URL(gateway.url);
    get.searchParams.set('query', HOUSEHOLD);
    get.searchParams.set('variables', JSON.stringify({ id: target.id }));
    const viaApollo = (await (
      await fetch(get, { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': '1' } })
    ).json()) as { data: { household: Household } };
    expect(viaApollo.data.household.ownerName).toBe(REPLICA_NAME);
    const client = wsClient(gateway.url, { authorization: `Bearer ${token}` });
    try {
      const viaSocket = await new Promise<{ data?: { household: Household } }>((resolve, reject) => {
        let last: { data?: { household: Household } } = {};
        client.subscribe<{ household: Household }>(
          { query: HOUSEHOLD, variables: { id: target.id } },
          { next: (value) => (last = value as typeof last), error: reject, complete: () => resolve(last) },
        );
      });
      expect(viaSocket.data?.household.ownerName).toBe(REPLICA_NAME);
    } finally {
      await client.dispose();
    }
  });

  it('a mutation writes the primary; its author then reads the primary, everyone else the replica', async () => {
    const written = await advance(gateway.url, WRITER, target, 'MEASURED');
    expect(written.errors).toBeUndefined();
    expect(written.data?.advanceStage).toMatchObject({ stage: 'MEASURED', version: target.version + 1 });
    const stageIn = async (pool: pg.Pool) =>
      (await pool.query<{ stage: string }>('SELECT stage FROM household WHERE id = $1', [target.id])).rows[0]
        ?.stage;
    expect(await stageIn(primaryOwner)).toBe('MEASURED');
    expect(await stageIn(replicaOwner)).toBe('SURVEYED');

    // Pinned: the writer sees its own write (and the primary's name), not the replica's stale copy.
    expect(await readAs(WRITER)).toMatchObject({
      stage: 'MEASURED',
      version: target.version + 1,
      ownerName: target.owner_name,
    });
    expect(await readAs(OTHER)).toMatchObject({ stage: 'SURVEYED', ownerName: REPLICA_NAME });
  });

  it('a replica that is down does not take reads down: they fall back to the primary, /readyz says degraded', async () => {
    await replicaAllowsConnections(false);
    expect(await readAs(OTHER)).toMatchObject({ stage: 'MEASURED', ownerName: target.owner_name });
    const status = await readyz();
    expect(status.ready).toBe(true);
    expect(status.degraded).toMatch(/read replica unavailable/);

    await replicaAllowsConnections(true);
    await waitFor(async () => ((await readyz()).degraded ? undefined : true), { what: 'replica back' });
    expect(await readAs(OTHER)).toMatchObject({ ownerName: REPLICA_NAME });
    const metrics = await (
      await fetch(gateway.url.replace(/\/graphql$/, '/metrics'), {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      })
    ).text();
    expect(metrics).toMatch(/^hanjiang_db_replica_in_service 1$/m);
    expect(metrics).toMatch(/^hanjiang_db_replica_pool_connections [1-9]/m);
  });
});
