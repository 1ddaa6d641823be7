// Integrator keys over the real gateway: created by the people the rule names (packages/authz, re-checked by the
// database), read-only unless granted write, refused at once once revoked or expired — over HTTP and on open sockets.
import { randomUUID } from 'node:crypto';
import { readScopeKey } from '@hanjiang/db';
import type pg from 'pg';
import { beginStatement } from '../src/db/request-transaction.js';
import type { Gateway } from '../src/server.js';
import type { TestDatabase } from './helpers/database.js';
import { waitFor } from './helpers/child-gateway.js';
import { gql } from './helpers/graphql.js';
import { sleep } from './helpers/live.js';
import { RawSocket } from './helpers/live-socket.js';
import { closeSeededGateway, openSeededGateway } from './helpers/seeded-gateway.js';
import { asUser } from './helpers/sessions.js';
import { ADVANCE, payloadFor } from './helpers/workflow.js';

const CREATE = `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) {
  secret apiKey { id prefix name tenantKind tenantCode role scopes createdBy expiresAt revokedAt allowListOnly
  ratePerMinute costPerMinute } } }`;
const REVOKE = 'mutation ($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }';
const LIST =
  'query ($t: String) { apiKeys(tenant: $t) { id name createdBy createdAt lastUsedAt revokedAt scopes } }';
const ME = '{ me { subject tenantCode role } }';
const CHANGED = 'subscription { householdChanged { id } }';

interface Created {
  createApiKey: {
    secret: string;
    apiKey: {
      id: string;
      prefix: string;
      tenantCode: string;
      role: string;
      scopes: string[];
      createdBy: string;
    };
  };
}

