// persisted_query is bounded in count (issue 12): any caller, anonymous included, may store texts there, so past
// PERSISTED_QUERY_MAX_ROWS the least recently used texts are evicted by app.persist_query — never an operation
// registered for an allow-list key. Real gateway, real PostgreSQL, a cap of 10.
import { createHash } from 'node:crypto';
import { waitFor } from './helpers/child-gateway.js';
import { closeSeededGateway, openSeededGateway, type SeededGateway } from './helpers/seeded-gateway.js';
import { insertApiKey } from './helpers/api-key.js';
import { startTestGateway } from './helpers/in-process.js';

const CAP = 10;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const text = (n: number) => `query Bound${n} { __typename }`;

describe('the persisted-query store is bounded', () => {
  let opened: SeededGateway;
  const stored = async (hash: string) =>
    (await opened.owner.query('SELECT 1 FROM persisted_query WHERE hash = $1', [hash])).rowCount === 1;
  const count = async () =>
    Number((await opened.owner.query<{ n: string }>('SELECT count(*) AS n FROM persisted_query')).rows[0]!.n);
  /** Stores a text the way Apollo's clients do (anonymously, hash and text), and waits until it is stored. */
  const persist = async (query: string, url = opened.gateway.url) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query,
        extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } },
      }),
    });
    expect(response.status).toBe(200);
    await response.json();
    await waitFor(async () => ((await stored(sha256(query))) ? true : undefined), {
      timeoutMs: 5_000,
      what: `${query} stored`,
    });
  };
  /** Ages a row, as if it had not been used for `days`. */
  const age = (hash: string, days: number) =>
    opened.owner.query(
      `UPDATE persisted_query SET last_used_at = now() - make_interval(days => $2), created_at = now() - make_interval(days => $2)
       WHERE hash = $1`,
      [hash, days],
    );

  beforeAll(async () => {
    opened = await openSeededGateway({ PERSISTED_QUERY_MAX_ROWS: String(CAP) });
    await opened.owner.query('DELETE FROM persisted_query');
  });
  afterAll(() => closeSeededGateway(opened));

  it('evicts the least recently used texts past the cap, never a registered operation', async () => {
    // An allow-list key's operation, registered long ago and never used since: the oldest row of all.
    await insertApiKey(opened.owner, { kind: 'township', code: 'baisha' });
    const { rows } = await opened.owner.query<{ id: string }>('SELECT id FROM api_key LIMIT 1');
    const registered = 'query Registered { __typename }';
    await opened.owner.query('SELECT app.persist_query($1, $2)', [sha256(registered), registered]);
    await opened.owner.query(
      `INSERT INTO persisted_operation (key_id, hash, registered_by) VALUES ($1, $2, 'test')`,
      [rows[0]!.id, sha256(registered)],
    );
    await age(sha256(registered), 30);

    for (let n = 0; n < CAP - 1; n += 1) await persist(text(n));
    expect(await count()).toBe(CAP);
    // Texts 0..8 were stored in that order; text 0 is then used (a lookup moves a use older than a day), so
    // text 1 is the least recently used unregistered one.
    for (let n = 0; n < CAP - 1; n += 1) await age(sha256(text(n)), 20 - n);
    const looked = await opened.owner.query<{ q: string }>('SELECT app.persisted_query($1) AS q', [
      sha256(text(0)),
    ]);
    expect(looked.rows[0]!.q).toBe(text(0));

    await persist(text(100));
    expect(await count()).toBe(CAP);
    expect(await stored(sha256(text(1)))).toBe(false);
    expect(await stored(sha256(text(0)))).toBe(true);
    expect(await stored(sha256(registered))).toBe(true);

    await persist(text(101));
    await persist(text(102));
    expect(await count()).toBe(CAP);
    expect(await stored(sha256(text(2)))).toBe(false);
    expect(await stored(sha256(text(3)))).toBe(false);
    expect(await stored(sha256(registered))).toBe(true);
    for (const n of [0, 4, 5, 6, 7, 8, 100, 101, 102]) expect(await stored(sha256(text(n)))).toBe(true);
  });

  it('an evicted hash is asked for again by a replica that has not seen it, and stored again', async () => {
    // Text 1 was evicted above (the first gateway still serves it from its memory). A second replica:
    const replica = await startTestGateway(opened.db.url, { PERSISTED_QUERY_MAX_ROWS: String(CAP) });
    try {
      const hashOnly = await fetch(replica.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          extensions: { persistedQuery: { version: 1, sha256Hash: sha256(text(1)) } },
        }),
      });
      const answer = (await hashOnly.json()) as { errors?: { message: string }[] };
      expect(answer.errors?.[0]?.message).toBe('PersistedQueryNotFound');
      await persist(text(1), replica.url);
      expect(await count()).toBe(CAP);
    } finally {
      await replica.stop();
    }
  });

  it('without a cap (the set-up script, app.register_operation) nothing is evicted', async () => {
    const extra = 'query Unbounded { __typename }';
    await opened.owner.query('SELECT app.persist_query($1, $2)', [sha256(extra), extra]);
    expect(await count()).toBe(CAP + 1);
    // A forged hash stores nothing, with or without a cap.
    await opened.owner.query('SELECT app.persist_query($1, $2, 10)', [sha256('{ a }'), '{ b }']);
    expect(await stored(sha256('{ a }'))).toBe(false);
  });
});
