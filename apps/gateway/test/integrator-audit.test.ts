// Issue 12, part B: integrator operations (HTTP and WebSocket), refusals and sign-ins are audited in the hash chain,
// in batches off the request path; apiKeyUsage summarises a key's rows and equals a recount of them.
import { REQUEST_ROLE, verifyAuditChain } from '@hanjiang/db';
import type pg from 'pg';
import { generateApiKey } from '../src/credentials/api-keys.js';
import type { Gateway } from '../src/server.js';
import type { TestDatabase } from './helpers/database.js';
import { gql, wsClient } from './helpers/graphql.js';
import { DEMO_PASSWORD } from './helpers/in-process.js';
import { closeSeededGateway, openSeededGateway } from './helpers/seeded-gateway.js';
import { asUser, tokenFor } from './helpers/sessions.js';

interface AuditRow {
  id: string;
  actor: string;
  tenant_code: string | null;
  membership_id: string | null;
  operation: string;
  outcome: string;
  client_address: string | null;
  hash_version: number;
  detail: Record<string, unknown> | null;
}

const PAGE = `query Page($n: Int!) { households(first: $n) { edges { node { code events { toStage } } } } }`;
/** Over the alias limit (15): refused before execution with QUERY_TOO_COMPLEX. */
const ALIAS_BOMB = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
const USAGE = `query ($key: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
  apiKeyUsage(key: $key, from: $from, to: $to) {
    operations errors refused rows cost p50DurationMs p95DurationMs
    errorsByCode { code count }
    byOperation { operation operations errors rows cost p50DurationMs p95DurationMs }
  } }`;

/** PostgreSQL's percentile_cont: linear interpolation between the two nearest ranks. */
function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

/** Every element of every list, at any depth: the audit's definition of rows returned. */
function recount(data: unknown): number {
  if (Array.isArray(data)) return data.length + data.reduce<number>((n, item) => n + recount(item), 0);
  if (data === null || typeof data !== 'object') return 0;
  return Object.values(data).reduce<number>((n, value) => n + recount(value), 0);
}

