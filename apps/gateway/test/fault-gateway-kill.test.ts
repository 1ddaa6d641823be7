// The gateway SIGKILLed while clients sign and screens watch, then started again on the same database. Clients
// retry with the same idempotency keys; afterwards nothing acknowledged is lost or doubled, the counters equal a
// recount, the audit chain holds, and every screen resyncs its board and replays missed milestones once each.
// Sizes: FAULT_SIGNERS (20) and FAULT_SUBSCRIBERS (50 here; the 500 runs in the soak or by setting it).
import type pg from 'pg';
import { type ChildGateway, spawnGateway, waitFor } from './helpers/child-gateway.js';
import { createSeededDatabase, type TestDatabase, testPool } from './helpers/database.js';
import {
  checkLedger,
  counterMismatches,
  Screen,
  type Signing,
  signAll,
  type Target,
  verifyAuditChain,
} from './helpers/fault-load.js';
import { DEMO_PASSWORD, TEST_JWT_SECRET } from './helpers/in-process.js';
import { recordMilestone, writeLive } from './helpers/live.js';
import { freePortForTest } from './helpers/ports.js';
import { asUser, tokenFor } from './helpers/sessions.js';

const SIGNERS = Number(process.env.FAULT_SIGNERS ?? 20);
const SUBSCRIBERS = Number(process.env.FAULT_SUBSCRIBERS ?? 50);
const PER_SIGNER = 15;

