import type pg from 'pg';
import { generateApiKey } from '../src/credentials/api-keys.js';
import type { Gateway } from '../src/server.js';
import { createSeededDatabase, type TestDatabase, testPool } from './helpers/database.js';
import { gql } from './helpers/graphql.js';
import { startTestGateway } from './helpers/in-process.js';
import { RawSocket } from './helpers/live-socket.js';
import { tokenFor } from './helpers/sessions.js';

type Answer = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
};

const SCHEMA = '{ __schema { types { name } } }';
const TYPE = '{ __type(name: "Household") { fields { name } } }';
const IN_FRAGMENT = 'query { ...Peek } fragment Peek on Query { __schema { queryType { name } } }';
const ENUM_TYPO = '{ households(first: 1, filter: { stages: [SIGNEDD] }) { totalCount } }';
const ENUM_TYPO_VAR = 'query ($s: [Stage!]) { households(first: 1, filter: { stages: $s }) { totalCount } }';
const FIELD_TYPO = '{ campaign { dayy } }';
const INPUT_TYPO = '{ households(first: 1, filter: { stagess: [SIGNED] }) { totalCount } }';

let nextId = 0;

/** One operation over a graphql-ws socket: its `next` payload, or its `error` payload as `{ errors }`. */
async function overSocket(
  socket: RawSocket,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Answer> {
  const id = `op${(nextId += 1)}`;
  socket.subscribe(id, query, variables);
  const message = await socket.waitFor((m) => m.id === id && (m.type === 'next' || m.type === 'error'));
  if (message.type === 'error') return { errors: message.payload as Answer['errors'] };
  return message.payload as Answer;
}

/** What a client learns from an answer: its whole text, where a suggestion would show. */
const text = (answer: Answer) => JSON.stringify(answer);

/** An integrator key of baisha with these scopes, inserted as the table owner. */
async function keyWith(owner: pg.Pool, scopes: string[]): Promise<string> {
  const { key, prefix, secretHash } = generateApiKey();
  await owner.query(
    `INSERT INTO api_key (prefix, secret_hash, name, tenant_kind, tenant_code, role, created_by, scopes)
     VALUES ($1, $2, 'introspection', 'township', 'baisha', 'viewer', 'test', $3)`,
    [prefix, secretHash, scopes],
  );
  return key;
}

describe.each(['production', 'development'])(
  'schema exposure in %s: one rule per caller for HTTP and WebSocket',
  (NODE_ENV) => {
    let db: TestDatabase;
    let owner: pg.Pool;
    let gateway: Gateway;
    let reader: string;
    let introspector: string;
    const sockets: RawSocket[] = [];
    const open = async (authorization?: string) => {
      const socket = await RawSocket.open(gateway.url, authorization);
      sockets.push(socket);
      expect(socket.isOpen).toBe(true);
      return socket;
    };
    const headersOf = (authorization?: string): Record<string, string> =>
      authorization ? { authorization } : {};

    beforeAll(async () => {
      db = await createSeededDatabase();
      owner = testPool(db.url);
      gateway = await startTestGateway(db.url, { NODE_ENV, DEMO_MODE: '1' });
      reader = `Bearer ${await keyWith(owner, ['read'])}`;
      introspector = `Bearer ${await keyWith(owner, ['read', 'introspect'])}`;
    });
    afterAll(async () => {
      for (const socket of sockets) socket.close();
      await gateway?.stop();
      await owner?.end();
      await db?.drop();
    });

    const refusedTo: [string, () => string | undefined][] = [
      ['an anonymous caller', () => undefined],
      ['a key without the introspect scope', () => reader],
    ];
    const allowedTo: [string, () => Promise<string>][] = [
      ['a signed-in user', async () => `Bearer ${await tokenFor(gateway.url, 'district.admin')}`],
      ['a key with the introspect scope', () => Promise.resolve(introspector)],
    ];

    describe.each(refusedTo)('%s', (_who, credential) => {
      it.each([
        ['__schema', SCHEMA],
        ['__type', TYPE],
        ['__schema inside a fragment', IN_FRAGMENT],
      ])('is refused %s over HTTP and over a socket, alike', async (_what, query) => {
        const http = await gql(gateway.url, query, {}, headersOf(credential()));
        const socket = await open(credential());
        const ws = await overSocket(socket, query);
        for (const answer of [http, ws]) {
          expect(answer.data ?? undefined).toBeUndefined();
          expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
          expect(answer.errors?.[0]?.extensions?.detail).toBe('GRAPHQL_VALIDATION_FAILED');
          expect(text(answer)).not.toMatch(/"name":"(Query|Household|Mutation)"/);
        }
        expect(http.status).toBe(400);
        expect(ws.errors?.[0]?.message).toBe(http.errors?.[0]?.message);
        expect(socket.isOpen).toBe(true); // one refused operation, not the whole socket
      });

      it.each([
        ['a misspelled enum value in the document', ENUM_TYPO, {}],
        ['a misspelled enum value in variables', ENUM_TYPO_VAR, { s: ['SIGNEDD'] }],
        ['a misspelled field', FIELD_TYPO, {}],
        ['a misspelled input field', INPUT_TYPO, {}],
      ])('gets no "Did you mean" for %s on either transport', async (_what, query, variables) => {
        const http = await gql(gateway.url, query, variables, headersOf(credential()));
        const ws = await overSocket(await open(credential()), query, variables);
        for (const answer of [http, ws]) {
          expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
          expect(text(answer)).not.toMatch(/did you mean/i);
          expect(text(answer)).not.toMatch(/"(SIGNED|day|stages)"/);
        }
        expect(ws.errors?.[0]?.message).toBe(http.errors?.[0]?.message);
      });

      it('still gets __typename on both transports', async () => {
        const http = await gql(gateway.url, '{ __typename }', {}, headersOf(credential()));
        const ws = await overSocket(await open(credential()), '{ __typename }');
        expect(http.data).toEqual({ __typename: 'Query' });
        expect(ws.data).toEqual({ __typename: 'Query' });
      });
    });

    describe.each(allowedTo)('%s', (_who, credential) => {
      it('may introspect on both transports', async () => {
        const authorization = await credential();
        const http = await gql<{ __schema: { types: { name: string }[] } }>(
          gateway.url,
          SCHEMA,
          {},
          { authorization },
        );
        const ws = await overSocket(await open(authorization), SCHEMA);
        expect(http.errors).toBeUndefined();
        expect(ws.errors).toBeUndefined();
        expect(http.data?.__schema.types.map((t) => t.name)).toContain('Household');
        expect(ws.data).toEqual(http.data);
      });

      it('gets the same suggestions on both transports', async () => {
        const authorization = await credential();
        const http = await gql(gateway.url, FIELD_TYPO, {}, { authorization });
        const ws = await overSocket(await open(authorization), FIELD_TYPO);
        expect(http.errors?.[0]?.message).toMatch(/Did you mean "day"/);
        expect(ws.errors?.[0]?.message).toBe(http.errors?.[0]?.message);
      });
    });
  },
);
