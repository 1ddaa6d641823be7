// `pnpm test:soak [--minutes N] [--screens N] [--signers N] [--seed N]`: mixed traffic against a real gateway child
// process for N minutes (30 by default) with a fault every few minutes — portal reads, signings with retries and
// conflicts, screens joining and leaving, and generated tenancy attacks with a random (printed) seed — then one
// table of figures, also written to
// bench/results/soak-<date>.json. Exit 1 when a check fails. Loopback only; everything it starts, it stops.
// Database: a fresh one on DATABASE_URL's server (dropped at the end), or, without DATABASE_URL, the gateway's
// embedded PostgreSQL in a temporary DATA_DIR.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dropDatabase, withDatabase } from '@hanjiang/db';
import pg from 'pg';
import {
  checkLedger,
  counterMismatches,
  Screen,
  type Signing,
  signAll,
  verifyAuditChain,
} from '../helpers/fault-load.js';
import { recordMilestone, writeLive } from '../helpers/live.js';
import { freePortForTest } from '../helpers/ports.js';
import { RAISED_ADDRESS_LIMITS } from '../helpers/raised-limits.js';
import { runGeneratedAttacks } from './generated-stream.js';

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    screens: { type: 'string', default: '100' },
    signers: { type: 'string', default: '10' },
    readers: { type: 'string', default: '4' },
    seed: { type: 'string' },
  },
});
const MINUTES = Number(args.minutes);
const SCREENS = Number(args.screens);
const SIGNERS = Number(args.signers);
const READERS = Number(args.readers);
/** The generated attacks' seed: random unless given, printed so a failing run can be replayed. */
const SEED = args.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(args.seed);
// A fault every 3 minutes in a long run; at least three in a short one.
const FAULT_EVERY_MS = Math.min(3, MINUTES / 3) * 60_000;
const GATEWAY_DIR = path.resolve(import.meta.dirname, '../..');
/** The gateway's V8 heap, as a container's memory limit would set it (infra/k8s gives 2 GiB). */
const OLD_SPACE_MIB = 512;
const SECRET = `soak-${randomBytes(24).toString('hex')}`;
const PASSWORD = 'hanjiang-demo-2020';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Child {
  process: ChildProcess;
  exited: Promise<unknown>;
}

/** The gateway child running now: a run that fails half-way must not leave it (and its PostgreSQL) behind. */
let running: Child | null = null;

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    console.error('soak: failed to run:', error);
    if (running && running.process.exitCode === null) {
      running.process.kill('SIGINT');
      await Promise.race([running.exited, sleep(30_000)]);
    }
    process.exit(1);
  },
);

