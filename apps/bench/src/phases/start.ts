// Phase 2, start: the systems as child processes, each on its own loopback port — the production gateway, a
// second gateway with EXPOSE_SQL_STATS (only to count SQL statements, stopped before any timing), the raw
// baseline and PostGraphile — and the login of the principal every system is measured as.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BenchArgs } from '../args.js';
import { type Child, freePort, spawnServer } from '../children.js';
import type { BenchDatabase } from '../database.js';
import { childEnv } from '../env.js';
import { post } from '../graphql-client.js';
import { node22 } from '../node-binaries.js';
import {
  BENCH_DIR,
  DEMO_PASSWORD,
  env,
  GATEWAY_DIR,
  log,
  POOL_SIZE,
  PRINCIPAL,
  type Systems,
  urlOf,
} from './context.js';

export interface Started {
  systems: Systems;
  /** The EXPOSE_SQL_STATS gateway (development mode): verification and statement counts only. */
  gatewayDev: Child;
  /** PostGraphile's Node version, or why it did not run. */
  postgraphileNote: string;
  /** Where the production gateway writes its --cpu-prof profile (--profile only). */
  profileDir: string | null;
  gatewaySpawnedAt: number;
}

export async function startSystems(db: BenchDatabase, jwtSecret: string, args: BenchArgs): Promise<Started> {
  const profileDir = args.profile ? mkdtempSync(path.join(tmpdir(), 'hj-bench-prof-')) : null;
  const gatewaySpawnedAt = Date.now();
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
  return {
    systems: { gateway, raw, postgraphile },
    gatewayDev,
    postgraphileNote,
    profileDir,
    gatewaySpawnedAt,
  };
}

/** Stops the measured systems; the gateway last and gracefully, so --cpu-prof writes its profile. */
export async function stopSystems(systems: Systems): Promise<void> {
  await Promise.all([systems.raw.stop(), systems.postgraphile?.stop()]);
  await systems.gateway.stop();
}

export async function startGateway(
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
      // The rate and cost policies run (their cost is part of the figures) but one bench user must not hit them.
      RATE_LIMIT_PER_MINUTE: '1000000',
      COST_LIMIT_PER_MINUTE: '1000000000',
      // Likewise the per-address limits: the bench's thousands of clients all come from loopback.
      ADDRESS_REQUESTS_PER_WINDOW: '100000000',
      ADDRESS_MAX_CONNECTIONS: '1000000',
      ADDRESS_MAX_SOCKETS: '1000000',
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: '100000000',
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

export async function login(gateway: Child, username = PRINCIPAL): Promise<string> {
  const answer = await post(urlOf(gateway), {
    operationName: 'Login',
    query: 'mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    variables: { u: username, p: DEMO_PASSWORD },
  });
  const token = (answer.body?.data as { login?: { token?: string } } | undefined)?.login?.token;
  if (!token) throw new Error(`login as ${username} failed: ${answer.status} ${answer.text.slice(0, 300)}`);
  return token;
}

/** Logs in as the bench's principal and says which tenant and role its token carries. */
export async function signIn(gateway: Child): Promise<string> {
  const token = await login(gateway);
  const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<
    string,
    unknown
  >;
  log(
    `principal ${PRINCIPAL}: tenant ${String(claims.tk)}/${String(claims.tc)}, role ${String(claims.role)}`,
  );
  return token;
}
