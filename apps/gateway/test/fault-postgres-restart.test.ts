// PostgreSQL restarted under signing load: the gateway's own embedded cluster (a throwaway DATA_DIR), stopped
// with `pg_ctl restart -m immediate` (a crash: transactions in flight die, some COMMIT outcomes are unknown to
// their clients) while 20 clients sign. The gateway must not crash, /readyz must go red then green by itself,
// and every write retried with its idempotency key must end stored exactly once.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { type ChildGateway, spawnGateway, waitFor } from './helpers/child-gateway.js';
import { testPool } from './helpers/database.js';
import {
  checkLedger,
  counterMismatches,
  signAll,
  type Target,
  verifyAuditChain,
} from './helpers/fault-load.js';
import { DEMO_PASSWORD, TEST_JWT_SECRET } from './helpers/in-process.js';
import { freePortForTest } from './helpers/ports.js';
import { tokenFor } from './helpers/sessions.js';

const SIGNERS = Number(process.env.FAULT_SIGNERS ?? 20);
const PER_SIGNER = 10;

describe('PostgreSQL restarted (immediate) under signing load', () => {
  let dataDir: string;
  let gateway: ChildGateway | undefined;
  let owner: pg.Pool | undefined;
  let port: number;

  beforeAll(async () => {
    // The postgres OS user must traverse the directory (STACK-NOTES trap 8).
    mkdirSync('/tmp/hj-fault-pg', { recursive: true });
    chmodSync('/tmp/hj-fault-pg', 0o755);
    dataDir = mkdtempSync('/tmp/hj-fault-pg/run-');
    chmodSync(dataDir, 0o755);
    port = await freePortForTest();
    gateway = spawnGateway({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      JWT_SECRET: TEST_JWT_SECRET,
      DEMO_PASSWORD,
      DB_POOL_SIZE: '10',
      LOG_LEVEL: 'error',
    });
    await waitFor(
      () =>
        gateway!.process.exitCode !== null
          ? false
          : readyStatus(port).then((s) => (s === 200 ? true : undefined)),
      {
        what: 'the gateway (first start seeds)',
        everyMs: 200,
        timeoutMs: 170_000,
      },
    );
    owner = testPool(ownerUrl(dataDir), 3);
  }, 180_000);

  afterAll(async () => {
    await owner?.end();
    await gateway?.kill('SIGINT');
    // The gateway stops only the postmaster it spawned, and its watchdog ends when postmaster.pid disappears
    // for a moment (as in a restart): the server pg_ctl restarted is this test's to stop.
    if (existsSync(path.join(dataDir, 'pg', 'postmaster.pid')))
      await pgCtl(dataDir, ['stop', '-m', 'fast', '-w', '-t', '60']);
    rmSync(dataDir, { recursive: true, force: true });
  }, 90_000);

  it('no crash, /readyz red then green, retried writes stored once, counters and audit chain intact', async () => {
    const url = `http://127.0.0.1:${port}/graphql`;
    const token = await tokenFor(url, 'district.admin');
    const { rows } = await owner!.query<Target>(
      `SELECT id, version FROM household WHERE stage = 'ASSESSED' ORDER BY code LIMIT $1`,
      [SIGNERS * PER_SIGNER],
    );
    expect(rows).toHaveLength(SIGNERS * PER_SIGNER);

    const statuses: number[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        statuses.push(await readyStatus(port));
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    let acked = 0;
    const load = Promise.all(
      Array.from({ length: SIGNERS }, (_, c) =>
        signAll(() => url, token, rows.slice(c * PER_SIGNER, (c + 1) * PER_SIGNER), {
          stopAt: Date.now() + 120_000,
          retryMs: 200,
          onAck: () => (acked += 1),
        }),
      ),
    );
    await waitFor(() => (acked >= (SIGNERS * PER_SIGNER) / 4 ? true : undefined), {
      what: 'a quarter acknowledged',
    });
    const restartedAt = Date.now();
    let restartMs: number;
    let signings: Awaited<typeof load>[number];
    try {
      await restartPostgres(dataDir);
      restartMs = Date.now() - restartedAt;
      signings = (await load).flat();
      await waitFor(() => (statuses.at(-1) === 200 ? true : undefined), { what: '/readyz green again' });
    } finally {
      polling = false;
      await poller;
    }

    const firstRed = statuses.indexOf(503);
    const ledger = await checkLedger(owner!, signings);
    console.log(
      `[fault-postgres-restart] restart ${restartMs} ms; acknowledged ${ledger.acknowledged}, stored ${ledger.stored}, ` +
        `retried ${ledger.retried}; /readyz samples: ${statuses.filter((s) => s !== 200).length} not 200 of ${statuses.length}`,
    );
    expect(gateway!.process.exitCode).toBeNull(); // no crash
    expect(firstRed).toBeGreaterThan(0); // green, then red…
    expect(statuses.slice(firstRed)).toContain(200); // …then green again
    expect(ledger.unanswered).toBe(0);
    expect(signings.filter((s) => s.refused)).toEqual([]);
    expect(ledger.ackedNotOnce).toEqual([]);
    expect(ledger.doubled).toEqual([]);
    expect(ledger.householdsDoubled).toEqual([]);
    expect(ledger.acknowledged).toBe(SIGNERS * PER_SIGNER);
    expect(ledger.retried).toBeGreaterThan(0);
    expect(await counterMismatches(owner!)).toEqual([]);
    expect(await verifyAuditChain(owner!)).toMatchObject({ ok: true });
  }, 240_000);
});

async function readyStatus(port: number): Promise<number> {
  return fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(5_000) }).then(
    (r) => r.status,
    () => 0,
  );
}

function clusterOf(dataDir: string): { dir: string; pid: number; port: number } {
  const dir = path.join(dataDir, 'pg');
  const lines = readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n');
  return { dir, pid: Number(lines[0]), port: Number(lines[3]) };
}

function ownerUrl(dataDir: string): string {
  const password = readFileSync(path.join(dataDir, 'pg-superuser-password'), 'utf8').trim();
  return `postgres://postgres:${password}@127.0.0.1:${clusterOf(dataDir).port}/hanjiang`;
}

/** `pg_ctl restart -m immediate` as the cluster's OS user, with the binaries the running postmaster uses. */
async function restartPostgres(dataDir: string): Promise<void> {
  const cluster = clusterOf(dataDir);
  await pgCtl(dataDir, [
    'restart',
    '-m',
    'immediate',
    '-w',
    '-t',
    '60',
    '-l',
    path.join(cluster.dir, 'restart.log'),
  ]);
}

// Asynchronous, so /readyz keeps being sampled while the server is down.
async function pgCtl(dataDir: string, args: string[]): Promise<void> {
  const cluster = clusterOf(dataDir);
  const binary = path.join(path.dirname(readlinkSync(`/proc/${cluster.pid}/exe`)), 'pg_ctl');
  const { uid, gid } = statSync(cluster.dir);
  await promisify(execFile)(binary, [args[0]!, '-D', cluster.dir, ...args.slice(1)], {
    uid,
    gid,
    encoding: 'utf8',
  });
}
