// Issue 16: backups. pg_dump of a database a gateway is serving (an online backup), pg_restore into a new
// database, and the restored copy is the same: every table's row count, the audit chain's head, the chain
// verifies — and a gateway started on the copy serves it and appends to the chain. docs/operations.md gives the
// commands for production. Needs the pg_dump/pg_restore of the server's major version or newer: runs against the
// PostgreSQL service (DATABASE_URL); with the embedded PostgreSQL 18 and a version-15 client it is skipped, saying so.
// @service-pass: needs the service's pg_dump/pg_restore major version (test/service-pass.mjs).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { verifyAuditChain } from '@hanjiang/db';
import type pg from 'pg';
import type { Gateway } from '../src/server.js';
import { createSeededDatabase, createTestDatabase, type TestDatabase, testPool } from './helpers/database.js';
import { gql } from './helpers/graphql.js';
import { startTestGateway } from './helpers/in-process.js';
import { tokenFor } from './helpers/sessions.js';
import { advance } from './helpers/workflow.js';

function clientMajor(tool: string): number | null {
  try {
    const version = execFileSync(tool, ['--version'], { encoding: 'utf8' });
    return Number(/(\d+)(\.\d+)?/.exec(version)?.[1] ?? NaN);
  } catch {
    return null;
  }
}

const dumpMajor = clientMajor('pg_dump');
const restoreMajor = clientMajor('pg_restore');
const staticSkip = !process.env.DATABASE_URL
  ? 'DATABASE_URL is not set (the embedded server is PostgreSQL 18; use the service PostgreSQL)'
  : dumpMajor === null || restoreMajor === null
    ? 'pg_dump or pg_restore is not on PATH'
    : null;
if (staticSkip) console.log(`[backup-restore] skipped: ${staticSkip}`);

async function snapshot(pool: pg.Pool) {
  const { rows: tables } = await pool.query<{ name: string }>(
    `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
      WHERE schemaname IN ('public', 'app', 'app_private') ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    counts[name] = Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${name}`)).rows[0]!.n);
  }
  const head = (await pool.query<{ id: string; hash: string }>('SELECT id::text, hash FROM app.audit_head()'))
    .rows[0]!;
  return { counts, head };
}

(staticSkip ? describe.skip : describe)('backup and restore with pg_dump / pg_restore', () => {
  let source: TestDatabase;
  let restored: TestDatabase;
  let gateway: Gateway;
  let sourceOwner: pg.Pool;
  let restoredOwner: pg.Pool;
  let dir: string;
  let versionSkip: string | null = null;

  beforeAll(async () => {
    source = await createSeededDatabase();
    sourceOwner = testPool(source.url);
    const serverMajor = Math.floor(
      Number((await sourceOwner.query<{ v: string }>('SHOW server_version_num')).rows[0]!.v) / 10_000,
    );
    if (serverMajor > Math.min(dumpMajor!, restoreMajor!)) {
      versionSkip = `server is PostgreSQL ${serverMajor}, pg_dump/pg_restore are ${dumpMajor}/${restoreMajor}`;
      console.log(`[backup-restore] skipped: ${versionSkip}`);
      return;
    }
    gateway = await startTestGateway(source.url);
    dir = mkdtempSync(path.join(tmpdir(), 'hj-backup-'));
  });
  afterAll(async () => {
    await gateway?.stop();
    await sourceOwner?.end();
    await restoredOwner?.end();
    await source?.drop();
    await restored?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a dump taken while the gateway serves restores into a new database with the same rows and audit head', async () => {
    if (versionSkip) return;
    // Something audited first, so the chain has a head the seed alone would not give.
    const { rows } = await sourceOwner.query<{ id: string; version: number }>(
      `SELECT id, version FROM household WHERE stage = 'ASSESSED' ORDER BY code LIMIT 1`,
    );
    expect((await advance(gateway.url, 'district.admin', rows[0]!, 'SIGNED')).errors).toBeUndefined();
    const before = await snapshot(sourceOwner);
    expect(Number(before.head.id)).toBeGreaterThan(0);

    const file = path.join(dir, 'hanjiang.dump');
    // The documented command (docs/operations.md): custom format, compressed, one consistent snapshot.
    execFileSync('pg_dump', ['--format=custom', '--file', file, '--dbname', source.url], { stdio: 'pipe' });
    expect(statSync(file).size).toBeGreaterThan(100_000);

    restored = await createTestDatabase('hj_restore');
    execFileSync('pg_restore', ['--exit-on-error', '--dbname', restored.url, file], { stdio: 'pipe' });
    restoredOwner = testPool(restored.url);
    const after = await snapshot(restoredOwner);
    expect(Object.keys(after.counts).length).toBeGreaterThan(15);
    expect(after.counts).toEqual(before.counts);
    expect(after.head).toEqual(before.head);
    expect(await verifyAuditChain(restoredOwner)).toMatchObject({ ok: true, firstBroken: null });
  });

  it('a gateway on the restored database serves it and continues the audit chain', async () => {
    if (versionSkip) return;
    const copy = await startTestGateway(restored.url);
    try {
      const token = await tokenFor(copy.url, 'district.admin');
      const signed = await gql<{ households: { totalCount: number } }>(
        copy.url,
        '{ households(first: 1, filter: { stages: [SIGNED] }) { totalCount } }',
        undefined,
        { authorization: `Bearer ${token}` },
      );
      const expected = await restoredOwner.query<{ n: string }>(
        `SELECT count(*) AS n FROM household WHERE stage = 'SIGNED'`,
      );
      expect(signed.data?.households.totalCount).toBe(Number(expected.rows[0]!.n));
      const head = (await restoredOwner.query<{ id: string }>('SELECT id::text FROM app.audit_head()'))
        .rows[0]!;
      const { rows } = await restoredOwner.query<{ id: string; version: number }>(
        `SELECT id, version FROM household WHERE stage = 'ASSESSED' ORDER BY code LIMIT 1`,
      );
      expect((await advance(copy.url, 'district.admin', rows[0]!, 'SIGNED')).errors).toBeUndefined();
      const next = (await restoredOwner.query<{ id: string }>('SELECT id::text FROM app.audit_head()'))
        .rows[0]!;
      expect(BigInt(next.id)).toBeGreaterThan(BigInt(head.id));
      expect(await verifyAuditChain(restoredOwner)).toMatchObject({ ok: true, firstBroken: null });
    } finally {
      await copy.stop();
    }
  });
});
