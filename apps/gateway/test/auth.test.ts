import jwt from 'jsonwebtoken';
import { generateApiKey } from '../src/credentials/api-keys.js';
import type { Gateway } from '../src/server.js';
import { createSeededDatabase, type TestDatabase, testPool } from './helpers/database.js';
import { gql } from './helpers/graphql.js';
import { DEMO_PASSWORD, startTestGateway, TEST_JWT_SECRET } from './helpers/in-process.js';
import { tokenFor } from './helpers/sessions.js';

const ME = '{ me { subject tenantCode role memberships { id tenantCode role active } } }';

describe('authentication', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  let claims: Record<string, unknown>;

  beforeAll(async () => {
    db = await createSeededDatabase();
    gateway = await startTestGateway(db.url);
    const token = await tokenFor(gateway.url, 'baitang.commander');
    claims = jwt.decode(token) as Record<string, unknown>;
  });
  afterAll(async () => {
    await gateway?.stop();
    await db?.drop();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const base = () => {
    const { iat: _i, exp: _e, ...rest } = claims;
    return rest;
  };

  it('a valid token acts in its membership', async () => {
    const result = await gql<{ me: { tenantCode: string; role: string } }>(
      gateway.url,
      ME,
      {},
      bearer(await tokenFor(gateway.url, 'baitang.commander')),
    );
    expect(result.data?.me).toMatchObject({ tenantCode: 'baitang', role: 'commander' });
  });

  const forged: [string, () => string][] = [
    [
      'alg: none',
      () => jwt.sign({ ...base(), exp: Math.floor(Date.now() / 1000) + 600 }, '', { algorithm: 'none' }),
    ],
    [
      'HS256 with the wrong key',
      () => jwt.sign(base(), 'x'.repeat(48), { algorithm: 'HS256', expiresIn: 600 }),
    ],
    [
      'expired (beyond the 60 s skew)',
      () => jwt.sign({ ...base(), exp: Math.floor(Date.now() / 1000) - 120 }, TEST_JWT_SECRET),
    ],
    ['no exp', () => jwt.sign(base(), TEST_JWT_SECRET, { algorithm: 'HS256' })],
    ['wrong aud', () => jwt.sign({ ...base(), aud: 'someone-else' }, TEST_JWT_SECRET, { expiresIn: 600 })],
    ['wrong iss', () => jwt.sign({ ...base(), iss: 'evil' }, TEST_JWT_SECRET, { expiresIn: 600 })],
    [
      'a role raised by hand (signature broken)',
      () => {
        const [h, , s] = jwt.sign(base(), TEST_JWT_SECRET, { expiresIn: 600 }).split('.');
        const body = Buffer.from(
          JSON.stringify({ ...base(), role: 'admin', tk: 'district', tc: 'district', exp: 9e9 }),
        ).toString('base64url');
        return `${h}.${body}.${s}`;
      },
    ],
  ];

  it.each(forged)('rejects %s with UNAUTHENTICATED', async (_name, make) => {
    const result = await gql(gateway.url, ME, {}, bearer(make()));
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a token within the 60 s clock skew is accepted', async () => {
    const token = jwt.sign({ ...base(), exp: Math.floor(Date.now() / 1000) - 30 }, TEST_JWT_SECRET);
    const result = await gql(gateway.url, ME, {}, bearer(token));
    expect(result.errors).toBeUndefined();
  });

  it('ignores a forged x-tenant header: tenant and role come only from the token', async () => {
    const token = await tokenFor(gateway.url, 'qiulu.viewer');
    const result = await gql<{ me: { tenantCode: string; role: string } }>(
      gateway.url,
      ME,
      {},
      {
        ...bearer(token),
        'x-tenant': 'district',
        'x-role': 'admin',
      },
    );
    expect(result.data?.me).toMatchObject({ tenantCode: 'qiulu', role: 'viewer' });
  });

  it('wrong password and unknown user fail identically', async () => {
    const login = 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
    const wrong = await gql(gateway.url, login, { u: 'baitang.commander', p: 'not-the-password' });
    const unknown = await gql(gateway.url, login, { u: 'nobody.at.all', p: DEMO_PASSWORD });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message);
    expect(unknown.errors?.[0]?.extensions).toEqual(wrong.errors?.[0]?.extensions);
  });

  it('switchTenant moves a multi-membership user to another tenant', async () => {
    const token = await tokenFor(gateway.url, 'zhang.guoshun');
    const me = await gql<{ me: { tenantCode: string; memberships: { id: string; tenantCode: string }[] } }>(
      gateway.url,
      ME,
      {},
      bearer(token),
    );
    expect(me.data?.me.tenantCode).toBe('baisha');
    const other = me.data!.me.memberships.find((m) => m.tenantCode === 'baitang')!;
    const switched = await gql<{ switchTenant: { token: string; me: { tenantCode: string; role: string } } }>(
      gateway.url,
      'mutation ($m: ID!) { switchTenant(membershipId: $m) { token me { tenantCode role } } }',
      { m: other.id },
      bearer(token),
    );
    expect(switched.data?.switchTenant.me).toEqual({ tenantCode: 'baitang', role: 'viewer' });
  });

  it('an API key authenticates with x-api-key inside its tenant; a revoked one does not', async () => {
    const owner = testPool(db.url, 1);
    const { key, prefix, secretHash } = generateApiKey();
    await owner.query(
      `INSERT INTO api_key (prefix, secret_hash, name, tenant_kind, tenant_code, role, created_by)
       VALUES ($1, $2, 'test integrator', 'headquarters', 'baitang-lake', 'viewer', 'test')`,
      [prefix, secretHash],
    );
    const ok = await gql<{ me: { tenantCode: string } }>(gateway.url, ME, {}, { 'x-api-key': key });
    expect(ok.data?.me.tenantCode).toBe('baitang-lake');
    const bad = await gql(gateway.url, ME, {}, { 'x-api-key': `${key.slice(0, -2)}xx` });
    expect(bad.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await owner.end();
  });

  it('demo accounts are refused when demo mode is off', async () => {
    const strict = await startTestGateway(db.url, { DEMO_MODE: '0' });
    try {
      const result = await gql(
        strict.url,
        'mutation { login(username: "baitang.viewer", password: "hanjiang-demo-2020") { token } }',
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await strict.stop();
    }
  });
});
