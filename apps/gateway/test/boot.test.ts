import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import WebSocket from 'ws';
import { freePortForTest } from './helpers/ports.js';
import { spawnGateway, waitFor, type ChildGateway } from './helpers/child-gateway.js';
import { gql, takeFromSubscription, wsClient } from './helpers/graphql.js';

// The real thing, as `pnpm start` runs it: a child process, no DATABASE_URL, embedded PostgreSQL in DATA_DIR.
describe('gateway on embedded PostgreSQL (child process)', () => {
  let dataDir: string;
  let gateway: ChildGateway;
  let port: number;
  const readyzLog: { status: number; migrated: boolean | null }[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'hj-boot-'));
    port = await freePortForTest();
    gateway = spawnGateway({ PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(
      () =>
        fetch(`${base}/healthz`).then(
          (r) => (r.ok ? true : undefined),
          () => undefined,
        ),
      {
        what: '/healthz',
      },
    );
    await waitFor(
      async () => {
        const response = await fetch(`${base}/readyz`);
        // At the moment /readyz first says 200, every migration must already be recorded.
        const migrated = response.status === 200 ? await migrationsRecorded(gateway.stdout(), dataDir) : null;
        readyzLog.push({ status: response.status, migrated });
        return response.status === 200 ? true : undefined;
      },
      // First start seeds the demo data: allow for a loaded CI machine.
      { what: '/readyz 200', everyMs: 10, timeoutMs: 120_000 },
    );
  }, 180_000);

  afterAll(async () => {
    await gateway?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports not-ready (503) while starting, and ready only once migrations are applied', () => {
    expect(readyzLog[0]?.status).toBe(503);
    const firstReady = readyzLog.find((r) => r.status === 200);
    expect(firstReady?.migrated).toBe(true);
  });

  it('answers a GraphQL query over HTTP, reading the database', async () => {
    const result = await gql<{
      health: { status: string; database: boolean };
      townships: { code: string }[];
    }>(`http://127.0.0.1:${port}/graphql`, '{ health { status database } townships { code } }');
    expect(result.errors).toBeUndefined();
    expect(result.data?.health).toEqual({ status: 'ok', database: true });
    expect(result.data?.townships.map((t) => t.code).sort()).toEqual([
      'baisha',
      'baitang',
      'dayang',
      'guohuan',
      'jiangkou',
      'qiulu',
      'sanjiangkou',
      'wutang',
      'xinxian',
      'zhuangbian',
    ]);
  });

  it('answers a subscription over WebSocket on the same port and path', async () => {
    const client = wsClient(`http://127.0.0.1:${port}/graphql`);
    const beats = await takeFromSubscription<{ heartbeat: { seq: number } }>(
      client,
      'subscription { heartbeat(everyMs: 1000) { seq at } }',
      2,
    );
    await client.dispose();
    expect(beats.map((b) => b.data?.heartbeat.seq)).toEqual([1, 2]);
  });

  it('refuses a second gateway on the same port with one clear line and exit code 1', async () => {
    const second = spawnGateway({ PORT: String(port), DATA_DIR: path.join(dataDir, 'second') });
    expect(await second.exited).toBe(1);
    expect(second.stderr()).toMatch(new RegExp(`port ${port} .*already in use`));
    expect(second.stderr().trim().split('\n')).toHaveLength(1);
  }, 30_000);

  it('shuts down cleanly on SIGTERM: sockets told to reconnect (1012), exit 0, embedded server stopped', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    const pgPort = embeddedPort(gateway.stdout());
    expect(await gateway.kill('SIGTERM')).toBe(0);
    expect(await closed).toBe(1012);
    await expect(connectTo(pgPort, dataDir)).rejects.toThrow();
  }, 30_000);
});

function embeddedPort(logs: string): number {
  const match = /"port":(\d+).*embedded PostgreSQL started/.exec(logs);
  if (!match?.[1]) throw new Error(`no embedded port in logs: ${logs}`);
  return Number(match[1]);
}

/** The embedded superuser's password is random per data directory, in a 0600 file beside the cluster. */
async function connectTo(pgPort: number, dataDir: string): Promise<pg.Client> {
  const password = readFileSync(path.join(dataDir, 'pg-superuser-password'), 'utf8').trim();
  const client = new pg.Client({
    connectionString: `postgres://postgres:${password}@127.0.0.1:${pgPort}/hanjiang`,
    connectionTimeoutMillis: 2_000,
  });
  await client.connect();
  return client;
}

async function migrationsRecorded(logs: string, dataDir: string): Promise<boolean> {
  const client = await connectTo(embeddedPort(logs), dataDir);
  try {
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    const { migrations } = await import('@hanjiang/db');
    return rows[0]?.n === migrations.length;
  } finally {
    await client.end();
  }
}
