// `pnpm apikey …` for set-ups without a portal: runs as the migration role like `pnpm seed`, prints the secret once.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Gateway } from '../src/server.js';
import { createSeededDatabase, type TestDatabase, testPool } from './helpers/database.js';
import { gql } from './helpers/graphql.js';
import { startTestGateway } from './helpers/in-process.js';

const run = promisify(execFile);
const GATEWAY_DIR = path.resolve(__dirname, '..');
const REPO_DIR = path.resolve(GATEWAY_DIR, '../..');

describe('pnpm apikey', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  beforeAll(async () => {
    db = await createSeededDatabase('hj_apikey');
    gateway = await startTestGateway(db.url);
  });
  afterAll(async () => {
    await gateway?.stop();
    await db?.drop();
  });

  // As `pnpm apikey` runs it: the gateway package's directory, with the operator's directory in INIT_CWD.
  const apikey = (args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'src/scripts/apikey.ts', ...args], {
      cwd: GATEWAY_DIR,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        DATABASE_URL: db.url,
        INIT_CWD: REPO_DIR,
        SEED_ON_EMPTY: '0',
      },
      timeout: 120_000,
    });

  it('create prints a working secret once; allow registers the client manifest; revoke ends it', async () => {
    await expect(apikey(['create', '--tenant', 'township:atlantis', '--name', 'x'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown tenant "township:atlantis"'),
    });
    await expect(
      apikey(['create', '--tenant', 'baisha', '--name', 'x', '--scopes', 'read,root']),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('unknown scope root'),
    });
    const created = await apikey([
      'create',
      '--tenant',
      'township:baisha',
      '--name',
      'data team',
      '--scopes',
      'read,introspect',
      '--expires',
      new Date(Date.now() + 86_400_000).toISOString(),
      '--allow-list-only',
    ]);
    const key = /^(hj_[a-z0-9]{10}_\S+)$/m.exec(created.stdout)?.[1];
    const id = /created key ([0-9a-f-]{36})/.exec(created.stdout)?.[1];
    expect(key).toBeDefined();
    expect(created.stdout).toContain('scopes introspect,read');

    // An allow-list key with nothing registered runs nothing …
    const campaign = '{ __typename }';
    expect((await gql(gateway.url, campaign, {}, { 'x-api-key': key! })).errors?.[0]?.extensions?.code).toBe(
      'PERSISTED_QUERY_NOT_ALLOWED',
    );
    // … and after `allow --manifest` (a path from the repository root, as the operator typed it) runs the portals'.
    const allowed = await apikey([
      'allow',
      '--key',
      id!,
      '--manifest',
      'packages/client/persisted-operations.json',
    ]);
    expect(allowed.stdout).toMatch(/apikey: \d+ operations registered/);
    const owner = testPool(db.url);
    try {
      const { rows } = await owner.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM persisted_operation WHERE key_id = $1',
        [id],
      );
      expect(rows[0]!.n).toBeGreaterThan(10);
    } finally {
      await owner.end();
    }

    await apikey(['revoke', '--key', key!.split('_')[1]!]);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the revocation event evicts the cached lookup
    expect((await gql(gateway.url, campaign, {}, { 'x-api-key': key! })).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  }, 240_000);
});
