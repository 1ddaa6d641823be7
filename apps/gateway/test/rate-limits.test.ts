// Request rate and cost budget per key and per user: one policy, so HTTP (fast path and Apollo) and WebSocket
// refuse alike; counts recover after the window; replicas on one Redis share one budget.
import { Redis } from 'ioredis';
import type pg from 'pg';
import { generateApiKey } from '../src/credentials/api-keys.js';
import type { Gateway } from '../src/server.js';
import { createSeededDatabase, type TestDatabase, testPool } from './helpers/database.js';
import { gql } from './helpers/graphql.js';
import { startTestGateway } from './helpers/in-process.js';
import { sleep } from './helpers/live.js';
import { RawSocket } from './helpers/live-socket.js';
import { tokenFor } from './helpers/sessions.js';

const CHEAP = '{ me { subject } }';
const PAGE = '{ households(first: 50) { totalCount edges { node { id code } } } }';
const WINDOW_SECONDS = 2;
const LIMITS = {
  RATE_LIMIT_PER_MINUTE: '3',
  COST_LIMIT_PER_MINUTE: '1000000',
  RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
};

let nextId = 0;
async function overSocket(socket: RawSocket, query: string) {
  const id = `op${(nextId += 1)}`;
  socket.subscribe(id, query);
  const message = await socket.waitFor((m) => m.id === id && (m.type === 'next' || m.type === 'error'));
  return message.type === 'error'
    ? { errors: message.payload as { extensions?: Record<string, unknown> }[] }
    : (message.payload as { errors?: { extensions?: Record<string, unknown> }[] });
}

