// Issue 13, item 11: the audit hash distinguishes NULL from empty and from a neighbouring field, the chain mixes
// versions and still verifies, and its head is exported where the database owner cannot rewrite it.
// @service-pass: the audit chain is SQL (hashing, triggers), on PostgreSQL 15 as well (test/service-pass.mjs).
import { verifyAuditChain } from '@hanjiang/db';
import type pg from 'pg';
import type { Gateway } from '../src/server.js';
import type { TestDatabase } from './helpers/database.js';
import { closeSeededGateway, openSeededGateway } from './helpers/seeded-gateway.js';
import { advance } from './helpers/workflow.js';

const METRICS_TOKEN = 'audit-chain-metrics-token-0123';

describe('audit chain, version 2', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  let owner: pg.Pool;

  beforeAll(async () => {
    ({ db, gateway, owner } = await openSeededGateway({
      AUDIT_HEAD_EXPORT_MS: '1000',
      METRICS_TOKEN: METRICS_TOKEN,
    }));
  }, 120_000);
  afterAll(() => closeSeededGateway({ db, gateway, owner }));

  /** The hash of one row whose tenant kind and code are `kind` and `code` (everything else fixed). */
  const hash = async (fn: string, kind: string | null, code: string | null) =>
    (
      await owner.query<{ h: string }>(
        `SELECT app.${fn}('genesis', '2020-09-27T08:00:00Z', 'baitang.commander', NULL, $1, $2, 'advanceStage',
           NULL, 'req-1', '127.0.0.1', 'ok') AS h`,
        [kind, code],
      )
    ).rows[0]!.h;

  it('a value moved between two adjacent fields across a NULL changes the version-2 hash (version 1 did not)', async () => {
    // Version 1 joined with concat_ws, which skips NULLs: (NULL, 'x') and ('x', NULL) hashed alike.
    expect(await hash('audit_row_hash', null, 'baitang')).toBe(await hash('audit_row_hash', 'baitang', null));
    expect(await hash('audit_row_hash_v2', null, 'baitang')).not.toBe(
      await hash('audit_row_hash_v2', 'baitang', null),
    );
    expect(await hash('audit_row_hash_v2', null, '')).not.toBe(await hash('audit_row_hash_v2', '', null));
    expect(await hash('audit_row_hash_v2', 'a', 'bc')).not.toBe(await hash('audit_row_hash_v2', 'ab', 'c'));
  });

  it('new rows are version 2, the chain verifies, and a rewritten field is found', async () => {
    const { rows } = await owner.query<{ id: string; version: number }>(
      `SELECT h.id, h.version FROM household h JOIN township t ON t.id = h.township_id
       WHERE t.code = 'baitang' AND h.stage = 'SURVEYED' ORDER BY h.code LIMIT 1`,
    );
    expect((await advance(gateway.url, 'baitang.commander', rows[0]!, 'MEASURED')).errors).toBeUndefined();
    const last = await owner.query<{ id: string; hash_version: number; tenant_code: string }>(
      'SELECT id::text, hash_version, tenant_code FROM audit_log ORDER BY id DESC LIMIT 1',
    );
    expect(last.rows[0]).toMatchObject({ hash_version: 2, tenant_code: 'baitang' });
    expect(await verifyAuditChain(owner)).toMatchObject({ ok: true, firstBroken: null });

    const client = await owner.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      // Move the tenant code into the (NULL) membership's neighbour: invisible to version 1.
      await client.query(`UPDATE audit_log SET tenant_code = NULL, tenant_kind = 'baitang' WHERE id = $1`, [
        last.rows[0]!.id,
      ]);
      expect(await verifyAuditChain(client)).toMatchObject({
        ok: false,
        firstBroken: { id: last.rows[0]!.id },
      });
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  it('exports the chain head to /metrics on its timer', async () => {
    // Sign-ins are audited in batches (modules/audit/audit.writer.ts): the head must be read after they are in.
    await gateway.audit.flush();
    const head = await owner.query<{ id: string; hash: string }>(
      'SELECT id::text, hash FROM audit_log ORDER BY id DESC LIMIT 1',
    );
    const expected = `hanjiang_audit_head_info{hash="${head.rows[0]!.hash}"} 1`;
    const metricsUrl = gateway.url.replace(/\/graphql$/, '/metrics');
    let text = '';
    for (let attempt = 0; attempt < 40 && !text.includes(expected); attempt += 1) {
      text = await (
        await fetch(metricsUrl, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
      ).text();
      if (!text.includes(expected)) await new Promise((r) => setTimeout(r, 250));
    }
    expect(text).toContain(expected);
    expect(text).toContain(`hanjiang_audit_head_id ${head.rows[0]!.id}`);
  });
});
