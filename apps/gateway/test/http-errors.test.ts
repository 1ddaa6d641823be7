// Issue 13 items 13 and 14: every error on /graphql is the JSON GraphQL error shape (extensions.code,
// messageZh, messageEn) with no stack trace or path, whatever NODE_ENV — including the body-parser errors that
// used to get express's HTML page — and no internal extension (`http`, stack traces) ever reaches a client.
// HTTP status: request-level failures keep their 4xx; field errors (a failed login) answer 200, on every path.
import type { Gateway } from '../src/server.js';
import { createSeededDatabase, type TestDatabase } from './helpers/database.js';
import { DEMO_PASSWORD, startTestGateway } from './helpers/in-process.js';
import { type RawResponse, rawRequest } from './helpers/raw-http.js';

interface ErrorBody {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

const PUBLIC_EXTENSION_KEYS = new Set([
  'code',
  'messageZh',
  'messageEn',
  'detail',
  'retryAfterSeconds',
  'problems',
]);

/** The shape every error answer must have: JSON, a public code, both languages, no internals. */
function expectJsonError(response: RawResponse, status: number, code: string): ErrorBody {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/(graphql-response\+)?json/);
  expect(response.text).not.toMatch(/<html|<!DOCTYPE|<pre>|\bat [\w.<>]+ \(|node_modules|\/work\//i);
  const body = response.json as ErrorBody;
  expect(body.errors?.length).toBeGreaterThan(0);
  for (const error of body.errors ?? []) {
    expect(error.extensions?.code).toBe(code);
    expect(error.extensions?.messageZh).toEqual(expect.any(String));
    expect(error.extensions?.messageEn).toEqual(expect.any(String));
    for (const key of Object.keys(error.extensions ?? {})) expect(PUBLIC_EXTENSION_KEYS).toContain(key);
  }
  return body;
}

const SMALL_QUERY = JSON.stringify({ query: '{ __typename }' });
const LOGIN = 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';

describe('HTTP errors on /graphql are JSON, without internals (NODE_ENV unset, as `pnpm start` runs)', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  const savedNodeEnv = process.env.NODE_ENV;

  beforeAll(async () => {
    db = await createSeededDatabase();
    // Express picks its mode from process.env.NODE_ENV when the app is made: unset means development.
    delete process.env.NODE_ENV;
    try {
      gateway = await startTestGateway(db.url);
    } finally {
      process.env.NODE_ENV = savedNodeEnv;
    }
  });
  afterAll(async () => {
    await gateway?.stop();
    await db?.drop();
  });

  const post = (body: Buffer | string, headers: Record<string, string> = {}, chunks?: number) =>
    rawRequest({
      url: gateway.url,
      body,
      chunks,
      headers: { 'content-type': 'application/json', ...headers },
    });

  it('a body over the limit (with a length) answers 413 JSON', async () => {
    const big = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(300_000) } });
    expectJsonError(await post(big), 413, 'BAD_USER_INPUT');
  });

  it('a chunked body over the limit answers 413 JSON', async () => {
    const big = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(300_000) } });
    expectJsonError(await post(big, {}, 8), 413, 'BAD_USER_INPUT');
  });

  it('a chunked body within the limit is served', async () => {
    const answer = await post(SMALL_QUERY, {}, 3);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ data: { __typename: 'Query' } });
  });

  it('malformed JSON answers 400 JSON, with a length or chunked', async () => {
    expectJsonError(await post('{"query": "{ __typename }"'), 400, 'BAD_USER_INPUT');
    expectJsonError(await post('{"query": "{ __typename }"', {}, 2), 400, 'BAD_USER_INPUT');
  });

  it('charset=utf-16 with bytes that are not UTF-16 JSON answers 400 JSON', async () => {
    const answer = await post(SMALL_QUERY, { 'content-type': 'application/json; charset=utf-16' });
    expectJsonError(answer, 400, 'BAD_USER_INPUT');
  });

  it('a body that really is UTF-16 is decoded and served', async () => {
    const utf16 = Buffer.from(SMALL_QUERY, 'utf16le');
    const answer = await post(utf16, { 'content-type': 'application/json; charset=utf-16le' });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ data: { __typename: 'Query' } });
  });

  it('requests Apollo refuses (GET without a query, PUT, a document that does not parse) answer JSON', async () => {
    const base = { url: gateway.url, headers: { 'apollo-require-preflight': '1' } };
    const noQuery = await rawRequest({ ...base, method: 'GET' });
    expect(noQuery.status).toBeGreaterThanOrEqual(400);
    expectJsonError(noQuery, noQuery.status, 'BAD_USER_INPUT');
    const put = await rawRequest({ ...base, method: 'PUT', body: SMALL_QUERY });
    expect(put.status).toBeGreaterThanOrEqual(400);
    expect(put.text).not.toMatch(/<html|<!DOCTYPE|node_modules|\/work\//i);
    expectJsonError(await post(JSON.stringify({ query: '{ nope(' })), 400, 'BAD_USER_INPUT');
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''])(
    'a POST with content-type %j answers a 4xx in JSON',
    async (contentType) => {
      const answer = await rawRequest({
        url: gateway.url,
        body: SMALL_QUERY,
        headers: contentType ? { 'content-type': contentType } : {},
      });
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expectJsonError(answer, answer.status, 'BAD_USER_INPUT');
    },
  );

  it('an unknown path answers 404 JSON', async () => {
    const answer = await rawRequest({ url: gateway.url.replace(/graphql$/, 'no/such/path'), method: 'GET' });
    expectJsonError(answer, 404, 'NOT_FOUND');
  });

  it('an unsupported charset answers 415 JSON', async () => {
    const answer = await post(SMALL_QUERY, { 'content-type': 'application/json; charset=latin1' });
    expectJsonError(answer, 415, 'BAD_USER_INPUT');
  });

  it('an unsupported content encoding answers 415 JSON', async () => {
    const answer = await post(SMALL_QUERY, { 'content-encoding': 'br-nonsense' });
    expectJsonError(answer, 415, 'BAD_USER_INPUT');
  });

  it('a failed login answers 200 with UNAUTHENTICATED and no `http` extension, on both HTTP paths', async () => {
    const body = JSON.stringify({ query: LOGIN, variables: { u: 'baitang.viewer', p: 'wrong-password' } });
    // application/json: the compiled fast path.
    const fast = expectJsonError(await post(body), 200, 'UNAUTHENTICATED');
    expect(fast.data).toBeNull();
    // application/graphql-response+json: Apollo's pipeline. Same status, same error.
    const apollo = expectJsonError(
      await post(body, { accept: 'application/graphql-response+json' }),
      200,
      'UNAUTHENTICATED',
    );
    expect(apollo.errors).toEqual(fast.errors);
    // And a right password still signs in on both.
    const ok = JSON.stringify({ query: LOGIN, variables: { u: 'baitang.viewer', p: DEMO_PASSWORD } });
    expect(((await post(ok)).json as ErrorBody).errors).toBeUndefined();
  });

  it('a bad credential header is refused before execution: 401, without an `http` extension', async () => {
    const answer = await post(SMALL_QUERY, { authorization: 'Bearer not-a-token' });
    expectJsonError(answer, 401, 'UNAUTHENTICATED');
  });
});

describe('…and the same in production mode', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  const savedNodeEnv = process.env.NODE_ENV;

  beforeAll(async () => {
    db = await createSeededDatabase();
    process.env.NODE_ENV = 'production';
    try {
      gateway = await startTestGateway(db.url, { NODE_ENV: 'production' });
    } finally {
      process.env.NODE_ENV = savedNodeEnv;
    }
  });
  afterAll(async () => {
    await gateway?.stop();
    await db?.drop();
  });

  it('too large, malformed and unsupported bodies answer JSON', async () => {
    const post = (body: string, headers: Record<string, string> = {}, chunks?: number) =>
      rawRequest({
        url: gateway.url,
        body,
        chunks,
        headers: { 'content-type': 'application/json', ...headers },
      });
    const big = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(300_000) } });
    expectJsonError(await post(big, {}, 4), 413, 'BAD_USER_INPUT');
    expectJsonError(await post('{"query": ', {}, 2), 400, 'BAD_USER_INPUT');
    expectJsonError(
      await post(SMALL_QUERY, { 'content-type': 'application/json; charset=latin1' }),
      415,
      'BAD_USER_INPUT',
    );
  });
});
