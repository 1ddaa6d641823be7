// Phase 5, fan-out (after the other systems stopped): N WebSocket subscribers of the headquarters board, a
// signing, and the latency from just before its COMMIT to each subscriber; each N on a freshly started gateway.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DISTRICT, HEADQUARTERS, TOWNSHIPS } from '@hanjiang/domain';
import pg from 'pg';
import type { BenchArgs } from '../args.js';
import type { Child } from '../children.js';
import type { BenchDatabase } from '../database.js';
import { redisProblem, RedisLagProbe } from '../fanout/redis-lag.js';
import { fanoutTargets } from '../fanout/report.js';
import { runFanout } from '../fanout/run.js';
import { clientProcesses, SUBSCRIPTIONS_PER_SOCKET } from '../fanout/split.js';
import type { FanoutRow } from '../fanout/types.js';
import { summariseProfile } from '../profile.js';
import type { TargetRow } from '../report.js';
import type { SigningTarget } from '../signing.js';
import { BENCH_DIR, env, log } from './context.js';
import { login, startGateway } from './start.js';
import type { Checked } from './verify.js';

/** Subscribers of the fan-out: every township's and headquarters' viewer, and the district's admin. */
const FANOUT_PRINCIPALS = [
  ...TOWNSHIPS.map((t) => `${t.code}.viewer`),
  ...HEADQUARTERS.map((h) => `${h.code}.viewer`),
  `${DISTRICT.code}.admin`,
];
const FANOUT_SIGNER = `${DISTRICT.code}.admin`;
const FANOUT_SIGNINGS = 5;

export interface FannedOut {
  rows: FanoutRow[];
  targets: TargetRow[];
  /** Gateways the subscribers were split over. */
  replicas: number;
}

/** Runs the fan-out when it was asked for and the schema has the subscription; its problems join `checked`'s. */
export async function fanOut(
  db: BenchDatabase,
  jwtSecret: string,
  args: BenchArgs,
  wanted: boolean,
  checked: Checked,
): Promise<FannedOut> {
  let rows: FanoutRow[] = [];
  const replicas = args.fanoutReplicas;
  const noRedis = wanted && replicas > 1 ? await redisProblem(env.redisUrl) : null;
  if (noRedis) log(`fan-out on ${replicas} replicas skipped: no Redis answers (${noRedis})`);
  else if (wanted && checked.features.subscriptions.includes('leaderboardChanged')) {
    const ns = args.fanoutSizes;
    const signings = args.quick ? 3 : FANOUT_SIGNINGS;
    const result = await fanout(db, jwtSecret, ns, signings, replicas, args.profile);
    rows = result.rows;
    for (const problem of result.problems) log(`FAN-OUT PROBLEM ${problem}`);
    checked.verified.problems.push(...result.problems);
    checked.verified.ok &&= result.problems.length === 0;
  }
  return { rows, targets: fanoutTargets(rows), replicas };
}

/** The fan-out part of the results file: what was run, the rows and the targets. */
export function fanoutRecord(fannedOut: FannedOut): Record<string, unknown> | null {
  if (!fannedOut.rows.length) return null;
  return {
    query:
      'subscription { leaderboardChanged(board: HEADQUARTERS) { rank scopeCode signedPct signedToday } }',
    principals: FANOUT_PRINCIPALS,
    signer: FANOUT_SIGNER,
    subscriptionsPerSocket: SUBSCRIPTIONS_PER_SOCKET,
    clientProcesses: fannedOut.rows.map((r) => clientProcesses(r.subscribers, fannedOut.replicas)),
    gateway:
      'EXPOSE_SQL_STATS=1, NODE_ENV=development, node --max-semi-space-size=64, WS_MAX_SOCKETS_PER_PRINCIPAL=1000' +
      (fannedOut.replicas > 1 ? `, REDIS_URL, ${fannedOut.replicas} replicas, signings on replica 1` : ''),
    rows: fannedOut.rows,
    targets: fannedOut.targets,
  };
}

