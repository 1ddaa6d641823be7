// `pnpm bench`: the gateway against a raw pg baseline and PostGraphile 5, on one freshly seeded database,
// under the same row-level security and the same principal, as ratios measured side by side in one run.
// See docs/performance.md for what it measures and the latest figures.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { shanghaiDate } from '@hanjiang/domain';
import pg from 'pg';
import { type BenchArgs, parseBenchArgs, USAGE } from './args.js';
import { type Child, freePort, spawnServer, stopAll } from './children.js';
import { type BenchDatabase, prepareDatabase } from './database.js';
import { childEnv, readBenchEnv, reexecEnv } from './env.js';
import { canonical, firstDifference, post } from './graphql-client.js';
import { measure, type Measurement } from './load.js';
import { cleanPath, node22, projectNode, runningOnPackagedNode } from './node-binaries.js';
import { type ProfileSummary, summariseProfile } from './profile.js';
import { formatTable, median, type ScenarioResult, targetsReport } from './report.js';
import {
  type Fixtures,
  listScenario,
  type Scenario,
  scenarios,
  SYSTEMS,
  type SystemName,
} from './scenarios.js';
import {
  measureSigning,
  signBody,
  SigningFixture,
  type SigningFootprint,
  type SigningTarget,
} from './signing.js';
import {
  fanoutTargets,
  formatFanoutTable,
  type FanoutRow,
  runFanout,
  SUBSCRIPTIONS_PER_SOCKET,
} from './fanout.js';
import { DISTRICT, HEADQUARTERS, TOWNSHIPS } from '@hanjiang/domain';

const BENCH_DIR = path.resolve(import.meta.dirname, '..');
const REPO_DIR = path.resolve(BENCH_DIR, '../..');
const GATEWAY_DIR = path.join(REPO_DIR, 'apps/gateway');
const DEMO_PASSWORD = 'hanjiang-demo-2020';
const PRINCIPAL = 'baitang.commander';
const POOL_SIZE = '20';

