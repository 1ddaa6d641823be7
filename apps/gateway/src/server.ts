import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { upsertCatalogue } from '@hanjiang/db';
import express from 'express';
import { specifiedRules } from 'graphql';
import type { GatewayContext } from './context.js';
import { type Database, openDatabase } from './db/database.js';
import { type Env, isDemoMode, summaryCron } from './env.js';
import { createErrorFormatter } from './errors/format-error.js';
import { publicError, ErrorCode } from './errors/public-error.js';
import { createArmor, MAX_QUERY_BYTES, PARSE_OPTIONS } from './limits.js';
import { FastPath } from './http/fast-path.js';
import { graphqlEntry } from './http/graphql-entry.js';
import { jsonErrorHandler, jsonNotFound } from './http/json-error.js';
import { createRequestContext } from './http/request-context.js';
import { requestIdMiddleware } from './http/request-id.js';
import { transactionPlugin } from './http/transaction-plugin.js';
import { fanoutStats } from './live/fanout-stats.js';
import type { LiveService } from './live/live-service.js';
import type { Logger } from './logger.js';
import { BusProbe } from './live/bus-probe.js';
import { GatewayMetrics } from './metrics/gateway-metrics.js';
import { metricsHandler, startMetricsServer } from './metrics/metrics-endpoint.js';
import { AuditHeadExporter } from './modules/audit/audit.head.js';
import type { AuditWriter } from './modules/audit/audit.writer.js';
import { importBodyParser } from './http/import-body-limit.js';
import { mountExports } from './http/exports-route.js';
import { livePolicies } from './modules/live/live.policies.js';
import { PoolProbe, ReadinessState } from './readiness.js';
import { installJobQueue, SummaryJobs } from './modules/summary/summary.jobs.js';
import { DocumentCache } from './graphql/document-cache.js';
import { jitGateway, OperationExecutor } from './graphql/jit-executor.js';
import { exposurePolicy, schemaExposurePlugin } from './graphql/schema-exposure.js';
import { apolloDocumentStage } from './pipeline/apollo-documents.js';
import { AllowList } from './pipeline/allow-list.js';
import { persistedQueryStore } from './pipeline/persisted-queries.js';
import { OperationBudgets } from './pipeline/rate-limits.js';
import { operationPolicies, policyPlugin } from './pipeline/policies.js';
import { refusalAuditPlugin } from './pipeline/refusals.js';
import { createSchema } from './schema.js';
import { createServices } from './services.js';
import { mountGraphqlIde } from './static/graphql-ide.js';
import { mountPortals } from './static/portals.js';
import { startWsServer } from './ws/ws-server.js';

export const VERSION = '0.1.0';

/** /readyz waits this long for the read replica before reporting it degraded (the primary keeps serving). */
const REPLICA_PROBE_TIMEOUT_MS = 1_000;

