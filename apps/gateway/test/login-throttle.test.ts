// Issue 13 item 1: aliased anonymous logins once slept while holding pooled connections and starved every
// other caller. Every login is now an attempt counted per address and per username before any database work,
// refused with RATE_LIMITED past the limits; the lookup runs in its own short transaction; pool sessions carry
// statement and idle-in-transaction timeouts; /readyz reports a starved pool; waiting too long for a connection
// answers SERVICE_UNAVAILABLE.
// @service-pass: its Redis variant runs when REDIS_URL is set (test/service-pass.mjs).
import { randomInt, randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Gateway } from '../src/server.js';
import { generateApiKey } from '../src/credentials/api-keys.js';
import { DEFAULT_LOGIN_LIMITS } from '../src/modules/auth/login-limits.js';
import { waitFor } from './helpers/child-gateway.js';
import { gql } from './helpers/graphql.js';
import { createSeededDatabase, type TestDatabase } from './helpers/database.js';
import { DEMO_PASSWORD, startTestGateway } from './helpers/in-process.js';
import { rawRequest } from './helpers/raw-http.js';
import { closeSeededGateway, openSeededGateway, type SeededGateway } from './helpers/seeded-gateway.js';
import { tokenFor } from './helpers/sessions.js';

const CAMPAIGN_DAY = '{ campaign { day } }';

interface Answer {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

function aliasedLogins(count: number, username: string): string {
  const fields = Array.from(
    { length: count },
    (_, i) => `a${i}: login(username: ${JSON.stringify(username)}, password: "guess-${i}") { token }`,
  );
  return `mutation { ${fields.join(' ')} }`;
}

/** One login from a given loopback address (each address is another client to the gateway). */
async function loginFrom(url: string, localAddress: string, username: string, password: string) {
  const response = await rawRequest({
    url,
    localAddress,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      variables: { u: username, p: password },
    }),
  });
  return response.json as Answer;
}

const codeOf = (answer: Answer) => answer.errors?.[0]?.extensions?.code;

describe('login throttling cannot starve the pool', () => {
  let opened: SeededGateway;

  beforeAll(async () => {
    opened = await openSeededGateway({ DB_POOL_SIZE: '10' });
  });
  afterAll(async () => {
    await closeSeededGateway(opened ?? {});
  });

  it('22 documents of 15 aliased logins: a signed-in query during the attack succeeds, the attacker is RATE_LIMITED', async () => {
    const { gateway } = opened;
    const token = await tokenFor(gateway.url, 'baitang.commander');
    let received = 0;
    const count = () => (received += 1);
    gateway.httpServer.on('request', count);
    const attack = Array.from({ length: 22 }, () =>
      rawRequest({
        url: gateway.url,
        localAddress: '127.0.0.2',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: aliasedLogins(15, 'zz-no-such-user') }),
      }),
    );
    // Every attacking request has reached the gateway (and, before the fix, taken a pooled connection to sleep on).
    await waitFor(() => (received >= 22 ? true : undefined), { what: 'the attack to arrive' });
    gateway.httpServer.off('request', count);

    const during = await gql<{ campaign: { day: number } }>(
      gateway.url,
      CAMPAIGN_DAY,
      {},
      {
        authorization: `Bearer ${token}`,
      },
    );
    expect(during.errors).toBeUndefined();
    expect(typeof during.data?.campaign.day).toBe('number');

    const answers = await Promise.all(attack);
    const errors = answers.flatMap((a) => (a.json as Answer).errors ?? []);
    const codes = errors.map((e) => e.extensions?.code);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(new Set(codes)).toEqual(new Set(['UNAUTHENTICATED', 'RATE_LIMITED']));
    // At most the per-username allowance of guesses reached the password check, aliases included.
    expect(codes.filter((c) => c === 'UNAUTHENTICATED').length).toBeLessThanOrEqual(
      DEFAULT_LOGIN_LIMITS.perUsername,
    );
    for (const error of errors.filter((e) => e.extensions?.code === 'RATE_LIMITED')) {
      expect(error.extensions?.retryAfterSeconds).toEqual(expect.any(Number));
      expect(error.extensions?.retryAfterSeconds as number).toBeGreaterThan(0);
      expect(error.extensions?.messageZh).toEqual(expect.any(String));
    }
    // The attack's address and username are limited; another client's sign-in is not.
    const other = await gql(
      gateway.url,
      'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      { u: 'qiulu.viewer', p: DEMO_PASSWORD },
    );
    expect(other.errors).toBeUndefined();
  });

  it('counts attempts per address: distinct usernames from one address are refused past the limit', async () => {
    const { gateway } = opened;
    for (let i = 0; i < DEFAULT_LOGIN_LIMITS.perAddress; i += 1) {
      expect(codeOf(await loginFrom(gateway.url, '127.0.0.3', `nobody-${i}`, 'wrong'))).toBe(
        'UNAUTHENTICATED',
      );
    }
    expect(codeOf(await loginFrom(gateway.url, '127.0.0.3', 'nobody-else', 'wrong'))).toBe('RATE_LIMITED');
    // Even the right password is refused from that address now — and accepted from another.
    expect(codeOf(await loginFrom(gateway.url, '127.0.0.3', 'baisha.viewer', DEMO_PASSWORD))).toBe(
      'RATE_LIMITED',
    );
    expect(
      (await loginFrom(gateway.url, '127.0.0.4', 'baisha.viewer', DEMO_PASSWORD)).errors,
    ).toBeUndefined();
  });

  it('counts attempts per username, whatever the address', async () => {
    const { gateway } = opened;
    for (let i = 0; i < DEFAULT_LOGIN_LIMITS.perUsername; i += 1) {
      const from = `127.0.0.${10 + i}`; // a new address each time: only the username limit applies
      expect(codeOf(await loginFrom(gateway.url, from, 'baitang.viewer', `wrong-${i}`))).toBe(
        'UNAUTHENTICATED',
      );
    }
    expect(codeOf(await loginFrom(gateway.url, '127.0.0.30', 'baitang.viewer', DEMO_PASSWORD))).toBe(
      'RATE_LIMITED',
    );
  });

  it('a successful sign-in gives its attempt back to the address', async () => {
    const { gateway } = opened;
    const limit = DEFAULT_LOGIN_LIMITS.perAddress;
    for (let i = 0; i < limit + 5; i += 1) {
      expect(
        (await loginFrom(gateway.url, '127.0.0.5', 'qiulu.viewer', DEMO_PASSWORD)).errors,
      ).toBeUndefined();
    }
  });
});

