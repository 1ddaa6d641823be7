// A JWT stays valid until `exp` by its signature alone; a disabled user or a changed membership must not keep
// access over HTTP for the rest of it. The database announces the lapse (credential event) and every replica
// forgets the user's remembered standing at once; a lapse nobody announced is seen within CREDENTIAL_CHECK_TTL_MS.
import jwt from 'jsonwebtoken';
import type pg from 'pg';
import type { Gateway } from '../src/server.js';
import { createSeededDatabase, type TestDatabase } from './helpers/database.js';
import { gql } from './helpers/graphql.js';
import { DEMO_PASSWORD, startTestGateway } from './helpers/in-process.js';
import { ownerPool, sleep } from './helpers/live.js';
import { tokenFor } from './helpers/sessions.js';

const ME = '{ me { tenantCode role } }';
const CHECK_TTL_MS = 1_500;

describe('HTTP refuses the token of a disabled user or a changed membership before it expires', () => {
  let db: TestDatabase;
  let owner: pg.Pool;
  let a: Gateway;
  let b: Gateway;
  const me = (gateway: Gateway, token: string) =>
    gql<{ me: { tenantCode: string; role: string } }>(gateway.url, ME, undefined, {
      authorization: `Bearer ${token}`,
    });
  /** A new sign-in (tokenFor remembers tokens per user). */
  const signIn = async (gateway: Gateway, username: string) =>
    (
      await gql<{ login: { token: string } }>(
        gateway.url,
        'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        { u: username, p: DEMO_PASSWORD },
      )
    ).data!.login.token;
  const code = (answer: Awaited<ReturnType<typeof me>>) => answer.errors?.[0]?.extensions?.code ?? 'OK';

  beforeAll(async () => {
    db = await createSeededDatabase();
    owner = ownerPool(db.url);
    // Two replicas of one database: the lapse must reach the one that did not see the change.
    [a, b] = await Promise.all([
      startTestGateway(db.url, { CREDENTIAL_CHECK_TTL_MS: String(CHECK_TTL_MS) }),
      startTestGateway(db.url, { CREDENTIAL_CHECK_TTL_MS: String(CHECK_TTL_MS) }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await owner?.end();
    await db?.drop();
  });

  it('a disabled user is refused at once on every replica, and a re-enabled one signs in again', async () => {
    const token = await tokenFor(a.url, 'baisha.viewer');
    expect(code(await me(a, token))).toBe('OK');
    expect(code(await me(b, token))).toBe('OK');
    await owner.query('UPDATE user_account SET disabled = true WHERE username = $1', ['baisha.viewer']);
    // The credential event travels on the live bus after COMMIT: allow it the time it takes, well under the TTL.
    for (const gateway of [a, b]) {
      let answer = await me(gateway, token);
      for (let i = 0; i < 20 && code(answer) === 'OK'; i += 1) {
        await sleep(50);
        answer = await me(gateway, token);
      }
      expect(answer.status).toBe(401);
      expect(code(answer)).toBe('UNAUTHENTICATED');
    }
    await owner.query('UPDATE user_account SET disabled = false WHERE username = $1', ['baisha.viewer']);
    // Re-enabled: a new sign-in is served (a refusal is never remembered), and so is the old token again.
    expect(code(await me(b, await signIn(a, 'baisha.viewer')))).toBe('OK');
    expect(code(await me(b, token))).toBe('OK');
  });

  it('a token naming a former role is refused once the membership changed; a new sign-in carries the new role', async () => {
    const token = await tokenFor(a.url, 'baisha.commander');
    const mid = (jwt.decode(token) as { mid: string }).mid;
    expect((await me(a, token)).data?.me.role).toBe('commander');
    await owner.query(`UPDATE membership SET role = 'viewer' WHERE id = $1`, [mid]);
    try {
      let answer = await me(a, token);
      for (let i = 0; i < 20 && code(answer) === 'OK'; i += 1) {
        await sleep(50);
        answer = await me(a, token);
      }
      expect(code(answer)).toBe('UNAUTHENTICATED');
      const renewed = await me(a, await signIn(a, 'baisha.commander'));
      expect(renewed.errors).toBeUndefined();
      expect(renewed.data?.me.role).toBe('viewer');
    } finally {
      await owner.query(`UPDATE membership SET role = 'commander' WHERE id = $1`, [mid]);
    }
  });

  it('a lapse no trigger announced (a restore, a manual fix) is seen once the remembered standing expires', async () => {
    const token = await tokenFor(a.url, 'jiangkou.viewer');
    expect(code(await me(a, token))).toBe('OK');
    const client = await owner.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica');
      await client.query('UPDATE user_account SET disabled = true WHERE username = $1', ['jiangkou.viewer']);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    // Still remembered as standing: no event came. This is the bound the TTL sets, not a promise of staleness.
    await sleep(CHECK_TTL_MS + 200);
    const answer = await me(a, token);
    expect(code(answer)).toBe('UNAUTHENTICATED');
  });
});
