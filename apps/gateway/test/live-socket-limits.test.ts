import type { Gateway } from '../src/server.js';
import { createSeededDatabase, type TestDatabase } from './helpers/database.js';
import { startTestGateway } from './helpers/in-process.js';
import { RawSocket, upgradeStatus } from './helpers/live-socket.js';
import { tokenFor } from './helpers/sessions.js';

const BOARD = 'subscription { leaderboardChanged(board: TOWNSHIP) { rank } }';

describe('socket limits: origin, sockets per principal, subscriptions per socket, payload size', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  const sockets: RawSocket[] = [];

  const open = async (username: string) => {
    const socket = await RawSocket.open(gateway.url, `Bearer ${await tokenFor(gateway.url, username)}`);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    db = await createSeededDatabase();
    gateway = await startTestGateway(db.url, {
      ALLOWED_ORIGINS: 'https://screen.hanjiang.gov.cn, http://localhost:5173/',
      WS_MAX_SOCKETS_PER_PRINCIPAL: '2',
      WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '2',
    });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await gateway?.stop();
    await db?.drop();
  });

  it('refuses the upgrade (403) from a browser origin not allowed; allows listed origins and non-browsers', async () => {
    expect(await upgradeStatus(gateway.url, 'https://evil.example.com')).toBe(403);
    expect(await upgradeStatus(gateway.url, 'https://screen.hanjiang.gov.cn')).toBe(101);
    expect(await upgradeStatus(gateway.url, 'http://localhost:5173')).toBe(101);
    expect(await upgradeStatus(gateway.url)).toBe(101);
  });

  it('closes a third socket of one principal with 4429; another principal is not affected', async () => {
    const first = await open('baitang.viewer');
    await open('baitang.viewer');
    const third = await open('baitang.viewer');
    expect(await third.closed).toEqual({ code: 4429, reason: 'Too many sockets for this principal' });
    const other = await open('baitang.commander');
    expect(other.isOpen).toBe(true);
    first.close(); // a closed socket frees its slot
    await first.closed;
    const again = await open('baitang.viewer');
    expect(again.isOpen).toBe(true);
  });

  it('closes a socket asking for a third subscription with 4429', async () => {
    const socket = await open('qiulu.viewer');
    socket.subscribe('1', BOARD);
    socket.subscribe('2', BOARD);
    await socket.waitFor((m) => m.id === '2' && m.type === 'next');
    socket.subscribe('3', BOARD);
    expect(await socket.closed).toEqual({ code: 4429, reason: 'Too many subscriptions on this socket' });
  });

  it('closes a socket sending a message over 64 KiB (1009)', async () => {
    const socket = await open('dayang.viewer');
    socket.subscribe('big', `subscription { campaignProgress { day } } # ${'x'.repeat(70_000)}`);
    expect((await socket.closed).code).toBe(1009);
  });
});
