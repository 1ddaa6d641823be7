// Allow-list keys run only operations registered for them, by the SHA-256 of their exact text, on HTTP and
// WebSocket alike; persisted queries live in PostgreSQL, so any replica answers a hash another one stored.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { generateApiKey } from '../src/credentials/api-keys.js';
import type { Gateway } from '../src/server.js';
import { createSeededDatabase, type TestDatabase, testPool } from './helpers/database.js';
import { waitFor } from './helpers/child-gateway.js';
import { gql } from './helpers/graphql.js';
import { startTestGateway } from './helpers/in-process.js';
import { RawSocket } from './helpers/live-socket.js';
import { asUser } from './helpers/sessions.js';

const REGISTERED = 'query Mine { me { subject tenantCode } }';
const MODIFIED = 'query Mine { me { subject tenantCode role } }';
const UNREGISTERED = '{ townships { code } }';
const REGISTER = 'mutation ($k: ID!, $q: String!) { registerOperation(keyId: $k, query: $q) { sha256Hash } }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

type Answer = { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] };
let nextId = 0;
async function overSocket(socket: RawSocket, query: string): Promise<Answer> {
  const id = `op${(nextId += 1)}`;
  socket.subscribe(id, query);
  const message = await socket.waitFor((m) => m.id === id && (m.type === 'next' || m.type === 'error'));
  return message.type === 'error'
    ? { errors: message.payload as Answer['errors'] }
    : (message.payload as Answer);
}

/** A persisted-query request (hash only, or hash and text) as Apollo's APQ protocol has it. */
async function persisted(url: string, key: string, hash: string, query?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'x-api-key': key } : {}) },
    body: JSON.stringify({
      ...(query ? { query } : {}),
      extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
    }),
  });
  return { status: response.status, ...((await response.json()) as Answer) };
}

describe('allow-list keys and shared persisted queries', () => {
  let db: TestDatabase;
  let owner: pg.Pool;
  let a: Gateway;
  let b: Gateway;
  let key: string;
  let keyId: string;
  const sockets: RawSocket[] = [];

  beforeAll(async () => {
    db = await createSeededDatabase();
    owner = testPool(db.url);
    [a, b] = [await startTestGateway(db.url), await startTestGateway(db.url)];
    const generated = generateApiKey();
    key = generated.key;
    const { rows } = await owner.query<{ id: string }>(
      `INSERT INTO api_key (prefix, secret_hash, name, tenant_kind, tenant_code, role, created_by, allow_list_only)
       VALUES ($1, $2, 'allow-list', 'township', 'baisha', 'viewer', 'test', true) RETURNING id`,
      [generated.prefix, generated.secretHash],
    );
    keyId = rows[0]!.id;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await a?.stop();
    await b?.stop();
    await owner?.end();
    await db?.drop();
  });

  it('registerOperation: by who may manage the key; a commander of another tenant may not', async () => {
    const foreign = await asUser(a.url, 'baitang.commander', REGISTER, { k: keyId, q: REGISTERED });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const result = await asUser<{ registerOperation: { sha256Hash: string } }>(
      a.url,
      'baisha.commander',
      REGISTER,
      { k: keyId, q: REGISTERED },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.registerOperation.sha256Hash).toBe(sha256(REGISTERED));
  });

  it.each([
    ['replica A', () => a],
    ['replica B', () => b],
  ])('over HTTP on %s: registered runs, unregistered and modified are refused', async (_name, gateway) => {
    const url = gateway().url;
    const ok = await gql<{ me: { tenantCode: string } }>(url, REGISTERED, {}, { 'x-api-key': key });
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.me.tenantCode).toBe('baisha');
    for (const query of [UNREGISTERED, MODIFIED, `${REGISTERED} `]) {
      const refused = await gql(url, query, {}, { 'x-api-key': key });
      expect(refused.status).toBe(403);
      expect(refused.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
      expect(refused.data ?? undefined).toBeUndefined();
    }
    // Other callers are not held to the key's list.
    expect((await asUser(url, 'baisha.viewer', UNREGISTERED)).errors).toBeUndefined();
  });

  it('over WebSocket: the same', async () => {
    const socket = await RawSocket.open(a.url, key);
    sockets.push(socket);
    expect((await overSocket(socket, REGISTERED)).errors).toBeUndefined();
    for (const query of [UNREGISTERED, MODIFIED]) {
      const refused = await overSocket(socket, query);
      expect(refused.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
    }
    expect(socket.isOpen).toBe(true);
  });

  it('by hash alone on any replica (the registered text is a persisted query); a hash of a modified text is not', async () => {
    const byHash = await persisted(b.url, key, sha256(REGISTERED));
    expect(byHash.errors).toBeUndefined();
    expect(byHash.data).toEqual({ me: { subject: `apikey:${keyId}`, tenantCode: 'baisha' } });
    const modified = await persisted(b.url, key, sha256(MODIFIED), MODIFIED);
    expect(modified.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
  });

  it('automatic persisted queries are shared: a hash stored through A is answered by B', async () => {
    const text = '{ townships { code nameZh } }';
    const first = await persisted(a.url, '', sha256(text), text);
    expect(first.errors).toBeUndefined();
    // Apollo stores the text without waiting for it: B answers once A's write has landed.
    const second = await waitFor(
      async () => {
        const answer = await persisted(b.url, '', sha256(text));
        return answer.errors ? undefined : answer;
      },
      { timeoutMs: 5_000, what: 'the hash on replica B' },
    );
    expect(second.data).toEqual(first.data);
    // A text under someone else's hash is not stored.
    const forged = await persisted(a.url, '', sha256('{ __typename }'), text);
    expect(forged.status).toBe(400);
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(forged.data ?? undefined).toBeUndefined();
    const stored = await owner.query('SELECT 1 FROM persisted_query WHERE hash = $1', [
      sha256('{ __typename }'),
    ]);
    expect(stored.rows).toEqual([]);
  });
});