describe('integrator audit', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  let owner: pg.Pool;
  let key: string;
  let keyId: string;
  const startedAt = new Date(Date.now() - 1_000);

  const rowsOf = async (actor: string) =>
    (
      await owner.query<AuditRow>(
        `SELECT id::text, actor, tenant_code, membership_id, operation, outcome, client_address, hash_version, detail
         FROM audit_log WHERE actor = $1 ORDER BY id`,
        [actor],
      )
    ).rows;

  beforeAll(async () => {
    ({ db, gateway, owner } = await openSeededGateway({
      AUDIT_REFUSAL_WINDOW_MS: '1500',
      AUDIT_FLUSH_MS: '50',
    }));
    const generated = generateApiKey();
    key = generated.key;
    const { rows } = await owner.query<{ id: string }>(
      `INSERT INTO api_key (prefix, secret_hash, name, tenant_kind, tenant_code, role, created_by)
       VALUES ($1, $2, 'audit test', 'headquarters', 'baitang-lake', 'viewer', 'test') RETURNING id`,
      [generated.prefix, generated.secretHash],
    );
    keyId = rows[0]!.id;
  }, 120_000);
  afterAll(() => closeSeededGateway({ db, gateway, owner }));

  it('records every key operation over HTTP and WebSocket (rows, cost, duration, outcome), in the chain', async () => {
    const answers: unknown[] = [];
    for (const n of [3, 7]) {
      const result = await gql(gateway.url, PAGE, { n }, { 'x-api-key': key });
      expect(result.errors).toBeUndefined();
      answers.push(result.data);
    }
    // Apollo's route (another Accept) passes the same END_OPERATION stage.
    const viaApollo = await fetch(gateway.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        'x-api-key': key,
      },
      body: JSON.stringify({ query: PAGE, variables: { n: 2 } }),
    });
    answers.push(((await viaApollo.json()) as { data: unknown }).data);
    // GET (Apollo) too.
    const params = new URLSearchParams({ query: PAGE, variables: JSON.stringify({ n: 1 }) });
    const viaGet = await fetch(`${gateway.url}?${params.toString()}`, {
      headers: { 'x-api-key': key, 'apollo-require-preflight': '1' },
    });
    expect(viaGet.status).toBe(200);
    answers.push(((await viaGet.json()) as { data: unknown }).data);
    // A key without the write scope: refused by the policies before anything runs (a refusal row, not an operation).
    const write = await gql(
      gateway.url,
      `mutation { advanceStage(input: { householdId: "00000000-0000-0000-0000-000000000000", toStage: MEASURED,
         idempotencyKey: "audit-test-1", expectedVersion: 1 }) { id } }`,
      undefined,
      { 'x-api-key': key },
    );
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const client = wsClient(gateway.url, { authorization: key });
    try {
      const overWs = await new Promise<unknown>((resolve, reject) => {
        let data: unknown;
        client.subscribe(
          { query: PAGE, variables: { n: 4 } },
          { next: (v) => (data = v.data), error: reject, complete: () => resolve(data) },
        );
      });
      answers.push(overWs);
      // A subscription is recorded when it starts (its events are executed once per group, not per key).
      const stop = client.subscribe(
        { query: 'subscription Gauge { campaignProgress { day } }' },
        { next: () => undefined, error: () => undefined, complete: () => undefined },
      );
      await new Promise((r) => setTimeout(r, 300));
      stop();
    } finally {
      await client.dispose();
    }
    await gateway.audit.flush();

    const rows = (await rowsOf(`apikey:${keyId}`)).filter((r) => r.detail?.kind === 'operation');
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.operation === 'Gauge')?.detail).toMatchObject({
      operationType: 'subscription',
      transport: 'ws',
      rows: 0,
      durationMs: null,
    });
    const reads = rows.filter((r) => r.operation === 'Page');
    expect(reads.map((r) => r.detail!.rows)).toEqual(answers.map(recount));
    expect(reads.map((r) => r.detail!.transport)).toEqual(['http', 'http', 'http', 'http', 'ws']);
    for (const row of reads) {
      expect(row).toMatchObject({ outcome: 'ok', tenant_code: 'baitang-lake', hash_version: 3 });
      expect(row.detail).toMatchObject({
        operationType: 'query',
        documentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(row.detail!.cost).toBeGreaterThan(0);
      expect(row.detail!.durationMs).toBeGreaterThan(0);
    }
    // One document, whatever the route: one hash.
    expect(new Set(reads.map((r) => r.detail!.documentHash)).size).toBe(1);
    // The refused write is no operation row: its refusal row is coalesced (checked in the refusal test below).
    expect(rows.find((r) => r.operation === 'advanceStage')).toBeUndefined();
    expect(await verifyAuditChain(owner)).toMatchObject({ ok: true, firstBroken: null });
  }, 60_000);

  it('keeps rows whose batch failed and writes them once the database takes them again', async () => {
    const actor = `apikey:${keyId}`;
    const count = async () =>
      Number(
        (
          await owner.query<{ n: string }>(
            `SELECT count(*) AS n FROM audit_log WHERE actor = $1 AND operation = 'Retry'`,
            [actor],
          )
        ).rows[0]!.n,
      );
    await owner.query(`REVOKE EXECUTE ON FUNCTION app.append_audit_batch(jsonb) FROM ${REQUEST_ROLE}`);
    try {
      for (let i = 0; i < 3; i += 1) {
        const result = await gql(gateway.url, 'query Retry { me { subject } }', undefined, {
          'x-api-key': key,
        });
        expect(result.errors).toBeUndefined(); // the answer never waits for (or fails with) the audit
      }
      await gateway.audit.flush();
      expect(await count()).toBe(0);
    } finally {
      await owner.query(`GRANT EXECUTE ON FUNCTION app.append_audit_batch(jsonb) TO ${REQUEST_ROLE}`);
    }
    await gateway.audit.flush();
    expect(await count()).toBe(3);
    expect(await verifyAuditChain(owner)).toMatchObject({ ok: true });
  });

  it('does not audit portal reads', async () => {
    await tokenFor(gateway.url, 'baitang-lake.commander'); // its sign-in is audited; the reads are not
    await gateway.audit.flush();
    const count = async () =>
      (await owner.query<{ n: string }>('SELECT count(*) AS n FROM audit_log')).rows[0]!.n;
    const before = await count();
    for (const n of [5, 10])
      expect((await asUser(gateway.url, 'baitang-lake.commander', PAGE, { n })).errors).toBeUndefined();
    await gateway.audit.flush();
    expect(await count()).toBe(before);
  });

  it('coalesces refusals per caller, code and address, over HTTP and WebSocket', async () => {
    const floods = 25;
    const floodStarted = Date.now();
    for (let i = 0; i < floods; i += 1) {
      const refused = await gql(gateway.url, '{ me { subject } }', undefined, {
        'x-api-key': 'hj_0000000000_nope-nope-nope-nope-nope-nope-nope-nope',
      });
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const floodElapsed = Date.now() - floodStarted;
    // Over limits: once over HTTP, once over WebSocket, by the key.
    expect(
      (await gql(gateway.url, ALIAS_BOMB, undefined, { 'x-api-key': key })).errors?.[0]?.extensions?.code,
    ).toBe('QUERY_TOO_COMPLEX');
    const client = wsClient(gateway.url, { authorization: key });
    try {
      const error = await new Promise<unknown>((resolve) => {
        client.subscribe(
          { query: ALIAS_BOMB },
          { next: () => undefined, error: resolve, complete: () => resolve(null) },
        );
      });
      expect(JSON.stringify(error)).toContain('QUERY_TOO_COMPLEX');
    } finally {
      await client.dispose();
    }
    // The windows close after 1.5 s; the writer's sweep then writes them.
    await new Promise((r) => setTimeout(r, 2_500));
    await gateway.audit.flush();

    const anonymous = (await rowsOf('anonymous')).filter(
      (r) => r.detail?.kind === 'refusal' && r.outcome === 'UNAUTHENTICATED',
    );
    // One row per window of 1.5 s (a flood on a slow machine may straddle windows), carrying the count.
    expect(anonymous.length).toBeLessThanOrEqual(1 + Math.floor(floodElapsed / 1_500));
    expect(anonymous.reduce((n, r) => n + Number(r.detail!.count), 0)).toBe(floods);
    for (const row of anonymous) {
      expect(row).toMatchObject({ client_address: expect.stringContaining('127.0.0.1'), hash_version: 3 });
      expect(row.detail).toMatchObject({ transport: 'http' });
    }
    const byKey = (await rowsOf(`apikey:${keyId}`)).filter((r) => r.detail?.kind === 'refusal');
    // The first row is the earlier test's write by this read-only key.
    expect(byKey.map((r) => [r.outcome, r.detail!.count])).toEqual([
      ['FORBIDDEN', 1],
      ['QUERY_TOO_COMPLEX', 2],
    ]);
    expect(await verifyAuditChain(owner)).toMatchObject({ ok: true });
  }, 60_000);

  it('records failed sign-ins with the username tried (never the password), and names who signed in', async () => {
    const wrong = 'not-the-password-4711';
    const failed = await gql(
      gateway.url,
      'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      {
        u: 'baisha.commander',
        p: wrong,
      },
    );
    expect(failed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const ok = await gql(
      gateway.url,
      `mutation { login(username: "baisha.viewer", password: "${DEMO_PASSWORD}") { token } }`,
    );
    expect(ok.errors).toBeUndefined();
    await gateway.audit.flush();

    const failures = (await rowsOf('anonymous')).filter((r) => r.operation === 'login');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      outcome: 'UNAUTHENTICATED',
      client_address: expect.stringContaining('127.0.0.1'),
    });
    expect(failures[0]!.detail).toEqual({ kind: 'login', username: 'baisha.commander' });
    const signedIn = (await rowsOf('baisha.viewer')).filter((r) => r.operation === 'login');
    expect(signedIn).toHaveLength(1);
    expect(signedIn[0]).toMatchObject({
      outcome: 'ok',
      tenant_code: 'baisha',
      membership_id: expect.any(String),
    });
    const leaked = await owner.query(
      `SELECT id FROM audit_log a WHERE to_jsonb(a)::text LIKE '%' || $1 || '%'`,
      [wrong],
    );
    expect(leaked.rows).toHaveLength(0);
    // Nobody signed in anonymously any more.
    expect(
      (await rowsOf('anonymous')).filter((r) => r.operation === 'login' && r.outcome === 'ok'),
    ).toHaveLength(0);
  });

  it('apiKeyUsage equals a recount of the key’s rows, for who may manage the key only', async () => {
    const to = new Date(Date.now() + 60_000);
    const variables = { key: keyId, from: startedAt.toISOString(), to: to.toISOString() };
    const result = await asUser<{ apiKeyUsage: Record<string, unknown> }>(
      gateway.url,
      'baitang-lake.commander',
      USAGE,
      variables,
    );
    expect(result.errors).toBeUndefined();
    const usage = result.data!.apiKeyUsage;

    const all = await rowsOf(`apikey:${keyId}`);
    const ops = all.filter((r) => r.detail?.kind === 'operation');
    const refusals = all.filter((r) => r.detail?.kind === 'refusal');
    const ms = (rows: AuditRow[]) =>
      rows.filter((r) => r.detail!.durationMs !== null).map((r) => Number(r.detail!.durationMs));
    const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
    const codes = new Map<string, number>();
    for (const r of ops.filter((o) => o.outcome !== 'ok'))
      codes.set(r.outcome, (codes.get(r.outcome) ?? 0) + 1);
    for (const r of refusals) codes.set(r.outcome, (codes.get(r.outcome) ?? 0) + Number(r.detail!.count));
    expect(usage).toMatchObject({
      operations: ops.length,
      errors: ops.filter((r) => r.outcome !== 'ok').length,
      refused: refusals.reduce((n, r) => n + Number(r.detail!.count), 0),
      rows: ops.reduce((n, r) => n + Number(r.detail!.rows), 0),
      cost: ops.reduce((n, r) => n + Number(r.detail!.cost ?? 0), 0),
    });
    expect(usage.p50DurationMs).toBeCloseTo(round(percentile(ms(ops), 0.5))!, 1);
    expect(usage.p95DurationMs).toBeCloseTo(round(percentile(ms(ops), 0.95))!, 1);
    expect(usage.errorsByCode).toEqual(
      [...codes].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, count]) => ({ code, count })),
    );
    const page = (usage.byOperation as { operation: string; operations: number; rows: number }[]).find(
      (o) => o.operation === 'Page',
    );
    const pages = ops.filter((r) => r.operation === 'Page');
    expect(page).toMatchObject({
      operations: pages.length,
      rows: pages.reduce((n, r) => n + Number(r.detail!.rows), 0),
    });

    // The district admin too; another tenant's commander does not find the key; others are refused.
    expect((await asUser(gateway.url, 'district.admin', USAGE, variables)).errors).toBeUndefined();
    const codeFor = async (username: string) =>
      (await asUser(gateway.url, username, USAGE, variables)).errors?.[0]?.extensions?.code;
    expect(await codeFor('baitang.commander')).toBe('NOT_FOUND');
    expect(await codeFor('baitang-lake.viewer')).toBe('FORBIDDEN');
    expect(await codeFor('district.inspector')).toBe('FORBIDDEN');
    expect(
      (await gql(gateway.url, USAGE, variables, { 'x-api-key': key })).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('keeps the audit rows readable only as before, and batches only from the gateway’s own scope', async () => {
    expect(
      (await asUser(gateway.url, 'baitang-lake.commander', '{ auditLog(first: 1) { id } }')).errors?.[0]
        ?.extensions?.code,
    ).toBe('FORBIDDEN');
    const inspector = await asUser<{ auditLog: { detail: { kind?: string } | null }[] }>(
      gateway.url,
      'district.inspector',
      '{ auditLog(first: 500) { id detail } }',
    );
    expect(inspector.data?.auditLog.some((r) => r.detail?.kind === 'operation')).toBe(true);
    // The request role, without the writer's signed scope, cannot append a batch (it would choose its actors).
    const client = await owner.connect();
    try {
      await client.query(`BEGIN; SET LOCAL ROLE ${REQUEST_ROLE}`);
      await expect(
        client.query(
          `SELECT app.append_audit_batch('[{"at":"2026-01-01T00:00:00Z","actor":"district.admin","operation":"x","outcome":"ok"}]')`,
        ),
      ).rejects.toThrow(/audit writer/);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