const env = readBenchEnv();
/** Set once the database exists, so an interrupted run still drops it (or stops the embedded server). */
let closeDatabase: () => Promise<void> = () => Promise.resolve();
const t0 = Date.now();
const log = (line: string) =>
  process.stdout.write(`[bench ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

/** Run under the project's Node: the packaged Node 22 (first on PATH inside pnpm scripts) is for PostGraphile. */
function reexecUnderProjectNode(): Promise<number> | null {
  if (env.reexecuted || !runningOnPackagedNode()) return null;
  const node = projectNode(env.path);
  if (!node) return null;
  const child = spawn(node, ['--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    cwd: BENCH_DIR,
    stdio: 'inherit',
    env: reexecEnv(cleanPath(env.path)),
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 130 : 1))));
}

interface Systems {
  gateway: Child;
  raw: Child;
  postgraphile: Child | null;
}

function urlOf(child: Child): string {
  return `${child.url}/graphql`;
}

async function startGateway(
  db: BenchDatabase,
  jwtSecret: string,
  options: {
    stats: boolean;
    profileDir: string | null;
    name?: string;
    nodeFlags?: string[];
    env?: Record<string, string>;
  },
): Promise<Child> {
  const port = await freePort();
  return spawnServer({
    name: options.name ?? (options.stats ? 'gateway (EXPOSE_SQL_STATS)' : 'gateway'),
    command: process.execPath,
    args: [
      ...(options.nodeFlags ?? []),
      ...(options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : []),
      '--import',
      'tsx',
      'src/main.ts',
    ],
    cwd: GATEWAY_DIR,
    env: childEnv(env, {
      DATABASE_URL: db.url,
      NODE_ENV: options.stats ? 'development' : 'production',
      ...(options.stats ? { EXPOSE_SQL_STATS: '1' } : {}),
      DEMO_MODE: '1',
      DEMO_PASSWORD,
      JWT_SECRET: jwtSecret,
      JWT_TTL_SECONDS: '86400',
      SEED_ON_EMPTY: '0',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      DB_POOL_SIZE: POOL_SIZE,
      ...options.env,
    }),
    port,
    readyPath: '/readyz',
  });
}

async function startRaw(db: BenchDatabase, jwtSecret: string): Promise<Child> {
  const port = await freePort();
  return spawnServer({
    name: 'raw',
    command: process.execPath,
    args: ['--import', 'tsx', 'src/servers/raw.ts'],
    cwd: BENCH_DIR,
    env: childEnv(env, {
      DATABASE_URL: db.url,
      PORT: String(port),
      JWT_SECRET: jwtSecret,
      POOL_SIZE,
      NODE_ENV: 'production',
    }),
    port,
    readyPath: '/readyz',
  });
}

async function startPostgraphile(
  db: BenchDatabase,
  jwtSecret: string,
): Promise<{ child: Child | null; why: string }> {
  const binary = node22();
  if ('missing' in binary) return { child: null, why: binary.missing };
  try {
    const version = execFileSync(binary.path, ['--version'], { encoding: 'utf8' }).trim();
    const port = await freePort();
    const child = await spawnServer({
      name: 'postgraphile',
      command: binary.path,
      args: ['--import', 'tsx', 'src/servers/postgraphile.ts'],
      cwd: BENCH_DIR,
      env: childEnv(env, {
        DATABASE_URL: db.url,
        PORT: String(port),
        JWT_SECRET: jwtSecret,
        POOL_SIZE,
        NODE_ENV: 'production',
      }),
      port,
      readyPath: '/readyz',
    });
    return { child, why: `node ${version}` };
  } catch (error) {
    return { child: null, why: (error as Error).message.split('\n').slice(0, 6).join(' | ') };
  }
}

async function login(gateway: Child, username = PRINCIPAL): Promise<string> {
  const answer = await post(urlOf(gateway), {
    operationName: 'Login',
    query: 'mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    variables: { u: username, p: DEMO_PASSWORD },
  });
  const token = (answer.body?.data as { login?: { token?: string } } | undefined)?.login?.token;
  if (!token) throw new Error(`login as ${username} failed: ${answer.status} ${answer.text.slice(0, 300)}`);
  return token;
}

/** Subscribers of the fan-out: every township's and headquarters' viewer, and the district's admin. */
const FANOUT_PRINCIPALS = [
  ...TOWNSHIPS.map((t) => `${t.code}.viewer`),
  ...HEADQUARTERS.map((h) => `${h.code}.viewer`),
  `${DISTRICT.code}.admin`,
];
const FANOUT_SIGNER = `${DISTRICT.code}.admin`;
const FANOUT_SIGNINGS = 5;

/** The fan-out scenario for each N, each on a freshly started gateway (so its RSS baseline is clean). */
async function fanout(
  db: BenchDatabase,
  jwtSecret: string,
  ns: number[],
  signingsPerN: number,
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
    const gateway = await startGateway(db, jwtSecret, {
      stats: true,
      profileDir: null,
      name: `gateway (fan-out ${n})`,
      nodeFlags: ['--max-semi-space-size=64'],
      env: { WS_MAX_SOCKETS_PER_PRINCIPAL: '1000', WS_MAX_UNINITIALISED_PER_ADDRESS: '1000' },
    });
    try {
      if (k === 0) {
        tokens = [];
        for (const username of FANOUT_PRINCIPALS) tokens.push(await login(gateway, username));
        signerToken =
          tokens[FANOUT_PRINCIPALS.indexOf(FANOUT_SIGNER)] ?? (await login(gateway, FANOUT_SIGNER));
        log(
          `fan-out: ${FANOUT_PRINCIPALS.length} principals (${FANOUT_PRINCIPALS.length - 1} tenant viewers + ` +
            `${FANOUT_SIGNER}), ${SUBSCRIPTIONS_PER_SOCKET} subscriptions per socket, 2 client processes`,
        );
      }
      const row = await runFanout({
        subscribers: n,
        signings: signingsPerN,
        gateway,
        tokens,
        signerToken,
        targets: targets.slice(k * signingsPerN, (k + 1) * signingsPerN),
        log,
        cwd: BENCH_DIR,
      });
      rows.push(row);
      for (const p of row.problems) problems.push(`fan-out ${n}: ${p}`);
      if (row.signings < signingsPerN) problems.push(`fan-out ${n}: only ${row.signings} signings measured`);
    } finally {
      await gateway.stop();
    }
  }
  return { rows, problems };
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<
    string,
    unknown
  >;
}

async function fixtures(db: BenchDatabase): Promise<Fixtures> {
  const pool = new pg.Pool({ connectionString: db.url, max: 1 });
  try {
    // A household of the principal's own township, far along (several events), so its commander sees its PII.
    const { rows } = await pool.query<{ id: string }>(
      `SELECT h.id FROM household h JOIN township t ON t.id = h.township_id
       WHERE t.code = $1 AND h.stage IN ('SIGNED', 'VACATED', 'DEMOLISHED') ORDER BY h.version DESC, h.code LIMIT 1`,
      [PRINCIPAL.split('.')[0]],
    );
    if (!rows[0]) throw new Error('no signed household of the principal’s township in the seed');
    return { detailHouseholdId: rows[0].id, today: shanghaiDate(new Date()) };
  } finally {
    await pool.end();
  }
}

interface SchemaFeatures {
  mutations: string[];
  subscriptions: string[];
}

async function introspect(gatewayDev: Child, token: string): Promise<SchemaFeatures> {
  const answer = await post(
    urlOf(gatewayDev),
    {
      operationName: 'Features',
      query:
        'query Features { __schema { mutationType { fields { name } } subscriptionType { fields { name } } } }',
    },
    token,
  );
  const schema = (answer.body?.data as { __schema?: Record<string, { fields: { name: string }[] } | null> })
    ?.__schema;
  return {
    mutations: schema?.mutationType?.fields.map((f) => f.name) ?? [],
    subscriptions: schema?.subscriptionType?.fields.map((f) => f.name) ?? [],
  };
}

/** SQL statements per request, from the stats instance's extensions.sqlStatements. */
async function sqlStatements(
  gatewayDev: Child,
  token: string,
  all: Scenario[],
): Promise<Record<string, number | null>> {
  const counts: Record<string, number | null> = {};
  for (const scenario of [
    listScenario(10),
    listScenario(50),
    listScenario(100),
    ...all.filter((s) => s.id !== 'list-50'),
  ]) {
    const answer = await post(urlOf(gatewayDev), scenario.gateway, token);
    const n = answer.body?.extensions?.sqlStatements;
    counts[scenario.id] = typeof n === 'number' && !answer.body?.errors ? n : null;
  }
  return counts;
}

interface Verified {
  ok: boolean;
  /** Byte-exact answers each system gave, used as autocannon's expectBody. */
  bodies: Map<string, string>;
  problems: string[];
}

async function verify(
  systems: Systems,
  token: string,
  all: Scenario[],
  extra: Child | null,
): Promise<Verified> {
  const bodies = new Map<string, string>();
  const problems: string[] = [];
  for (const scenario of all) {
    const raw = await post(urlOf(systems.raw), scenario.gateway, token);
    const rawData = raw.body?.data;
    if (raw.status !== 200 || raw.body?.errors || rawData === undefined) {
      problems.push(`${scenario.id}: raw answered ${raw.status} ${raw.text.slice(0, 200)}`);
      continue;
    }
    bodies.set(`raw/${scenario.id}`, raw.text);
    const expected = canonical(scenario.exact(rawData));
    const gateways: [string, Child][] = [['gateway', systems.gateway]];
    if (extra) gateways.push(['gateway (EXPOSE_SQL_STATS)', extra]);
    for (const [name, child] of gateways) {
      const answer = await post(urlOf(child), scenario.gateway, token);
      const data = answer.body?.data;
      if (answer.status !== 200 || answer.body?.errors || data === undefined) {
        problems.push(`${scenario.id}: ${name} answered ${answer.status} ${answer.text.slice(0, 300)}`);
        continue;
      }
      if (canonical(scenario.exact(data)) !== expected) {
        problems.push(
          `${scenario.id}: ${name} differs from raw — ${firstDifference(scenario.exact(data), scenario.exact(rawData))}`,
        );
        continue;
      }
      if (name === 'gateway') bodies.set(`gateway/${scenario.id}`, answer.text);
    }
    if (systems.postgraphile && scenario.postgraphile) {
      const answer = await post(urlOf(systems.postgraphile), scenario.postgraphile, token);
      const data = answer.body?.data;
      if (answer.status !== 200 || answer.body?.errors || data === undefined) {
        problems.push(`${scenario.id}: postgraphile answered ${answer.status} ${answer.text.slice(0, 300)}`);
        continue;
      }
      const mine = scenario.pglIds(data);
      const theirs = scenario.ids(rawData);
      if (canonical(mine) !== canonical(theirs)) {
        problems.push(`${scenario.id}: postgraphile differs from raw — ${firstDifference(mine, theirs)}`);
        continue;
      }
      bodies.set(`postgraphile/${scenario.id}`, answer.text);
    }
  }
  return { ok: problems.length === 0, bodies, problems };
}

function logMeasurement(round: number, rounds: number, id: string, system: string, m: Measurement): void {
  log(
    `round ${round + 1}/${rounds} ${id.padEnd(24)} ${system.padEnd(12)} ` +
      `${m.reqPerSec.toFixed(0).padStart(6)} req/s  p50 ${m.p50} ms  p99 ${m.p99} ms` +
      (m.failures
        ? `  ${m.failures} FAILED (first: ${m.firstFailure ?? 'connection error or differing body'})`
        : ''),
  );
}

/** Signs one household on raw and on the gateway (and the stats instance), resetting between: same footprint? */
async function verifySigning(
  fixture: SigningFixture,
  systems: Systems,
  gatewayDev: Child,
  token: string,
  statements: Record<string, number | null>,
): Promise<string[]> {
  const target = fixture.targets[0];
  if (!target || fixture.targets.length < 20)
    return [`signing: too few ASSESSED households to sign (${fixture.targets.length})`];
  const problems: string[] = [];
  const footprints: Partial<Record<string, SigningFootprint>> = {};
  for (const [name, child] of [
    ['raw', systems.raw],
    ['gateway', systems.gateway],
    ['gateway (EXPOSE_SQL_STATS)', gatewayDev],
  ] as const) {
    let answer: Awaited<ReturnType<typeof post>> | null = null;
    footprints[name] = await fixture.footprint(target, async () => {
      answer = await post(
        urlOf(child),
        signBody(target, `verify-${name.split(' ')[0]}-${Date.now()}`),
        token,
      );
    });
    await fixture.reset();
    const a = answer as Awaited<ReturnType<typeof post>> | null;
    const signed = (a?.body?.data as { advanceStage?: { stage?: string } } | undefined)?.advanceStage;
    if (!a || a.status !== 200 || a.body?.errors || signed?.stage !== 'SIGNED') {
      problems.push(`signing: ${name} answered ${a?.status} ${a?.text.slice(0, 300)}`);
      continue;
    }
    if (name.startsWith('gateway (')) {
      const n = a.body?.extensions?.sqlStatements;
      statements.signing = typeof n === 'number' ? n : null;
    }
  }
  const raw = footprints.raw;
  for (const name of ['gateway', 'gateway (EXPOSE_SQL_STATS)']) {
    const diff = firstDifference(footprints[name], raw);
    if (diff) problems.push(`signing: ${name} wrote something else than raw — ${diff}`);
  }
  if (raw && (raw.stage !== 'SIGNED' || raw.events !== 1 || raw.auditRows !== 1 || raw.notifications < 2))
    problems.push(`signing: unexpected footprint ${JSON.stringify(raw)}`);
  return problems;
}

function gitInfo(): { commit: string | null; dirty: boolean | null } {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_DIR, encoding: 'utf8' }).trim();
    const dirty =
      execFileSync('git', ['status', '--porcelain'], { cwd: REPO_DIR, encoding: 'utf8' }).trim() !== '';
    return { commit, dirty };
  } catch {
    return { commit: null, dirty: null };
  }
}

async function run(args: BenchArgs): Promise<number> {
  const started = Date.now();
  const loadAtStart = Math.round(loadavg()[0]! * 10) / 10;
  log(
    `scale ${args.scale}, ${args.rounds} round(s) × ${args.durationSeconds} s (+${args.warmupSeconds} s warm-up), ` +
      `${args.connections} connections, node ${process.version}, ${cpus().length} cpus, load average ${loadAtStart}`,
  );
  const jwtSecret = randomBytes(32).toString('base64url');
  const db = await prepareDatabase({
    databaseUrl: env.databaseUrl,
    scale: args.scale,
    demoPassword: DEMO_PASSWORD,
    log,
  });
  closeDatabase = () => db.close();
  let profileDir: string | null = null;
  try {
    const fx = await fixtures(db);
    const all = scenarios(fx).filter((s) => args.only.length === 0 || args.only.includes(s.id));
    const wantFanout = args.only.length === 0 || args.only.includes('fanout');
    if (all.length === 0 && !args.only.includes('signing') && !wantFanout)
      throw new Error(`--only matched no scenario (${args.only.join(', ')})`);

    if (args.profile) profileDir = mkdtempSync(path.join(tmpdir(), 'hj-bench-prof-'));
    const gatewaySpawnedAt = Date.now();
    let loadStartedAt: number | null = null;
    const [gateway, gatewayDev, raw] = await Promise.all([
      startGateway(db, jwtSecret, { stats: false, profileDir }),
      startGateway(db, jwtSecret, { stats: true, profileDir: null }),
      startRaw(db, jwtSecret),
    ]);
    log(
      `gateway ${gateway.url} (production), gateway ${gatewayDev.url} (EXPOSE_SQL_STATS, development), raw ${raw.url}`,
    );
    let postgraphile: Child | null = null;
    let postgraphileNote = 'skipped (--no-postgraphile)';
    if (args.postgraphile) {
      const started = await startPostgraphile(db, jwtSecret);
      postgraphile = started.child;
      postgraphileNote = started.why;
      if (postgraphile) log(`postgraphile ${postgraphile.url} (${started.why})`);
      else log(`PostGraphile cannot run, continuing without it: ${started.why}`);
    }
    const systems: Systems = { gateway, raw, postgraphile };

    const token = await login(gateway);
    const claims = claimsOf(token);
    log(
      `principal ${PRINCIPAL}: tenant ${String(claims.tk)}/${String(claims.tc)}, role ${String(claims.role)}`,
    );

    const features = await introspect(gatewayDev, token);
    const statements = await sqlStatements(gatewayDev, token, all);
    log(`SQL statements per request (gateway): ${JSON.stringify(statements)}`);
    const verified = await verify(systems, token, all, gatewayDev);
    for (const problem of verified.problems) log(`WRONG ANSWER ${problem}`);
    if (verified.ok) log(`verified: every system answered every read scenario like the raw baseline`);
    const unavailable: string[] = [];
    const wantSigning = args.only.length === 0 || args.only.includes('signing');
    let signing: SigningFixture | null = null;
    if (!features.mutations.includes('advanceStage')) {
      unavailable.push('signing mutation: not yet available (the gateway schema has no advanceStage)');
    } else if (wantSigning) {
      signing = await SigningFixture.create(db.url, PRINCIPAL.split('.')[0]!, args.quick ? 60 : 1_600);
      const problems = await verifySigning(signing, systems, gatewayDev, token, statements);
      verified.problems.push(...problems);
      for (const problem of problems) log(`WRONG ANSWER ${problem}`);
      verified.ok &&= problems.length === 0;
      if (problems.length === 0) log(`verified: signing writes the same footprint on the gateway and raw`);
    }
    if (!features.subscriptions.includes('leaderboardChanged'))
      unavailable.push(
        'fan-out: not yet available (the gateway schema has no leaderboardChanged subscription)',
      );
    if (signing)
      unavailable.push(
        'signing on PostGraphile: not measured (it has no equivalent without a custom SQL function)',
      );
    for (const line of unavailable) log(line);
    await gatewayDev.stop();

    // ── load: rounds × scenarios × systems, the system order rotating so drift hits every system ──
    const active = SYSTEMS.filter((s) => s !== 'postgraphile' || postgraphile);
    const results: ScenarioResult[] = all.map((s) => ({ id: s.id, title: s.title, rounds: {} }));
    const signingResult: ScenarioResult = {
      id: 'signing',
      title: 'signing mutation (advanceStage ASSESSED → SIGNED)',
      rounds: {},
    };
    if (signing) results.push(signingResult);
    loadStartedAt = Date.now();
    for (let round = 0; round < args.rounds; round += 1) {
      for (const [i, scenario] of all.entries()) {
        const result = results[i]!;
        const offset = (round + i) % active.length;
        const order = [...active.slice(offset), ...active.slice(0, offset)];
        for (const system of order) {
          const body = system === 'postgraphile' ? scenario.postgraphile : scenario.gateway;
          const expectBody = verified.bodies.get(`${system}/${scenario.id}`);
          const child = systems[system];
          if (!body || !child || expectBody === undefined) continue;
          const m = await measure(
            {
              url: urlOf(child),
              token,
              body,
              connections: args.connections,
              durationSeconds: args.durationSeconds,
              expectBody,
            },
            args.warmupSeconds,
          );
          (result.rounds[system] ??= []).push(m);
          logMeasurement(round, args.rounds, scenario.id, system, m);
        }
      }
      if (signing) {
        const fixture = signing;
        const amount = Math.max(1, fixture.targets.length - 10);
        const order: SystemName[] = round % 2 ? ['raw', 'gateway'] : ['gateway', 'raw'];
        for (const system of order) {
          const url = urlOf(system === 'raw' ? systems.raw : systems.gateway);
          if (!args.quick) {
            await measureSigning({
              url,
              token,
              targets: fixture.targets,
              amount: 100,
              connections: args.connections,
              runId: `warm-${system}-${round}`,
            });
            await fixture.reset();
          }
          const m = await measureSigning({
            url,
            token,
            targets: fixture.targets,
            amount,
            connections: args.connections,
            runId: `${system}-${round}`,
          });
          await fixture.reset();
          (signingResult.rounds[system] ??= []).push(m);
          logMeasurement(round, args.rounds, 'signing', system, m);
        }
      }
    }
    await signing?.close();

    await Promise.all([raw.stop(), postgraphile?.stop()]);
    await gateway.stop(); // graceful, so --cpu-prof writes its profile

    // ── fan-out: N WebSocket subscribers, a signing, latency to each (after the other systems stopped) ──
    let fanoutRows: FanoutRow[] = [];
    if (wantFanout && features.subscriptions.includes('leaderboardChanged')) {
      const ns = args.quick ? [200] : [1_000, 5_000, 10_000];
      const result = await fanout(db, jwtSecret, ns, args.quick ? 3 : FANOUT_SIGNINGS);
      fanoutRows = result.rows;
      for (const problem of result.problems) log(`FAN-OUT PROBLEM ${problem}`);
      verified.problems.push(...result.problems);
      verified.ok &&= result.problems.length === 0;
    }
    const fanoutTargetRows = fanoutTargets(fanoutRows);

    let profile: ProfileSummary | null = null;
    if (profileDir) {
      // The main thread's profile (thread 0; tsx's loader thread writes another). Kept in the temp directory
      // (tens of MB): open it in Chrome DevTools or speedscope.
      const file = readdirSync(profileDir).find((f) => /\.0\.\d+\.cpuprofile$/.test(f));
      if (file)
        profile = summariseProfile(path.join(profileDir, file), 25, (loadStartedAt ?? 0) - gatewaySpawnedAt);
      else log('no CPU profile was written by the gateway');
    }

    const failuresUnderLoad = results.flatMap((r) =>
      Object.entries(r.rounds).flatMap(([system, ms]) =>
        ms
          .filter((m) => m.failures > 0)
          .map((m) => `${r.id}/${system}: ${m.failures} failed or differing answers under load`),
      ),
    );
    for (const line of failuresUnderLoad) log(`FAILED ${line}`);

    const table = formatTable(results, active);
    const targets = targetsReport(results, statements);
    process.stdout.write(`\n${table}\n\n${targets.text}\n`);
    if (args.quick)
      process.stdout.write(
        '(--quick: 1-second runs at scale 1 — these timings mean nothing; it checks correctness)\n',
      );
    process.stdout.write(
      `\nSQL statements per request (gateway, extensions.sqlStatements): ` +
        Object.entries(statements)
          .map(([k, v]) => `${k} ${v ?? '?'}`)
          .join(', ') +
        `; raw: 3 (BEGIN+role+settings, the query, COMMIT)\n`,
    );
    if (fanoutRows.length) {
      process.stdout.write(
        `\nfan-out: leaderboardChanged(board: HEADQUARTERS) subscribers, latency from just before the signing's COMMIT ` +
          `to receipt (median over signings of each signing's p50/p99; "from request" also counts the mutation's ` +
          `own work); gateway with EXPOSE_SQL_STATS (development mode)\n` +
          `${formatFanoutTable(fanoutRows)}\n` +
          `targets (issue 5):\n` +
          fanoutTargetRows
            .map(
              (r) =>
                `  ${r.met === null ? '–' : r.met ? '✓' : '✗'} ${r.target}: ${r.wanted}, measured ${r.measured}\n`,
            )
            .join(''),
      );
    }
    for (const line of unavailable) process.stdout.write(`${line}\n`);
    if (profile) {
      process.stdout.write(`\ngateway CPU profile (${profile.busySeconds} s busy, ${profile.file}):\n`);
      for (const p of profile.packages.slice(0, 12))
        process.stdout.write(`  ${p.pct.toFixed(1).padStart(5)} %  ${p.name}\n`);
      process.stdout.write('  top functions (self time):\n');
      for (const f of profile.functions.slice(0, 20))
        process.stdout.write(`  ${f.pct.toFixed(1).padStart(5)} %  ${f.name}\n`);
    }

    const date = new Date().toISOString().slice(0, 10);
    // Only a complete run is a result of record; --quick, --only and --profile runs go to the temp directory.
    const partial = args.quick || args.only.length > 0 || args.profile;
    const outDir = partial ? tmpdir() : path.join(REPO_DIR, 'bench/results');
    mkdirSync(outDir, { recursive: true });
    const outFile = path.join(
      outDir,
      partial ? `hanjiang-bench-partial-${date}-${process.pid}.json` : `${date}.json`,
    );
    const cpuList = cpus();
    const report = {
      date: new Date().toISOString(),
      quick: args.quick,
      durationSeconds: Math.round((Date.now() - started) / 1000),
      machine: {
        cpus: cpuList.length,
        cpuModel: cpuList[0]?.model ?? 'unknown',
        /** 1-minute load average when the run started and ended: other work on a shared machine shows here. */
        loadAverage: { start: loadAtStart, end: Math.round(loadavg()[0]! * 10) / 10 },
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        platform: `${process.platform} ${release()} ${process.arch}`,
        node: process.version,
        postgraphileNode: postgraphile ? postgraphileNote : null,
      },
      database: {
        postgres: db.serverVersion,
        embedded: db.embedded,
        scale: args.scale,
        households: db.households,
      },
      git: gitInfo(),
      config: {
        principal: PRINCIPAL,
        rounds: args.rounds,
        durationSeconds: args.durationSeconds,
        warmupSeconds: args.warmupSeconds,
        connections: args.connections,
        poolSize: Number(POOL_SIZE),
      },
      postgraphile: postgraphile ? 'ran' : postgraphileNote,
      verified: verified.ok,
      wrongAnswers: verified.problems,
      failuresUnderLoad,
      sqlStatements: { gateway: statements, raw: 3 },
      scenarios: results.map((r) => ({
        id: r.id,
        title: r.title,
        systems: Object.fromEntries(
          Object.entries(r.rounds).map(([system, ms]) => [
            system,
            {
              rounds: ms,
              median: {
                reqPerSec: median(ms.map((m) => m.reqPerSec)),
                p50: median(ms.map((m) => m.p50)),
                p99: median(ms.map((m) => m.p99)),
              },
            },
          ]),
        ),
        ratios: targets.ratios[r.id] ?? {},
      })),
      targets: targets.rows,
      fanout: fanoutRows.length
        ? {
            query:
              'subscription { leaderboardChanged(board: HEADQUARTERS) { rank scopeCode signedPct signedToday } }',
            principals: FANOUT_PRINCIPALS,
            signer: FANOUT_SIGNER,
            subscriptionsPerSocket: SUBSCRIPTIONS_PER_SOCKET,
            clientProcesses: 2,
            gateway:
              'EXPOSE_SQL_STATS=1, NODE_ENV=development, node --max-semi-space-size=64, WS_MAX_SOCKETS_PER_PRINCIPAL=1000',
            rows: fanoutRows,
            targets: fanoutTargetRows,
          }
        : null,
      unavailable,
      profile,
    };
    writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
    log(`results written to ${outFile} in ${report.durationSeconds} s`);

    if (!postgraphile && args.postgraphile) log(`note: PostGraphile did not run (${postgraphileNote})`);
    return verified.ok && failuresUnderLoad.length === 0 ? 0 : 1;
  } finally {
    await stopAll();
    await db.close();
  }
}

async function main(): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const reexec = reexecUnderProjectNode();
  if (reexec) return reexec;
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (interrupted) return;
      interrupted = true;
      log(`${signal}: stopping`);
      void stopAll()
        .then(() => closeDatabase())
        .finally(() => process.exit(130));
    });
  }
  return run(args);
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    process.stderr.write(
      `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    await stopAll();
    await closeDatabase().catch(() => undefined);
    process.exit(1);
  },
);
