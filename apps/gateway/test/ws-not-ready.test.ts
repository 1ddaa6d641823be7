// A socket that arrives while the gateway is still starting (migrating, seeding) is told to come back — 1013, as
// graphql-ws clients and load balancers read it — not 4403, which says the credential is refused.
import { parseEnv } from '../src/env.js';
import { createLogger } from '../src/logger.js';
import { type Gateway, startGateway } from '../src/server.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { DEMO_PASSWORD, TEST_JWT_SECRET } from './helpers/in-process.js';
import { RawSocket } from './helpers/live-socket.js';

describe('a socket before the gateway is ready', () => {
  let db: TestDatabase;
  let gateway: Gateway | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await gateway?.stop();
    await db?.drop();
  });

  it('is closed with 1013 (try again later) while the gateway migrates and seeds, and served once it is ready', async () => {
    const env = parseEnv({
      DATABASE_URL: db.url,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      JWT_SECRET: TEST_JWT_SECRET,
      DEMO_PASSWORD,
    });
    // An empty database: migrations and the demo seed take seconds, and the port answers meanwhile.
    gateway = await startGateway(env, createLogger(env));
    const early = await RawSocket.open(gateway.url);
    expect(await early.closed).toEqual({
      code: 1013,
      reason: 'Try again later: the gateway is starting or draining',
    });
    await gateway.ready;
    const later = await RawSocket.open(gateway.url);
    expect(later.isOpen).toBe(true);
    later.close();
  }, 120_000);
});