describe('gateway SIGKILLed under load, restarted on the same database', () => {
  let db: TestDatabase;
  let owner: pg.Pool;
  let port: number;
  let gateway: ChildGateway | undefined;
  const screens: Screen[] = [];

  const start = async () => {
    const child = spawnGateway({
      DATABASE_URL: db.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      JWT_SECRET: TEST_JWT_SECRET,
      DEMO_PASSWORD,
      SEED_ON_EMPTY: '0',
      DB_POOL_SIZE: '10',
      WS_MAX_SOCKETS_PER_PRINCIPAL: '10000',
      WS_MAX_UNINITIALISED_PER_ADDRESS: '10000',
      LOG_LEVEL: 'error',
    });
    await waitFor(
      () =>
        fetch(`http://127.0.0.1:${port}/readyz`).then(
          (r) => (r.status === 200 ? true : undefined),
          () => undefined,
        ),
      { what: 'gateway /readyz', everyMs: 100, timeoutMs: 90_000 },
    );
    return child;
  };

  beforeAll(async () => {
    db = await createSeededDatabase('hj_fk');
    owner = testPool(db.url, 4);
    port = await freePortForTest();
    gateway = await start();
  }, 120_000);

  afterAll(async () => {
    for (const screen of screens) await screen.close();
    await gateway?.kill('SIGINT');
    await owner?.end();
    await db?.drop();
  });

  it('loses no acknowledged signing, doubles none, and screens resync without duplicates', async () => {
    const url = `http://127.0.0.1:${port}/graphql`;
    const signerToken = await tokenFor(url, 'district.admin');
    const viewerToken = await tokenFor(url, 'district.inspector');
    const { rows } = await owner.query<Target>(
      `SELECT id, version FROM household WHERE stage = 'ASSESSED' ORDER BY code LIMIT $1`,
      [SIGNERS * PER_SIGNER],
    );
    expect(rows).toHaveLength(SIGNERS * PER_SIGNER);
    const milestonesBefore = await owner.query<{ seq: string }>(
      'SELECT coalesce(max(seq), 0)::text AS seq FROM milestone',
    );

    for (let i = 0; i < SUBSCRIBERS; i += 1) screens.push(new Screen(url, viewerToken));
    screens.forEach((s) => s.open());
    await waitFor(() => (screens.every((s) => s.boards > 0) ? true : undefined), {
      what: 'every screen to get its first board',
      timeoutMs: 30_000,
    });
    const record = async () =>
      (await writeLive(owner, async (c) => [await recordMilestone(c, 'university-town')]))[0] as {
        milestoneId: string;
      };
    const recorded: string[] = [(await record()).milestoneId];

    // Load: signers run until every household had its answer; the kill comes after a third are acknowledged.
    let acked = 0;
    const stopAt = Date.now() + 120_000;
    const reconnect = setInterval(() => screens.forEach((s) => s.retry()), 100);
    const load = Promise.all(
      Array.from({ length: SIGNERS }, (_, c) =>
        signAll(() => url, signerToken, rows.slice(c * PER_SIGNER, (c + 1) * PER_SIGNER), {
          stopAt,
          onAck: () => (acked += 1),
        }),
      ),
    );
    await waitFor(() => (acked >= (SIGNERS * PER_SIGNER) / 3 ? true : undefined), {
      what: 'a third of the signings acknowledged',
      timeoutMs: 60_000,
    });
    const killedAt = Date.now();
    expect(await gateway!.kill('SIGKILL')).toBeNull();
    const ackedAtKill = acked;
    // Milestones recorded while the gateway is down: screens must replay them by cursor.
    recorded.push((await record()).milestoneId, (await record()).milestoneId);
    gateway = await start();
    const restartMs = Date.now() - killedAt;
    const signings: Signing[] = (await load).flat();
    recorded.push((await record()).milestoneId);

    await waitFor(
      () =>
        screens.every((s) => s.connected && recorded.every((m) => s.milestones.includes(m)))
          ? true
          : undefined,
      { what: 'every screen to reconnect and replay the missed milestones', timeoutMs: 60_000 },
    );
    clearInterval(reconnect);
    await new Promise((r) => setTimeout(r, 1_000)); // let a late board or duplicate arrive, if any would

    const ledger = await checkLedger(owner, signings);
    console.log(
      `[fault-gateway-kill] signers ${SIGNERS}, screens ${SUBSCRIBERS}: acknowledged ${ledger.acknowledged} ` +
        `(${ackedAtKill} before the kill), stored ${ledger.stored}, retried ${ledger.retried}, ` +
        `unanswered ${ledger.unanswered}, refused ${signings.filter((s) => s.refused).length}, ` +
        `restart to ready ${restartMs} ms, screen reconnects ${screens.reduce((n, s) => n + s.reconnects, 0)}`,
    );
    expect(ledger.ackedNotOnce).toEqual([]);
    expect(ledger.doubled).toEqual([]);
    expect(ledger.householdsDoubled).toEqual([]);
    expect(ledger.unanswered).toBe(0);
    expect(ledger.retried).toBeGreaterThan(0); // the kill did land mid-request for someone
    expect(signings.filter((s) => s.refused)).toEqual([]);
    expect(ledger.acknowledged).toBe(SIGNERS * PER_SIGNER);
    expect(await counterMismatches(owner)).toEqual([]);
    const chain = await verifyAuditChain(owner);
    expect(chain).toMatchObject({ ok: true, firstBroken: null });

    // Screens: every milestone since the start once, in order; the board equals what a fresh read says.
    const since = await owner.query<{ id: string }>('SELECT id FROM milestone WHERE seq > $1 ORDER BY seq', [
      milestonesBefore.rows[0]!.seq,
    ]);
    const fresh = await asUser<{ leaderboard: { scopeCode: string; signed: number }[] }>(
      url,
      'district.inspector',
      '{ leaderboard(board: HEADQUARTERS) { scopeCode signed } }',
    );
    await waitFor(
      () =>
        screens.every((s) => JSON.stringify(s.board) === JSON.stringify(fresh.data!.leaderboard))
          ? true
          : undefined,
      { what: 'every board to equal a fresh read', timeoutMs: 15_000 },
    );
    for (const screen of screens) {
      expect(screen.reconnects).toBeGreaterThan(0);
      expect(screen.milestones).toEqual(since.rows.map((r) => r.id));
    }
  }, 300_000);
});
