import type { Gateway } from '../src/server.js';
import { createSeededDatabase, type TestDatabase } from './helpers/database.js';
import { gql } from './helpers/graphql.js';
import { startTestGateway } from './helpers/in-process.js';
import { RawSocket } from './helpers/live-socket.js';

type Answer = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };

/** `{ a0: __typename a1: __typename … }` */
const typenameAliases = (n: number) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;

async function overSocket(socket: RawSocket, id: string, query: string): Promise<Answer> {
  socket.subscribe(id, query);
  const message = await socket.waitFor((m) => m.id === id && (m.type === 'next' || m.type === 'error'));
  return message.type === 'error'
    ? { errors: message.payload as Answer['errors'] }
    : (message.payload as Answer);
}

describe('the alias limit (15) counts every alias, __typename included, on HTTP and WebSocket', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  let socket: RawSocket;

  beforeAll(async () => {
    db = await createSeededDatabase();
    gateway = await startTestGateway(db.url);
    socket = await RawSocket.open(gateway.url);
  });
  afterAll(async () => {
    socket?.close();
    await gateway?.stop();
    await db?.drop();
  });

  it.each([
    ['500 __typename aliases', typenameAliases(500)],
    ['16 __typename aliases', typenameAliases(16)],
    [
      '16 __typename aliases spread from a fragment',
      `query { ...F } fragment F on Query { ${typenameAliases(16).slice(1, -1)} }`,
    ],
    [
      '8 field aliases each with an aliased __typename',
      `{ ${Array.from({ length: 8 }, (_, i) => `c${i}: campaign { t: __typename }`).join(' ')} }`,
    ],
  ])('refuses %s: QUERY_TOO_COMPLEX on both transports', async (_what, query) => {
    const http = await gql(gateway.url, query);
    const ws = await overSocket(socket, `refused-${_what}`, query);
    for (const answer of [http, ws]) {
      expect(answer.data ?? undefined).toBeUndefined();
      expect(answer.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    }
    expect(http.status).toBe(400);
    expect(socket.isOpen).toBe(true);
  });

  it('still accepts 15 aliases (the limit itself)', async () => {
    const query = typenameAliases(15);
    const http = await gql<Record<string, string>>(gateway.url, query);
    const ws = await overSocket(socket, 'fifteen', query);
    expect(http.errors).toBeUndefined();
    expect(Object.keys(http.data ?? {})).toHaveLength(15);
    expect(ws).toEqual({ data: http.data });
  });
});