describe('a starved pool', () => {
  let opened: SeededGateway;
  let locker: pg.PoolClient | null = null;

  beforeAll(async () => {
    opened = await openSeededGateway({ DB_POOL_SIZE: '2', DB_ACQUIRE_TIMEOUT_MS: '2000' }, 2);
  });
  afterAll(async () => {
    await locker?.query('ROLLBACK').catch(() => undefined);
    locker?.release();
    await closeSeededGateway(opened ?? {});
  });

  it('makes /readyz answer 503, and a request that cannot get a connection answers SERVICE_UNAVAILABLE', async () => {
    const { gateway, owner, db } = opened;
    const token = await tokenFor(gateway.url, 'baitang.commander');
    const auth = { authorization: `Bearer ${token}` };
    const readyz = gateway.url.replace(/\/graphql$/, '/readyz');
    const { key: apiKey, prefix, secretHash } = generateApiKey();
    await owner.query(
      `INSERT INTO api_key (prefix, secret_hash, name, tenant_kind, tenant_code, role, created_by)
       VALUES ($1, $2, 'starvation test', 'headquarters', 'baitang-lake', 'viewer', 'test')`,
      [prefix, secretHash],
    );
    expect((await fetch(readyz)).status).toBe(200);

    // Hold both of the gateway's connections: two reads wait on a table lock the owner keeps.
    locker = await owner.connect();
    await locker.query('BEGIN; LOCK TABLE campaign IN ACCESS EXCLUSIVE MODE');
    const blocked = [gql(gateway.url, CAMPAIGN_DAY, {}, auth), gql(gateway.url, CAMPAIGN_DAY, {}, auth)];
    const dbName = new URL(db.url).pathname.slice(1);
    await waitFor(
      async () => {
        const { rows } = await owner.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`,
          [dbName],
        );
        return (rows[0]?.n ?? 0) >= 2 ? true : undefined;
      },
      { what: 'both pooled connections to wait on the lock' },
    );

    const starved = await fetch(readyz);
    expect(starved.status).toBe(503);
    expect(((await starved.json()) as { detail: string }).detail).toMatch(/pool starved/);

    const refused = await gql(gateway.url, CAMPAIGN_DAY, {}, auth);
    expect(refused.status).toBe(200);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    // A sign-in needs a connection for its lookup: the same answer (and the attempt is given back).
    const signIn = await gql(
      gateway.url,
      'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      { u: 'qiulu.viewer', p: DEMO_PASSWORD },
    );
    expect(signIn.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    // An API key is looked up on the pool before the operation: refused as a whole, 503 with a retry hint.
    const byKey = await gql(gateway.url, CAMPAIGN_DAY, {}, { 'x-api-key': apiKey });
    expect(byKey.status).toBe(503);
    expect(byKey.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(byKey.errors?.[0]?.extensions).not.toHaveProperty('http');

    await locker.query('COMMIT');
    locker.release();
    locker = null;
    for (const answer of await Promise.all(blocked)) expect(answer.errors).toBeUndefined();
    await waitFor(async () => ((await fetch(readyz)).status === 200 ? true : undefined), {
      what: '/readyz to recover',
    });
  });
});

describe('pool sessions carry statement and idle-in-transaction timeouts', () => {
  let opened: SeededGateway;
  let locker: pg.PoolClient | null = null;

  beforeAll(async () => {
    opened = await openSeededGateway({
      // Generous enough for the gateway's own start-up work on a loaded machine, short enough to wait for.
      DB_STATEMENT_TIMEOUT_MS: '2000',
      DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '3000',
    });
  });
  afterAll(async () => {
    await locker?.query('ROLLBACK').catch(() => undefined);
    locker?.release();
    await closeSeededGateway(opened ?? {});
  });

  it('sets both on every pooled session', async () => {
    const database = await opened.gateway.ready;
    const client = await database.pool.connect();
    try {
      const statement = await client.query<{ v: string }>('SHOW statement_timeout');
      const idle = await client.query<{ v: string }>('SHOW idle_in_transaction_session_timeout');
      expect(Object.values(statement.rows[0] ?? {})).toEqual(['2s']);
      expect(Object.values(idle.rows[0] ?? {})).toEqual(['3s']);
    } finally {
      client.release();
    }
  });

  it('a pooled session ended by the idle-in-transaction timeout does not take the gateway down', async () => {
    const { gateway } = opened;
    const database = await gateway.ready;
    const client = await database.pool.connect();
    const ended = new Promise<void>((resolve) => client.once('end', () => resolve()));
    await client.query('BEGIN');
    await ended; // the server ended the session after 3 s idle in the transaction
    client.release(new Error('session ended'));
    const token = await tokenFor(gateway.url, 'baitang.commander');
    const after = await gql(gateway.url, CAMPAIGN_DAY, {}, { authorization: `Bearer ${token}` });
    expect(after.errors).toBeUndefined();
  });

  it('a statement past the timeout is cancelled and answers SERVICE_UNAVAILABLE, not INTERNAL_SERVER_ERROR', async () => {
    const { gateway, owner } = opened;
    const token = await tokenFor(gateway.url, 'baitang.commander');
    locker = await owner.connect();
    await locker.query('BEGIN; LOCK TABLE campaign IN ACCESS EXCLUSIVE MODE');
    const answer = await gql(gateway.url, CAMPAIGN_DAY, {}, { authorization: `Bearer ${token}` });
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      detail: 'statement_timeout',
    });
    await locker.query('ROLLBACK');
    locker.release();
    locker = null;
  });
});

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) {
  console.log(
    '[login-throttle] Redis variant skipped: REDIS_URL is not set (e.g. REDIS_URL=redis://127.0.0.1:6379)',
  );
}

(REDIS_URL ? describe : describe.skip)('replicas sharing Redis (REDIS_URL) share the login limits', () => {
  let db: TestDatabase;
  let replicas: Gateway[] = [];

  beforeAll(async () => {
    db = await createSeededDatabase();
    replicas = await Promise.all([0, 1].map(() => startTestGateway(db.url, { REDIS_URL: REDIS_URL! })));
  });
  afterAll(async () => {
    await Promise.all(replicas.map((g) => g.stop()));
    await db?.drop();
  });

  it('attempts on one replica count on the other', async () => {
    // Fresh keys in a Redis that other runs may share: a random loopback address and username.
    const address = `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
    const username = `nobody-${randomUUID()}`;
    for (let i = 0; i < DEFAULT_LOGIN_LIMITS.perUsername; i += 1) {
      const replica = replicas[i % 2]!;
      expect(codeOf(await loginFrom(replica.url, address, username, `wrong-${i}`))).toBe('UNAUTHENTICATED');
    }
    for (const replica of replicas) {
      expect(codeOf(await loginFrom(replica.url, address, username, 'wrong'))).toBe('RATE_LIMITED');
    }
  });
});
