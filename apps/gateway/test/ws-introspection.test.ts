import type { Gateway } from '../src/server.js';
import { createSeededDatabase, type TestDatabase } from './helpers/database.js';
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

describe('schema exposure: one rule for HTTP and WebSocket', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createSeededDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  describe('in production', () => {
    let gateway: Gateway;
    const sockets: RawSocket[] = [];
    const open = async (authorization?: string) => {
      const socket = await RawSocket.open(gateway.url, authorization);
      sockets.push(socket);
      expect(socket.isOpen).toBe(true);
      return socket;
    };

    beforeAll(async () => {
      gateway = await startTestGateway(db.url, { NODE_ENV: 'production', DEMO_MODE: '1' });
    });
    afterAll(async () => {
      for (const socket of sockets) socket.close();
      await gateway?.stop();
    });

    it.each([
      ['__schema', SCHEMA],
      ['__type', TYPE],
      ['__schema inside a fragment', IN_FRAGMENT],
    ])('refuses %s over HTTP and over a socket with empty connectionParams, alike', async (_what, query) => {
      const http = await gql(gateway.url, query);
      const ws = await overSocket(await open(), query);
      for (const answer of [http, ws]) {
        expect(answer.data ?? undefined).toBeUndefined();
        expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(answer.errors?.[0]?.extensions?.detail).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(text(answer)).not.toMatch(/"name":"(Query|Household|Mutation)"/);
      }
      expect(http.status).toBe(400);
      expect(ws.errors?.[0]?.message).toBe(http.errors?.[0]?.message);
    });

    it('refuses introspection to a signed-in user on the socket too', async () => {
      const socket = await open(`Bearer ${await tokenFor(gateway.url, 'district.admin')}`);
      const answer = await overSocket(socket, SCHEMA);
      expect(answer.errors?.[0]?.extensions?.detail).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(answer.data ?? undefined).toBeUndefined();
      expect(socket.isOpen).toBe(true); // one refused operation, not the whole socket
    });

    it('still answers __typename on both transports', async () => {
      const http = await gql(gateway.url, '{ __typename }');
      const ws = await overSocket(await open(), '{ __typename }');
      expect(http.data).toEqual({ __typename: 'Query' });
      expect(ws.data).toEqual({ __typename: 'Query' });
    });

    it.each([
      ['a misspelled enum value in the document', ENUM_TYPO, {}],
      ['a misspelled enum value in variables', ENUM_TYPO_VAR, { s: ['SIGNEDD'] }],
      ['a misspelled field', FIELD_TYPO, {}],
      ['a misspelled input field', INPUT_TYPO, {}],
    ])('hides "Did you mean" for %s on both transports', async (_what, query, variables) => {
      const token = await tokenFor(gateway.url, 'district.admin');
      const http = await gql(gateway.url, query, variables, { authorization: `Bearer ${token}` });
      const ws = await overSocket(await open(`Bearer ${token}`), query, variables);
      for (const answer of [http, ws]) {
        expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(text(answer)).not.toMatch(/did you mean/i);
        expect(text(answer)).not.toMatch(/"(SIGNED|day|stages)"/);
      }
      expect(ws.errors?.[0]?.message).toBe(http.errors?.[0]?.message);
    });
  });

  describe('in development (the same rule, the other answer)', () => {
    let gateway: Gateway;
    let socket: RawSocket;

    beforeAll(async () => {
      gateway = await startTestGateway(db.url, { NODE_ENV: 'development' });
      socket = await RawSocket.open(gateway.url);
    });
    afterAll(async () => {
      socket?.close();
      await gateway?.stop();
    });

    it('answers introspection on both transports', async () => {
      const http = await gql<{ __schema: { types: { name: string }[] } }>(gateway.url, SCHEMA);
      const ws = await overSocket(socket, SCHEMA);
      expect(http.errors).toBeUndefined();
      expect(ws.errors).toBeUndefined();
      expect(http.data?.__schema.types.map((t) => t.name)).toContain('Household');
      expect(ws.data).toEqual(http.data);
    });

    it('gives the same suggestions on both transports', async () => {
      const http = await gql(gateway.url, FIELD_TYPO);
      const ws = await overSocket(socket, FIELD_TYPO);
      expect(http.errors?.[0]?.message).toMatch(/Did you mean "day"/);
      expect(ws.errors?.[0]?.message).toBe(http.errors?.[0]?.message);
    });
  });
});