async function main(): Promise<number> {
  const started = Date.now();
  const port = await freePortForTest();
  const base = `http://127.0.0.1:${port}`;
  const url = `${base}/graphql`;
  let dataDir: string | null = null;
  let dbUrl: string | null = null;
  const env: Record<string, string> = {
    PORT: String(port),
    HOST: '127.0.0.1',
    JWT_SECRET: SECRET,
    DEMO_PASSWORD: PASSWORD,
    LOG_LEVEL: 'error',
    WS_MAX_SOCKETS_PER_PRINCIPAL: '100000',
    WS_MAX_UNINITIALISED_PER_ADDRESS: '100000',
    // Every simulated office sends from loopback: the per-address limits would count them as one client.
    ...RAISED_ADDRESS_LIMITS,
    // A handful of principals stand for a district's cadres: the per-user budgets would count them as one person.
    RATE_LIMIT_PER_MINUTE: '1000000',
    COST_LIMIT_PER_MINUTE: '1000000000',
    IMPORTS_PER_MINUTE: '1000000',
  };
  if (process.env.DATABASE_URL) {
    dbUrl = withDatabase(process.env.DATABASE_URL, `hj_soak_${randomBytes(4).toString('hex')}`);
    env.DATABASE_URL = dbUrl;
  } else {
    // The postgres OS user must traverse it (see STACK-NOTES trap 8): under /tmp, world-traversable.
    mkdirSync('/tmp/hj-soak', { recursive: true });
    dataDir = mkdtempSync('/tmp/hj-soak/run-');
    chmodSync(dataDir, 0o755);
    env.DATA_DIR = dataDir;
  }

  let gateway = await startGateway(env, base, 180_000);
  const ownerPool = () => {
    const pool = new pg.Pool({ connectionString: dbUrl ?? embeddedOwnerUrl(dataDir!), max: 3 });
    pool.on('error', () => undefined);
    return pool;
  };
  // Replaced after each gateway restart on the embedded server, which comes back on another port.
  let owner = ownerPool();
  const ownerUrl = dbUrl ?? embeddedOwnerUrl(dataDir!);
  const dbName = new URL(ownerUrl).pathname.slice(1);
  const poolConnections = async () =>
    (
      await owner.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'hanjiang-gateway'`,
        [dbName],
      )
    ).rows[0]!.n;

  const signerToken = await login(url, 'district.admin');
  const viewerToken = await login(url, 'district.inspector');
  const { rows: targets } = await owner.query<{ id: string; version: number }>(
    `SELECT id, version FROM household WHERE stage = 'ASSESSED' ORDER BY random()`,
  );
  await sleep(2_000);
  const start = { rssMiB: rssMiB(gateway), pool: await poolConnections() };

  const deadline = Date.now() + MINUTES * 60_000;
  const signings: Signing[] = [];
  const reads: number[] = [];
  let readErrors = 0;
  let readErrorsOutsideFaults = 0;
  /** What the first reads that failed outside a fault answered, and how long after the last fault's window. */
  const readErrorSamples: string[] = [];
  const outsideFault = (what: string) => {
    readErrorsOutsideFaults += 1;
    if (readErrorSamples.length < 10)
      readErrorSamples.push(
        `${what} (${((Date.now() - faultUntil) / 1000).toFixed(1)} s after a fault's window)`,
      );
  };
  // While a fault runs and for 5 s after it, errors are expected (the gateway is down, the pool is starved).
  let faultUntil = 0;
  const inFault = () => Date.now() < faultUntil;
  let conflicts = 0;
  const faults: string[] = [];
  let stopping = false;
  let milestonesRecorded = 0;

  // Screens join and leave all the time; each replays by cursor after any drop.
  const screens: Screen[] = [];
  const closedScreens: Screen[] = [];
  for (let i = 0; i < SCREENS; i += 1) screens.push(new Screen(url, viewerToken));
  screens.forEach((s) => s.open());
  const churn = setInterval(() => {
    screens.forEach((s) => s.retry());
    if (stopping) return;
    const leaving = screens.splice(Math.floor(Math.random() * screens.length), 1)[0];
    if (leaving) {
      closedScreens.push(leaving);
      void leaving.close();
    }
    const joining = new Screen(url, viewerToken);
    joining.open();
    screens.push(joining);
  }, 500);

  // Signers: each takes its share; a tenth of households are raced by a second client with its own key (one
  // gets CONFLICT), and every unknown outcome is retried with the same key.
  const perSigner = Math.floor(targets.length / SIGNERS);
  const signersDone = Promise.all(
    Array.from({ length: SIGNERS }, async (_, c) => {
      const mine = targets.slice(c * perSigner, (c + 1) * perSigner);
      const results: Signing[] = [];
      for (const target of mine) {
        if (Date.now() > deadline) break;
        const racers = Math.random() < 0.1 ? 2 : 1;
        const batch = await Promise.all(
          Array.from({ length: racers }, () =>
            signAll(() => url, signerToken, [target], { stopAt: deadline + 120_000 }),
          ),
        );
        for (const s of batch.flat()) {
          if (s.refused) conflicts += 1;
          results.push(s);
        }
        await sleep(50 + Math.random() * 150);
      }
      signings.push(...results);
    }),
  );

  // Portal reads, timed.
  const readersDone = Promise.all(
    Array.from({ length: READERS }, async () => {
      while (Date.now() < deadline) {
        const t0 = performance.now();
        try {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${viewerToken}` },
            body: JSON.stringify({
              query:
                '{ campaign { day signedPct } leaderboard(board: TOWNSHIP) { scopeCode signed } households(first: 20) { totalCount } }',
            }),
            signal: AbortSignal.timeout(15_000),
          });
          const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
          if (response.status !== 200 || body.errors) {
            readErrors += 1;
            const code = body.errors?.[0]?.extensions?.code ?? 'no code';
            if (!inFault()) outsideFault(`HTTP ${response.status} ${code}`);
          } else reads.push(performance.now() - t0);
        } catch (error) {
          readErrors += 1;
          if (!inFault()) outsideFault(error instanceof Error ? error.message : String(error));
        }
        await sleep(20);
      }
    }),
  );

  // Generated tenancy attacks, all along (soak/generated-stream.ts).
  console.log(`soak: generated attacks with seed ${SEED} (replay: --seed ${SEED})`);
  const generatedDone = runGeneratedAttacks({ url, owner, seed: SEED, deadline, inFault });

  // Faults, in turn.
  const kinds = ['gateway SIGKILL + restart', 'LISTEN connection cut', 'pool starved 3 s'] as const;
  // Scheduled from each fault's start, the first a third of a period in: a 3-minute run gets all three kinds.
  let next = Date.now() + FAULT_EVERY_MS / 3;
  let nextMilestone = Date.now() + 10_000;
  while (Date.now() < deadline) {
    await sleep(500);
    if (Date.now() > nextMilestone) {
      // Milestones for the screens to receive (and replay by cursor after a drop, never twice).
      nextMilestone = Date.now() + 10_000;
      await writeLive(owner, async (c) => [await recordMilestone(c, 'university-town')]).then(
        () => (milestonesRecorded += 1),
        () => undefined, // the database may be mid-fault; the next one comes
      );
    }
    if (Date.now() < next || Date.now() > deadline - 20_000) continue;
    const kind = kinds[faults.length % kinds.length]!;
    const t0 = Date.now();
    faultUntil = Number.POSITIVE_INFINITY;
    if (kind === 'gateway SIGKILL + restart') {
      gateway.process.kill('SIGKILL');
      await gateway.exited;
      gateway = await startGateway(env, base, 120_000);
      if (!dbUrl) {
        void owner.end().catch(() => undefined);
        owner = ownerPool();
      }
    } else if (kind === 'LISTEN connection cut') {
      await owner.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'hanjiang-live' AND datname = $1`,
        [dbName],
      );
    } else {
      const holder = await owner.connect();
      await holder.query('BEGIN; LOCK TABLE household IN ACCESS EXCLUSIVE MODE');
      await holder.query('SELECT pg_sleep(3)');
      await holder.query('ROLLBACK');
      holder.release();
    }
    faults.push(`${kind} (${Date.now() - t0} ms)`);
    faultUntil = Date.now() + 5_000;
    next = t0 + FAULT_EVERY_MS;
  }

  stopping = true;
  const [, , generated] = await Promise.all([signersDone, readersDone, generatedDone]);
  clearInterval(churn);
  await sleep(3_000);
  const ledger = await checkLedger(owner, signings);
  const mismatches = await counterMismatches(owner);
  const chain = await verifyAuditChain(owner);
  const screenDuplicates = [...screens, ...closedScreens].filter(
    (s) => new Set(s.milestones).size !== s.milestones.length,
  ).length;
  for (const s of screens) await s.close();
  await sleep(1_000);
  const end = { rssMiB: rssMiB(gateway), pool: await poolConnections() };

  // Stop everything, then look for what was left behind.
  const gatewayPid = gateway.process.pid!;
  gateway.process.kill('SIGINT');
  await gateway.exited;
  // The embedded server's watchdog notices its owner gone within a second (packages/db/src/embedded.mjs).
  let orphans = leftovers(gatewayPid, dataDir);
  for (let waited = 0; orphans.length > 0 && waited < 5_000; waited += 250) {
    await sleep(250);
    orphans = leftovers(gatewayPid, dataDir);
  }
  const after = dbUrl
    ? (
        await owner.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()
             AND application_name IN ('hanjiang-gateway', 'hanjiang-live')`,
          [dbName],
        )
      ).rows[0]!.n
    : 0;
  await owner.end();
  if (dbUrl) await dropDatabase(dbUrl);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });

  const sorted = [...reads].sort((a, b) => a - b);
  const pct = (p: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0);
  // Bounds: RSS within the heap the gateway is given plus 256 MiB (code, buffers, the embedded server's client
  // side) — under hours of generated traffic V8 grows its heap up to what it may use, so a bound relative to an idle
  // start measured the allocator, not a leak; a leak exhausts the heap, and the gateway crashing shows as read errors
  // outside faults. Pool back within its size.
  const rssOk = end.rssMiB <= OLD_SPACE_MIB + 256;
  const figures = {
    date: new Date().toISOString(),
    minutes: MINUTES,
    wallSeconds: Math.round((Date.now() - started) / 1000),
    database: dbUrl ? 'DATABASE_URL server, fresh database' : 'embedded (DATA_DIR)',
    signers: SIGNERS,
    screensLive: SCREENS,
    screensOpened: screens.length + closedScreens.length,
    faultsInjected: faults.length,
    faults,
    signingsAttempted: signings.length,
    signingsAcknowledged: ledger.acknowledged,
    signingsStored: ledger.stored,
    conflictsAnswered: conflicts,
    retriedWithSameKey: ledger.retried,
    unanswered: ledger.unanswered,
    ackedNotStoredOnce: ledger.ackedNotOnce.length,
    doubled: ledger.doubled.length + ledger.householdsDoubled.length,
    counterMismatches: mismatches.length,
    auditChain: chain.ok ? `ok (${chain.rows} rows)` : `BROKEN at ${chain.firstBroken?.id}`,
    milestonesRecorded,
    screensWithDuplicateMilestones: screenDuplicates,
    generatedSeed: generated.seed,
    generatedOperations: generated.operations,
    generatedOverHttp: generated.byTransport.HTTP,
    generatedOverWebSocket: generated.byTransport.WebSocket,
    generatedDuringFaults: generated.duringFaults,
    generatedViolations: generated.violations.length,
    generatedOutcomes: generated.summary,
    reads: reads.length,
    readErrorsDuringFaults: readErrors - readErrorsOutsideFaults,
    readErrorsOutsideFaults,
    readErrorsOutsideFaultsFirst: readErrorSamples.join('; ') || '—',
    readP50Ms: pct(0.5),
    readP99Ms: pct(0.99),
    rssStartMiB: start.rssMiB,
    rssEndMiB: end.rssMiB,
    rssBoundMiB: OLD_SPACE_MIB + 256,
    poolConnectionsStart: start.pool,
    poolConnectionsEnd: end.pool,
    connectionsLeftAfterStop: after,
    orphanProcesses: orphans,
  };
  const ok =
    ledger.ackedNotOnce.length === 0 &&
    ledger.doubled.length === 0 &&
    ledger.householdsDoubled.length === 0 &&
    ledger.unanswered === 0 &&
    ledger.acknowledged + conflicts === signings.length &&
    mismatches.length === 0 &&
    chain.ok &&
    screenDuplicates === 0 &&
    readErrorsOutsideFaults === 0 &&
    generated.violations.length === 0 &&
    rssOk &&
    end.pool <= 20 &&
    after === 0 &&
    orphans.length === 0;
  console.table(
    Object.fromEntries(
      Object.entries(figures).map(([k, v]) => [k, Array.isArray(v) ? v.join('; ') || '—' : v]),
    ),
  );
  const out = path.resolve(
    GATEWAY_DIR,
    '../../bench/results',
    `soak-${figures.date.slice(0, 19).replace(/:/g, '-')}.json`,
  );
  for (const violation of generated.violations) console.error(`soak: generated violation: ${violation}`);
  writeFileSync(
    out,
    `${JSON.stringify({ ...figures, generatedViolationList: generated.violations, ok }, null, 2)}\n`,
  );
  console.log(`soak: ${ok ? 'OK' : 'FAILED'} — written to ${path.relative(process.cwd(), out)}`);
  return ok ? 0 : 1;
}

async function startGateway(env: Record<string, string>, base: string, timeoutMs: number): Promise<Child> {
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${OLD_SPACE_MIB}`, '--import', 'tsx', 'src/main.ts'],
    {
      cwd: GATEWAY_DIR,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`gateway exited with ${child.exitCode} before ready`);
    const ok = await fetch(`${base}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return (running = { process: child, exited });
    await sleep(200);
  }
  child.kill('SIGKILL');
  throw new Error('gateway not ready in time');
}

async function login(url: string, username: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      variables: { u: username, p: PASSWORD },
    }),
  });
  const body = (await response.json()) as { data?: { login: { token: string } } };
  if (!body.data) throw new Error(`login ${username} failed`);
  return body.data.login.token;
}

function embeddedOwnerUrl(dataDir: string): string {
  const password = readFileSync(path.join(dataDir, 'pg-superuser-password'), 'utf8').trim();
  const port = readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3];
  return `postgres://postgres:${password}@127.0.0.1:${port}/hanjiang`;
}

function rssMiB(child: Child): number {
  const status = readFileSync(`/proc/${child.process.pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/** Processes still alive that this run started: the last gateway, or a postmaster of its data directory. */
function leftovers(gatewayPid: number, dataDir: string | null): string[] {
  const found: string[] = [];
  for (const pid of readdirPids()) {
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      continue; // gone meanwhile
    }
    if (pid === gatewayPid || (dataDir && cmdline.includes(dataDir)))
      found.push(`${pid} ${cmdline.slice(0, 80)}`);
  }
  return found;
}

function readdirPids(): number[] {
  return readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .map(Number);
}
