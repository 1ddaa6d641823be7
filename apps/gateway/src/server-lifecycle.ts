import type { Server as HttpServer } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { upsertCatalogue } from '@hanjiang/db';
import type { Redis } from 'ioredis';
import type { GatewayContext, Services } from './context.js';
import { type Database, openDatabase } from './db/database.js';
import { type Env, isDemoMode, summaryCron } from './env.js';
import type { BusProbe } from './live/bus-probe.js';
import type { Logger } from './logger.js';
import type { AuditHeadExporter } from './modules/audit/audit.head.js';
import type { AuditWriter } from './modules/audit/audit.writer.js';
import { installJobQueue, type SummaryJobs } from './modules/summary/summary.jobs.js';
import { PoolProbe, type ReadinessState } from './readiness.js';

/** /readyz waits this long for the read replica before reporting it degraded (the primary keeps serving). */
const REPLICA_PROBE_TIMEOUT_MS = 1_000;

/** What runs beside the request path and starts once the database is open, and stops before it closes. */
export interface Background {
  readonly auditHead: AuditHeadExporter;
  readonly summaryJobs: SummaryJobs;
  readonly audit: AuditWriter;
  readonly busProbe: BusProbe | null;
}

/**
 * The start-up after the port listens, in order, each step named in /readyz while it runs: open (or start) the
 * database, the catalogue, the demo seed where allowed, the job queue; then drop the migration role and start what
 * runs in the background. `opened` hands the database to the server as soon as it exists.
 */
export async function bringUp(
  env: Env,
  logger: Logger,
  readiness: ReadinessState,
  services: Services,
  background: Background,
  opened: (database: Database) => void,
): Promise<Database> {
  readiness.starting(env.DATABASE_URL ? 'connecting to PostgreSQL' : 'starting embedded PostgreSQL');
  const database = await openDatabase(env, logger);
  opened(database);
  const replica = database.replica;
  services.reads.attach(replica, replica && new PoolProbe(() => replica, REPLICA_PROBE_TIMEOUT_MS));
  readiness.starting('loading the catalogue');
  await upsertCatalogue(database.admin);
  // The seeder is loaded only where it may run: a production gateway (SEED_ON_EMPTY off) never imports it.
  const seeder = env.SEED_ON_EMPTY ? await import('@hanjiang/db/seed') : null;
  if (seeder && !(await seeder.isSeeded(database.admin))) {
    readiness.starting('seeding the demo data');
    const started = Date.now();
    const summary = await seeder.seedDemo(database.admin, {
      scale: env.SEED_SCALE,
      demoPassword: env.DEMO_PASSWORD,
      demoDisplayKey: isDemoMode(env),
    });
    logger.info({ ...summary, ms: Date.now() - started }, 'demo data seeded');
  }
  await services.catalogue.load(database.admin);
  if (env.SUMMARY_JOBS) {
    readiness.starting('installing the job queue');
    await installJobQueue(database.admin, database.loginRole, { cron: summaryCron(env) }, logger);
  }
  // From here on nothing runs as the migration role: requests reach the database only as the login role.
  await database.releaseAdmin();
  readiness.starting('starting live updates');
  await services.live.start(database.pool);
  await background.auditHead.start(database.pool, env.AUDIT_HEAD_EXPORT_MS);
  if (env.SUMMARY_JOBS) await background.summaryJobs.start(database.pool);
  background.audit.start(database.pool);
  background.busProbe?.start(env.METRICS_BUS_PROBE_MS);
  readiness.ready();
  return database;
}

export interface Running {
  readonly ws: { close(): Promise<void> };
  readonly httpServer: HttpServer;
  readonly apollo: ApolloServer<GatewayContext>;
  readonly metricsServer: { close(): Promise<void> } | null;
  readonly loginRedis: Redis | null;
  /** The database once open, else the start-up's outcome (a failed one closes nothing). */
  database(): Promise<Database | null>;
}

/** The drain, in the order that loses nothing: sockets, HTTP, Apollo, then what writes, then the database. */
export async function shutDown(
  readiness: ReadinessState,
  services: Services,
  background: Background,
  running: Running,
): Promise<void> {
  readiness.draining();
  await running.ws.close();
  // The HTTP server drains itself: close() stops accepting, ends idle keep-alive connections at once and the
  // others after their response. (Apollo's drain plugin waited here for a 'close' that, on this server, never
  // came: Ctrl-C then ended in "shutdown took too long" with exit 1.)
  const { httpServer } = running;
  if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
  await running.apollo.stop();
  // No operation runs any more: what the integrator audit holds is written before the pool closes.
  await background.audit.close();
  background.auditHead.stop();
  await background.summaryJobs.stop(); // its polling uses the request pool: stopped before the pool closes
  background.busProbe?.stop();
  await running.metricsServer?.close();
  await services.live.stop(); // its LISTEN connection goes before the pool and the embedded server
  running.loginRedis?.disconnect();
  await (await running.database())?.close();
}
