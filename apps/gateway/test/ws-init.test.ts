import WebSocket from 'ws';
import type { Gateway } from '../src/server.js';
import { createSeededDatabase, type TestDatabase } from './helpers/database.js';
import { startTestGateway } from './helpers/in-process.js';
import { RawSocket } from './helpers/live-socket.js';

const MAX_UNINITIALISED = 3;

/**
 * A raw socket that never sends connection_init, from a chosen loopback address (Linux routes all of
 * 127.0.0.0/8 to lo); resolves once open, the close is watched from the start.
 */
async function silentSocket(httpUrl: string, localAddress = '127.0.0.1') {
  const ws = new WebSocket(httpUrl.replace(/^http/, 'ws'), 'graphql-transport-ws', { localAddress });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, closed };
}

/** Resolves with the value, or with 'pending' if it has not settled after `ms`. */
function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | 'pending'> {
  return Promise.race([promise, new Promise<'pending'>((r) => setTimeout(() => r('pending'), ms).unref())]);
}

describe('sockets that never send connection_init', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  const open: WebSocket[] = [];

  beforeAll(async () => {
    db = await createSeededDatabase();
    gateway = await startTestGateway(db.url, { WS_MAX_UNINITIALISED_PER_ADDRESS: String(MAX_UNINITIALISED) });
  });
  afterAll(async () => {
    for (const ws of open) ws.terminate();
    await gateway?.stop();
    await db?.drop();
  });

  it('are closed with graphql-ws 4408 after the init timeout (3 s, not 10 s)', async () => {
    const socket = await silentSocket(gateway.url, '127.0.0.9');
    open.push(socket.ws);
    // Generous for a 3 s timer on a loaded machine, and still well short of the old 10 s.
    const closed = await settledWithin(socket.closed, 8_000);
    expect(closed).toEqual({ code: 4408, reason: 'Connection initialisation timeout' });
  });

  it(`are capped per address: the socket past ${MAX_UNINITIALISED} closes with 4429`, async () => {
    // Initialised sockets do not count against the cap.
    const initialised = [];
    for (let i = 0; i < MAX_UNINITIALISED; i += 1) initialised.push(await RawSocket.open(gateway.url));
    for (const socket of initialised) expect(socket.isOpen).toBe(true);

    const silent = [];
    for (let i = 0; i < MAX_UNINITIALISED; i += 1) {
      const socket = await silentSocket(gateway.url);
      open.push(socket.ws);
      silent.push(socket);
    }
    const extra = await silentSocket(gateway.url);
    open.push(extra.ws);
    expect(await settledWithin(extra.closed, 2_000)).toEqual({
      code: 4429,
      reason: 'Too many uninitialised sockets from this address',
    });
    // The others are still open: the cap refuses the extra one, it does not reset the address.
    for (const socket of silent) expect(socket.ws.readyState).toBe(WebSocket.OPEN);
    // Another address has its own allowance.
    const elsewhere = await silentSocket(gateway.url, '127.0.0.2');
    open.push(elsewhere.ws);
    expect(await settledWithin(elsewhere.closed, 300)).toBe('pending');

    // A closed silent socket frees its slot.
    silent[0]!.ws.close();
    await silent[0]!.closed;
    const again = await waitForAdmission(gateway.url);
    open.push(again.ws);
    for (const socket of initialised) socket.close();
  });
});

/** Opens silent sockets until one is not refused (the server frees a slot when it sees the close). */
async function waitForAdmission(httpUrl: string) {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const socket = await silentSocket(httpUrl);
    if ((await settledWithin(socket.closed, 200)) === 'pending') return socket;
  }
  throw new Error('no slot was freed');
}
