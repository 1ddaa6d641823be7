// Issue 12, part B: the integrator audit is written in batches off the request path, so a clean shutdown must write
// what is still buffered. A real gateway process (the one `pnpm start` runs) whose timer would not flush for a
// minute serves a key over HTTP and WebSocket, gets SIGINT, and every row is then in the database — in the chain.
import { verifyAuditChain } from '@hanjiang/db';
import type pg from 'pg';
import { generateApiKey } from '../src/credentials/api-keys.js';
import { type ChildGateway, spawnGateway, waitFor } from './helpers/child-gateway.js';
import { createSeededDatabase, type TestDatabase, testPool } from './helpers/database.js';
import { gql, wsClient } from './helpers/graphql.js';
import { TEST_JWT_SECRET } from './helpers/in-process.js';
import { freePortForTest } from './helpers/ports.js';

const PAGE = `query Page($n: Int!) { households(first: $n) { edges { node { code } } } }`;

describe('integrator audit at shutdown', () => {
  let db: TestDatabase;
  let owner: pg.Pool;
  let child: ChildGateway | undefined;

  beforeAll(async () => {
    db = await createSeededDatabase();
    owner = testPool(db.url);
  }, 60_000);
  afterAll(async () => {
    await child?.kill('SIGKILL');
    await owner.end();
    await db.drop();
  });

  it('SIGINT writes every buffered row and every open refusal window before the pool closes', async () => {
    const { key, prefix, secretHash } = generateApiKey();
    const { rows } = await owner.query<{ id: string }>(
      `INSERT INTO api_key (prefix, secret_hash, name, tenant_kind, tenant_code, role, created_by)
       VALUES ($1, $2, 'shutdown test', 'township', 'baitang', 'viewer', 'test') RETURNING id`,
      [prefix, secretHash],
    );
    const actor = `apikey:${rows[0]!.id}`;
    const port = await freePortForTest();
    child = spawnGateway({
      DATABASE_URL: db.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'info',
      // Nothing leaves the buffer on its own during the test: only the drain writes it.
      AUDIT_FLUSH_MS: '60000',
      AUDIT_BATCH_ROWS: '5000',
      AUDIT_REFUSAL_WINDOW_MS: '3600000',
    });
    const url = `http://127.0.0.1:${port}/graphql`;
    await waitFor(
      async () =>
        (await fetch(url.replace('/graphql', '/readyz')).catch(() => null))?.ok ? true : undefined,
      { timeoutMs: 60_000, everyMs: 200, what: 'gateway ready' },
    );

    const http = 12;
    for (let i = 0; i < http; i += 1) {
      expect((await gql(url, PAGE, { n: 1 + (i % 3) }, { 'x-api-key': key })).errors).toBeUndefined();
    }
    const client = wsClient(url, { authorization: key });
    try {
      for (let i = 0; i < 3; i += 1) {
        await new Promise<void>((resolve, reject) => {
          client.subscribe(
            { query: PAGE, variables: { n: 2 } },
            { next: () => undefined, error: reject, complete: resolve },
          );
        });
      }
    } finally {
      await client.dispose();
    }
    // A refusal whose window (an hour) is still open at shutdown.
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: __typename`).join(' ');
    const refused = await gql(url, `{ ${aliases} }`, undefined, { 'x-api-key': key });
    expect(refused.errors?.length).toBeGreaterThan(0);

    const count = async () =>
      Number(
        (await owner.query<{ n: string }>('SELECT count(*) AS n FROM audit_log WHERE actor = $1', [actor]))
          .rows[0]!.n,
      );
    expect(await count()).toBe(0); // still buffered: the request path did not write them

    expect(await child.kill('SIGINT')).toBe(0);
    const written = await owner.query<{
      operation: string;
      outcome: string;
      detail: { kind: string; transport: string };
    }>('SELECT operation, outcome, detail FROM audit_log WHERE actor = $1 ORDER BY id', [actor]);
    const operations = written.rows.filter((r) => r.detail.kind === 'operation');
    expect(operations).toHaveLength(http + 3);
    expect(operations.filter((r) => r.detail.transport === 'ws')).toHaveLength(3);
    expect(written.rows.filter((r) => r.detail.kind === 'refusal')).toHaveLength(1);
    expect(await verifyAuditChain(owner)).toMatchObject({ ok: true, firstBroken: null });
    expect(child.stderr() + child.stdout()).not.toContain('audit rows not written');
  }, 120_000);
});