describe('integrator keys: lifecycle, scopes, revocation', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  let owner: pg.Pool;
  const sockets: RawSocket[] = [];

  beforeAll(async () => {
    ({ db, gateway, owner } = await openSeededGateway({ WS_CREDENTIAL_RECHECK_MS: '3600000' }));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await closeSeededGateway({ db, gateway, owner });
  });

  const create = (username: string, input: Record<string, unknown>) =>
    asUser<Created>(gateway.url, username, CREATE, { input: { name: 'integrator', ...input } });
  const withKey = <T>(key: string, query: string, variables?: Record<string, unknown>) =>
    gql<T>(gateway.url, query, variables, { 'x-api-key': key });
  const created = async (username: string, input: Record<string, unknown>) => {
    const result = await create(username, input);
    expect(result.errors).toBeUndefined();
    return result.data!.createApiKey;
  };
  const subscribed = async (key: string) => {
    const socket = await RawSocket.open(gateway.url, `Bearer ${key}`);
    expect(socket.isOpen).toBe(true);
    socket.subscribe('h', CHANGED);
    sockets.push(socket);
    return socket;
  };

  it('a district admin creates a key for any tenant; its secret works once shown, and is stored hashed', async () => {
    const key = await created('district.admin', { tenant: 'township:baisha', scopes: ['INTROSPECT'] });
    expect(key.secret).toMatch(/^hj_[a-z0-9]{10}_[A-Za-z0-9_-]{32,64}$/);
    expect(key.apiKey).toMatchObject({ tenantCode: 'baisha', role: 'viewer', createdBy: 'district.admin' });
    expect(key.apiKey.scopes.sort()).toEqual(['INTROSPECT', 'READ']);
    const me = await withKey<{ me: { tenantCode: string; role: string } }>(key.secret, ME);
    expect(me.data?.me).toMatchObject({ tenantCode: 'baisha', role: 'viewer' });
    const stored = await owner.query<{ secret_hash: string }>(
      'SELECT secret_hash FROM api_key WHERE id = $1',
      [key.apiKey.id],
    );
    expect(stored.rows[0]!.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(key.secret).not.toContain(stored.rows[0]!.secret_hash);
    // Last use is recorded off the request's path (at most once a minute per key).
    const lastUsed = await waitFor(
      async () => {
        const list = await asUser<{ apiKeys: { id: string; lastUsedAt: string | null }[] }>(
          gateway.url,
          'district.admin',
          LIST,
          { t: 'baisha' },
        );
        return list.data?.apiKeys.find((k) => k.id === key.apiKey.id)?.lastUsedAt ?? undefined;
      },
      { timeoutMs: 5_000, what: 'lastUsedAt' },
    );
    expect(Date.parse(lastUsed)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('a commander creates keys for their own tenant only; viewers and keys create none', async () => {
    const own = await created('baisha.commander', { tenant: 'baisha' });
    expect(own.apiKey.createdBy).toBe('baisha.commander');
    const other = await create('baisha.commander', { tenant: 'baitang' });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const viewer = await create('baisha.viewer', { tenant: 'baisha' });
    expect(viewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const writer = await created('district.admin', { tenant: 'district', scopes: ['WRITE'] });
    const byKey = await withKey(writer.secret, CREATE, { input: { name: 'k', tenant: 'district' } });
    expect(byKey.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // The commander's list holds their tenant's keys, never another's.
    const list = await asUser<{ apiKeys: { id: string }[] }>(gateway.url, 'baisha.commander', LIST);
    const ids = list.data!.apiKeys.map((k) => k.id);
    expect(ids).toContain(own.apiKey.id);
    expect(ids).not.toContain(writer.apiKey.id);
  });

  it('the database re-checks the caller: a signed commander scope mints and revokes no other tenant’s key', async () => {
    const target = await created('district.admin', { tenant: 'baitang' });
    const scope = (subject: string, kind: string, tenant: string, role: string) => ({
      'app.tenant_kind': kind,
      'app.tenant_id': tenant,
      'app.role': role,
      'app.team_id': '',
      'app.subject': subject,
    });
    const asScope = async (
      settings: Parameters<typeof beginStatement>[0],
      sql: string,
      params: unknown[] = [],
    ) => {
      const client = await owner.connect();
      try {
        await client.query(beginStatement(settings, await readScopeKey(owner)));
        return (await client.query<Record<string, unknown>>(sql, params)).rows;
      } finally {
        await client.query('ROLLBACK');
        client.release();
      }
    };
    const mint = `SELECT * FROM app.create_api_key('aaaaaaaaaa', repeat('0', 64), 'x', 'township', 'baitang',
      ARRAY['read'], NULL, NULL, NULL, false)`;
    const baisha = scope('baisha.commander', 'township', 'baisha', 'commander');
    expect(await asScope(baisha, mint)).toEqual([]);
    expect(await asScope(baisha, 'SELECT * FROM app.revoke_api_key($1)', [target.apiKey.id])).toEqual([]);
    expect(
      await asScope(baisha, 'SELECT id FROM app.list_api_keys() WHERE id = $1', [target.apiKey.id]),
    ).toEqual([]);
    // An API key's scope is no person's, whatever its role: keys never mint keys.
    expect(await asScope(scope(`apikey:${randomUUID()}`, 'district', 'district', 'admin'), mint)).toEqual([]);
    // The same statement under the rightful scope does mint (the check is the scope, not the statement).
    expect(await asScope(scope('baitang.commander', 'township', 'baitang', 'commander'), mint)).toHaveLength(
      1,
    );
  });

  it('a key without the write scope cannot sign; one with it can', async () => {
    const { rows } = await owner.query<{ id: string; version: number }>(
      `SELECT h.id, h.version FROM household h JOIN township t ON t.id = h.township_id
       WHERE t.code = 'baisha' AND h.stage = 'ASSESSED' ORDER BY h.code LIMIT 1`,
    );
    const household = rows[0]!;
    const sign = (key: string) =>
      withKey<{ advanceStage: { stage: string } }>(key, ADVANCE, {
        input: {
          householdId: household.id,
          toStage: 'SIGNED',
          idempotencyKey: randomUUID(),
          expectedVersion: household.version,
          ...payloadFor('SIGNED'),
        },
      });
    const reader = await created('baisha.commander', { tenant: 'baisha', scopes: ['READ'] });
    const refused = await sign(reader.secret);
    expect(refused.status).toBe(403);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toMatch(/read-only/);
    const still = await owner.query<{ stage: string }>('SELECT stage FROM household WHERE id = $1', [
      household.id,
    ]);
    expect(still.rows[0]!.stage).toBe('ASSESSED');

    const writer = await created('baisha.commander', { tenant: 'baisha', scopes: ['WRITE'] });
    expect(writer.apiKey.role).toBe('commander');
    const signed = await sign(writer.secret);
    expect(signed.errors).toBeUndefined();
    expect(signed.data?.advanceStage.stage).toBe('SIGNED');
  });

  it('revokeApiKey: refused at once over HTTP, and its open socket closes within a second', async () => {
    const key = await created('baisha.commander', { tenant: 'baisha' });
    const other = await created('baisha.commander', { tenant: 'baisha' });
    const socket = await subscribed(key.secret);
    const control = await subscribed(other.secret);
    expect((await withKey(key.secret, ME)).errors).toBeUndefined();

    const started = Date.now();
    const revoked = await asUser<{ revokeApiKey: { revokedAt: string | null } }>(
      gateway.url,
      'baisha.commander',
      REVOKE,
      { id: key.apiKey.id },
    );
    expect(revoked.data?.revokeApiKey.revokedAt).not.toBeNull();
    expect((await withKey(key.secret, ME)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const closed = await Promise.race([socket.closed, sleep(5_000).then(() => null)]);
    expect(closed).toEqual({ code: 4403, reason: 'Forbidden: credential revoked' });
    expect(Date.now() - started).toBeLessThan(1_000 + 500); // the mutation's own round trip included
    expect(control.isOpen).toBe(true);
    // Another tenant's commander cannot revoke it (nor learn it exists).
    const foreign = await asUser(gateway.url, 'baitang.commander', REVOKE, { id: other.apiKey.id });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('an expired key: refused over HTTP from its expiry, and its socket closes then', async () => {
    const expiresAt = new Date(Date.now() + 2_500).toISOString();
    const key = await created('baisha.commander', { tenant: 'baisha', expiresAt });
    const socket = await subscribed(key.secret);
    expect((await withKey(key.secret, ME)).errors).toBeUndefined();
    const closed = await Promise.race([socket.closed, sleep(8_000).then(() => null)]);
    expect(closed?.code).toBe(4403);
    expect(Date.now()).toBeLessThan(Date.parse(expiresAt) + 1_000);
    expect((await withKey(key.secret, ME)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses bad input: unknown tenant, past expiry, limits out of range', async () => {
    for (const input of [
      { tenant: 'atlantis' },
      { tenant: 'headquarters:baisha' },
      { tenant: 'baisha', expiresAt: new Date(Date.now() - 1000).toISOString() },
      { tenant: 'baisha', limits: { ratePerMinute: 0 } },
    ]) {
      const result = await create('district.admin', input);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