/** The fan-out scenario for each N, each on freshly started gateways (so their RSS baselines are clean). */
async function fanout(
  db: BenchDatabase,
  jwtSecret: string,
  ns: number[],
  signingsPerN: number,
  replicas: number,
  profile: boolean,
): Promise<{ rows: FanoutRow[]; problems: string[] }> {
  const pool = new pg.Pool({ connectionString: db.url, max: 1 });
  let targets: SigningTarget[];
  try {
    ({ rows: targets } = await pool.query<SigningTarget>(
      `SELECT id, version FROM household WHERE stage = 'ASSESSED' ORDER BY code DESC LIMIT $1`,
      [ns.length * signingsPerN],
    ));
  } finally {
    await pool.end();
  }
  const rows: FanoutRow[] = [];
  const problems: string[] = [];
  let tokens: string[] = [];
  let signerToken = '';
  for (const [k, n] of ns.entries()) {
    const profileDirs = Array.from({ length: replicas }, () =>
      profile ? mkdtempSync(path.join(tmpdir(), 'hj-fanout-prof-')) : null,
    );
    const gateways = await startGateways(db, jwtSecret, n, profileDirs);
    const gateway = gateways[0]!;
    let redisLag: RedisLagProbe | null = null;
    try {
      if (replicas > 1) redisLag = await RedisLagProbe.start(env.redisUrl, db.url);
      if (k === 0) {
        tokens = [];
        for (const username of FANOUT_PRINCIPALS) tokens.push(await login(gateway, username));
        signerToken =
          tokens[FANOUT_PRINCIPALS.indexOf(FANOUT_SIGNER)] ?? (await login(gateway, FANOUT_SIGNER));
        log(
          `fan-out: ${FANOUT_PRINCIPALS.length} principals (${FANOUT_PRINCIPALS.length - 1} tenant viewers + ` +
            `${FANOUT_SIGNER}), ${SUBSCRIPTIONS_PER_SOCKET} subscriptions per socket, ` +
            `${ns.map((x) => clientProcesses(x, replicas)).join('/')} client processes` +
            (replicas > 1 ? `, ${replicas} gateway replicas behind ${env.redisUrl}` : ''),
        );
      }
      const row = await runFanout({
        subscribers: n,
        signings: signingsPerN,
        gateways,
        tokens,
        signerToken,
        targets: targets.slice(k * signingsPerN, (k + 1) * signingsPerN),
        redisLag,
        log,
        cwd: BENCH_DIR,
      });
      rows.push(row);
      for (const p of row.problems) problems.push(`fan-out ${n}: ${p}`);
      if (row.signings < signingsPerN) problems.push(`fan-out ${n}: only ${row.signings} signings measured`);
    } finally {
      redisLag?.stop();
      await Promise.all(gateways.map((g) => g.stop()));
    }
    profileDirs.forEach((dir, i) => logProfile(dir, `fan-out ${n}, gateway ${i + 1}/${replicas}`));
  }
  return { rows, problems };
}

/** One gateway, or `replicas` of them on the same database sharing live events through Redis. */
async function startGateways(
  db: BenchDatabase,
  jwtSecret: string,
  n: number,
  profileDirs: readonly (string | null)[],
) {
  const replicas = profileDirs.length;
  const started = await Promise.allSettled(
    profileDirs.map((profileDir, i) =>
      startGateway(db, jwtSecret, {
        stats: true,
        profileDir,
        name: replicas > 1 ? `gateway ${i + 1}/${replicas} (fan-out ${n})` : `gateway (fan-out ${n})`,
        nodeFlags: ['--max-semi-space-size=64'],
        env: {
          WS_MAX_SOCKETS_PER_PRINCIPAL: '1000',
          WS_MAX_UNINITIALISED_PER_ADDRESS: '1000',
          ...(replicas > 1 ? { REDIS_URL: env.redisUrl } : {}),
        },
      }),
    ),
  );
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.stop() : Promise.resolve())));
    throw failed.reason;
  }
  return started.map((s) => (s as PromiseFulfilledResult<Child>).value);
}

/** `--profile`: where a fan-out gateway's CPU went over its whole run (sockets opened, events fanned out). */
function logProfile(dir: string | null, label: string): void {
  if (!dir) return;
  const file = readdirSync(dir).find((f) => /\.0\.\d+\.cpuprofile$/.test(f));
  if (!file) {
    log(`${label}: no CPU profile was written`);
    return;
  }
  const summary = summariseProfile(path.join(dir, file), 12);
  const list = (shares: { name: string; pct: number }[]) =>
    shares.map((s) => `${s.pct.toFixed(1)} % ${s.name}`).join('; ');
  log(`${label} CPU profile (${summary.busySeconds} s busy, ${summary.file})`);
  log(`  packages: ${list(summary.packages)}`);
  log(`  functions: ${list(summary.functions)}`);
}