describe('rate limits and cost budgets', () => {
  let db: TestDatabase;
  let owner: pg.Pool;
  const gateways: Gateway[] = [];
  const sockets: RawSocket[] = [];

  const newKey = async (limits: { rate?: number; cost?: number } = {}) => {
    const { key, prefix, secretHash } = generateApiKey();
    await owner.query(
      `INSERT INTO api_key (prefix, secret_hash, name, tenant_kind, tenant_code, role, created_by,
         rate_per_minute, cost_per_minute) VALUES ($1, $2, 'limits', 'township', 'baisha', 'viewer', 'test', $3, $4)`,
      [prefix, secretHash, limits.rate ?? null, limits.cost ?? null],
    );
    return key;
  };
  const start = async (env: Record<string, string> = {}) => {
    const gateway = await startTestGateway(db.url, { ...LIMITS, ...env });
    gateways.push(gateway);
    return gateway;
  };

  beforeAll(async () => {
    db = await createSeededDatabase();
    owner = testPool(db.url);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    for (const gateway of gateways) await gateway.stop();
    await owner?.end();
    await db?.drop();
  });

  it('a key: the 4th request in the window gets 429 RATE_LIMITED with Retry-After, then recovers', async () => {
    const gateway = await start();
    const key = await newKey();
    for (let i = 0; i < 3; i += 1)
      expect((await gql(gateway.url, CHEAP, {}, { 'x-api-key': key })).errors).toBeUndefined();
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ query: CHEAP }),
    });
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    const body = (await response.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: retryAfter });
    expect(body.errors[0]!.extensions.http).toBeUndefined();
    // Another key is not affected.
    expect((await gql(gateway.url, CHEAP, {}, { 'x-api-key': await newKey() })).errors).toBeUndefined();
    await sleep(retryAfter * 1000 + 100);
    expect((await gql(gateway.url, CHEAP, {}, { 'x-api-key': key })).errors).toBeUndefined();
  });

  it('the same budget on a socket: RATE_LIMITED as an operation error, the socket stays open', async () => {
    const gateway = await start();
    const key = await newKey();
    const socket = await RawSocket.open(gateway.url, key);
    sockets.push(socket);
    for (let i = 0; i < 2; i += 1) expect((await overSocket(socket, CHEAP)).errors).toBeUndefined();
    expect((await gql(gateway.url, CHEAP, {}, { 'x-api-key': key })).errors).toBeUndefined(); // HTTP shares it
    const refused = await overSocket(socket, CHEAP);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(socket.isOpen).toBe(true);
    await sleep(WINDOW_SECONDS * 1000 + 100);
    expect((await overSocket(socket, CHEAP)).errors).toBeUndefined();
  });

  it('a signed-in user has a budget too; a key’s own rate overrides the default', async () => {
    const gateway = await start();
    const token = await tokenFor(gateway.url, 'baisha.viewer'); // the sign-in itself is anonymous: not counted
    const asViewer = () => gql(gateway.url, CHEAP, {}, { authorization: `Bearer ${token}` });
    for (let i = 0; i < 3; i += 1) expect((await asViewer()).errors).toBeUndefined();
    expect((await asViewer()).status).toBe(429);
    const generous = await newKey({ rate: 10 });
    for (let i = 0; i < 10; i += 1)
      expect((await gql(gateway.url, CHEAP, {}, { 'x-api-key': generous })).errors).toBeUndefined();
    expect((await gql(gateway.url, CHEAP, {}, { 'x-api-key': generous })).status).toBe(429);
  });

  it('the cost budget: a key with a small one runs a page of 50 once, not twice, in a window', async () => {
    const gateway = await start({ RATE_LIMIT_PER_MINUTE: '1000' });
    const key = await newKey({ cost: 1_000 }); // the page is priced 888 (graphql-armor), `me` 4
    const page = await gql(gateway.url, PAGE, {}, { 'x-api-key': key });
    expect(page.errors).toBeUndefined();
    for (let i = 0; i < 20; i += 1)
      expect((await gql(gateway.url, CHEAP, {}, { 'x-api-key': key })).errors).toBeUndefined();
    const again = await gql(gateway.url, PAGE, {}, { 'x-api-key': key });
    expect(again.status).toBe(429);
    expect(again.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    await sleep(WINDOW_SECONDS * 1000 + 100);
    expect((await gql(gateway.url, PAGE, {}, { 'x-api-key': key })).errors).toBeUndefined();
  });

  it('a refusal the fast path leaves to Apollo is charged once, not again by Apollo', async () => {
    const gateway = await start({ RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_WINDOW_SECONDS: '60' });
    const { key, prefix, secretHash } = generateApiKey();
    const { rows } = await owner.query<{ id: string }>(
      `INSERT INTO api_key (prefix, secret_hash, name, tenant_kind, tenant_code, role, created_by, allow_list_only)
       VALUES ($1, $2, 'once', 'township', 'baisha', 'viewer', 'test', true) RETURNING id`,
      [prefix, secretHash],
    );
    await owner.query(
      `INSERT INTO persisted_operation (key_id, hash, registered_by)
       VALUES ($1, encode(sha256(convert_to($2, 'UTF8')), 'hex'), 'test')`,
      [rows[0]!.id, CHEAP],
    );
    // 1: refused by the allow-list (after being counted), answered by Apollo; 2 and 3 still fit the rate of 3.
    const refused = await gql(gateway.url, '{ townships { code } }', {}, { 'x-api-key': key });
    expect(refused.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
    for (let i = 0; i < 2; i += 1)
      expect((await gql(gateway.url, CHEAP, {}, { 'x-api-key': key })).errors).toBeUndefined();
    expect((await gql(gateway.url, CHEAP, {}, { 'x-api-key': key })).status).toBe(429);
  });

  const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  it('two gateway processes on one Redis share one budget (skipped with a reason when no Redis answers)', async () => {
    const probe = new Redis(REDIS_URL, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
    });
    probe.on('error', () => undefined);
    const answered = await probe.connect().then(
      () => probe.ping(),
      () => null,
    );
    probe.disconnect();
    if (answered !== 'PONG') {
      console.log(`[rate-limits] shared-budget case skipped: no Redis answers at ${REDIS_URL}`);
      return;
    }
    const a = await start({ REDIS_URL, RATE_LIMIT_PER_MINUTE: '4' });
    const b = await start({ REDIS_URL, RATE_LIMIT_PER_MINUTE: '4' });
    const key = await newKey();
    for (const gateway of [a, b, a, b])
      expect((await gql(gateway.url, CHEAP, {}, { 'x-api-key': key })).errors).toBeUndefined();
    expect((await gql(a.url, CHEAP, {}, { 'x-api-key': key })).status).toBe(429);
    expect((await gql(b.url, CHEAP, {}, { 'x-api-key': key })).status).toBe(429);
    await sleep(WINDOW_SECONDS * 1000 + 200);
    expect((await gql(b.url, CHEAP, {}, { 'x-api-key': key })).errors).toBeUndefined();
  });
});