export interface Gateway {
  readonly url: string;
  readonly port: number;
  readonly httpServer: HttpServer;
  /** Resolves when the database is migrated and seeded and /readyz answers 200. */
  readonly ready: Promise<Database>;
  readonly ephemeralJwtSecret: boolean;
  /** Live updates (hub and bus), for diagnostics and tests. */
  readonly live: LiveService;
  /** The batched integrator audit, for tests (flush, pending rows). */
  readonly audit: AuditWriter;
  /** The port of the separate metrics listener (METRICS_PORT), when there is one. */
  readonly metricsPort: number | null;
  stop(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(host: string, port: number) {
    super(
      `port ${port} on ${host} is already in use (is another gateway running?) — set PORT to a free port`,
    );
  }
}

/**
 * Listens first (so /healthz answers and a taken port fails fast), then opens the database in the background;
 * /readyz and GraphQL answer 503 until migrations and seed are done.
 */
export async function startGateway(env: Env, logger: Logger): Promise<Gateway> {
  const readiness = new ReadinessState();
  let database: Database | null = null;
  const metrics = new GatewayMetrics();
  const { services, apiKeys, loginRedis, audit } = createServices(
    env,
    logger,
    readiness,
    VERSION,
    () => database!.pool,
    metrics.operations,
  );
  const { catalogue, tokens } = services;

  const auditHead = new AuditHeadExporter(logger, metrics.registry);
  metrics.attachPool(() => database?.pool ?? null);
  if (env.DATABASE_REPLICA_URL) {
    metrics.attachReplica({
      pool: () => database?.replica ?? null,
      inService: () => services.reads.inService,
    });
  }
  const metricsServed = env.METRICS_PORT !== undefined || env.METRICS_TOKEN !== undefined;
  const busProbe = metricsServed ? new BusProbe(services.live, metrics.busLag, logger) : null;
  const summaryJobs = new SummaryJobs(services.summaries, logger);

  const app = express();
  app.disable('x-powered-by');
  const schema = await createSchema();
  const armor = createArmor().protect();
  // Who may introspect and see "Did you mean" hints: one rule for Apollo, the fast path and WebSocket.
  const exposure = exposurePolicy();
  const exposeSqlStats = env.EXPOSE_SQL_STATS && env.NODE_ENV !== 'production';
  const formatError = createErrorFormatter(logger);
  // The pipeline's shared stages (pipeline/stages.ts): one document cache (graphql's rules plus armor's limits),
  // one policy list and one executor for every entry — the fast path, Apollo and WebSocket.
  const documents = new DocumentCache(schema, [...specifiedRules, ...(armor.validationRules ?? [])]);
  const policies = operationPolicies(exposure, {
    budgets: new OperationBudgets(
      {
        requestsPerWindow: env.RATE_LIMIT_PER_MINUTE,
        costPerWindow: env.COST_LIMIT_PER_MINUTE,
        windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
      },
      loginRedis ?? undefined,
    ).policy,
    allowList: new AllowList(() => database!.pool).policy,
  });
  const executor = new OperationExecutor(schema);
  const apolloDocuments = apolloDocumentStage(documents);
  const fast = new FastPath({
    documents,
    policies,
    executor,
    createContext: (req, res) => createRequestContext(req, res, services, database!.pool),
    formatError,
    exposeSqlStats,
  });
  const httpServer = createServer(
    graphqlEntry({ app, fast, readiness, logger, maxBodyBytes: MAX_QUERY_BYTES * 10 }),
  );
  const apollo = new ApolloServer<GatewayContext>({
    ...armor,
    gateway: jitGateway(schema, executor),
    documentStore: apolloDocuments.documentStore,
    parseOptions: PARSE_OPTIONS,
    // Automatic persisted queries every replica sees (PostgreSQL behind an in-memory cache).
    persistedQueries: { cache: persistedQueryStore(() => database!.pool, logger) },
    includeStacktraceInErrorResponses: false,
    // Apollo's switch knows no caller: it stays on and schemaExposurePlugin applies the rule per principal.
    introspection: true,
    formatError,
    plugins: [
      ...(armor.plugins as ApolloServerPlugin<GatewayContext>[]),
      apolloDocuments.plugin,
      policyPlugin(policies),
      refusalAuditPlugin(),
      schemaExposurePlugin(exposure),
      // No HTTP caching of tenant data; the cache-control plugin's per-field wrapper costs ≈ 6 % CPU for nothing.
      ApolloServerPluginCacheControlDisabled(),
      // The landing page loads from a CDN; the gateway serves its own bundled IDE instead (static/graphql-ide.ts).
      ApolloServerPluginLandingPageDisabled(),
      transactionPlugin(exposeSqlStats),
    ],
  });
  await apollo.start();

  app.use(requestIdMiddleware(logger));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', version: VERSION });
  });
  const poolProbe = new PoolProbe(() => database?.pool ?? null);
  app.get('/readyz', async (_req, res) => {
    // Ready means started and not draining, and also that the request pool can hand out a connection now.
    const problem = readiness.isReady() ? await poolProbe.check() : readiness.reason();
    // Degraded live updates, or a read replica that is down (its reads go to the primary), keep this gateway in
    // service but are reported.
    const degraded =
      [services.live.problem(), await services.reads.problem()].filter(Boolean).join('; ') || null;
    res
      .status(problem ? 503 : 200)
      .json({ ready: !problem, detail: problem ?? readiness.reason(), ...(degraded ? { degraded } : {}) });
  });
  // Not public (metrics/metrics-endpoint.ts): here only with METRICS_TOKEN, and then only with the token.
  app.get('/metrics', metricsHandler(metrics.registry, env.METRICS_TOKEN, true));
  if (exposeSqlStats) {
    // Fan-out counters for the benchmark (executions and SQL per event): see live/fanout-stats.ts.
    app.get('/debug/live-stats', (_req, res) => {
      res.json(fanoutStats());
    });
  }
  mountPortals(app);
  // Before the /graphql middleware: a browser's GET gets the IDE, never Apollo's CDN landing page.
  mountGraphqlIde(app);
  mountExports(app, services, () => database?.pool ?? null);
  app.use(
    '/graphql',
    (_req, res, next) => {
      if (readiness.isReady()) return next();
      const error = publicError(ErrorCode.SERVICE_UNAVAILABLE, undefined, { detail: readiness.reason() });
      res
        .status(503)
        .setHeader('retry-after', '2')
        .json({ errors: [error.toJSON()] });
    },
    // Roster imports (10,000 rows ≈ 1 MB of base64) may be larger, for importers only; everything else keeps the limit.
    importBodyParser({
      normalLimitBytes: MAX_QUERY_BYTES * 10,
      authenticate: async (req) =>
        (await services.authenticator.authenticate(req.header('authorization'), req.header('x-api-key')))
          .principal,
    }),
    express.json({ limit: MAX_QUERY_BYTES * 10 }),
    fast.middleware(),
    expressMiddleware(apollo, {
      context: ({ req, res }) => createRequestContext(req, res, services, database!.pool),
    }),
  );
  // Last: every other path and every error (body too large, bad JSON or charset…) answer JSON, never HTML.
  app.use(jsonNotFound());
  app.use(jsonErrorHandler(logger));

  const ws = startWsServer({
    httpServer,
    schema,
    db: () => database,
    services,
    logger,
    documents,
    operationPolicies: policies,
    executor,
    exposure,
    policies: livePolicies,
    observeFanout: (field, seconds) => metrics.fanout.observe({ field }, seconds),
    limits: {
      allowedOrigins: env.ALLOWED_ORIGINS,
      maxSubscriptionsPerSocket: env.WS_MAX_SUBSCRIPTIONS_PER_SOCKET,
      maxSocketsPerPrincipal: env.WS_MAX_SOCKETS_PER_PRINCIPAL,
      maxUninitialisedPerAddress: env.WS_MAX_UNINITIALISED_PER_ADDRESS,
      credentialRecheckMs: env.WS_CREDENTIAL_RECHECK_MS,
    },
  });
  metrics.attachLive({
    openSockets: () => ws.wss.clients.size,
    subscriptionsByField: () => ws.fanout.subscriptionsByField(),
  });
  // A revoked key's cached lookup goes at once on every replica (the live bus carries the revocation).
  services.live.hub.on((event) => {
    if (event.t === 'credential' && event.prefix) apiKeys.forget(event.prefix);
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(env.HOST, env.PORT) : error);
    });
    httpServer.listen(env.PORT, env.HOST, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://localhost:${port}/graphql`;
  const metricsServer =
    env.METRICS_PORT === undefined
      ? null
      : await startMetricsServer(
          env.METRICS_PORT,
          env.METRICS_HOST ?? env.HOST,
          metricsHandler(metrics.registry, env.METRICS_TOKEN, false),
        ).catch(async (error: unknown) => {
          await new Promise<void>((resolve) => httpServer.close(() => resolve()));
          throw error;
        });

  const ready = (async () => {
    readiness.starting(env.DATABASE_URL ? 'connecting to PostgreSQL' : 'starting embedded PostgreSQL');
    database = await openDatabase(env, logger);
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
    await catalogue.load(database.admin);
    if (env.SUMMARY_JOBS) {
      readiness.starting('installing the job queue');
      await installJobQueue(database.admin, database.loginRole, { cron: summaryCron(env) }, logger);
    }
    // From here on nothing runs as the migration role: requests reach the database only as the login role.
    await database.releaseAdmin();
    readiness.starting('starting live updates');
    await services.live.start(database.pool);
    await auditHead.start(database.pool, env.AUDIT_HEAD_EXPORT_MS);
    if (env.SUMMARY_JOBS) await summaryJobs.start(database.pool);
    audit.start(database.pool);
    busProbe?.start(env.METRICS_BUS_PROBE_MS);
    readiness.ready();
    return database;
  })();
  // Failures surface through `ready`; keep Node from reporting them as unhandled meanwhile.
  ready.catch(() => undefined);

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      readiness.draining();
      await ws.close();
      // The HTTP server drains itself: close() stops accepting, ends idle keep-alive connections at once and the
      // others after their response. (Apollo's drain plugin waited here for a 'close' that, on this server, never
      // came: Ctrl-C then ended in "shutdown took too long" with exit 1.)
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await apollo.stop();
      // No operation runs any more: what the integrator audit holds is written before the pool closes.
      await audit.close();
      auditHead.stop();
      await summaryJobs.stop(); // its polling uses the request pool: stopped before the pool closes
      busProbe?.stop();
      await metricsServer?.close();
      await services.live.stop(); // its LISTEN connection goes before the pool and the embedded server
      loginRedis?.disconnect();
      const db = database ?? (await ready.catch(() => null));
      await db?.close();
    })();
    return stopping;
  };

  return {
    url,
    port,
    httpServer,
    ready,
    ephemeralJwtSecret: tokens.ephemeral,
    live: services.live,
    audit,
    metricsPort: metricsServer?.port ?? null,
    stop,
  };
}
