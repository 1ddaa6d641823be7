import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { specifiedRules } from 'graphql';
import type { Database } from './db/database.js';
import type { Env } from './env.js';
import { createErrorFormatter } from './errors/format-error.js';
import { publicError, ErrorCode } from './errors/public-error.js';
import { createArmor, MAX_QUERY_BYTES } from './limits.js';
import { gateConnections, gateRequests } from './http/address-gate.js';
import { startApollo } from './http/apollo.js';
import { FastPath } from './http/fast-path.js';
import { mountHealthRoutes } from './http/health-routes.js';
import { graphqlEntry } from './http/graphql-entry.js';
import { jsonErrorHandler, jsonNotFound } from './http/json-error.js';
import { createRequestContext } from './http/request-context.js';
import { requestIdMiddleware } from './http/request-id.js';
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
import { SummaryJobs } from './modules/summary/summary.jobs.js';
import { DocumentCache } from './graphql/document-cache.js';
import { OperationExecutor } from './graphql/jit-executor.js';
import { exposurePolicy } from './graphql/schema-exposure.js';
import { AddressLimits } from './pipeline/address-limits.js';
import { AllowList } from './pipeline/allow-list.js';
import { OperationBudgets } from './pipeline/rate-limits.js';
import { operationPolicies } from './pipeline/policies.js';
import { createSchema } from './schema.js';
import { bringUp, shutDown } from './server-lifecycle.js';
import { createServices } from './services.js';
import { mountGraphqlIde } from './static/graphql-ide.js';
import { mountPortals } from './static/portals.js';
import { startWsServer } from './ws/ws-server.js';

export const VERSION = '0.1.0';

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
  const { services, apiKeys, tokenStanding, loginRedis, audit } = createServices(
    env,
    logger,
    readiness,
    VERSION,
    () => database!.pool,
    metrics.operations,
  );
  const { tokens } = services;

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
  const budgets = new OperationBudgets(
    {
      requestsPerWindow: env.RATE_LIMIT_PER_MINUTE,
      costPerWindow: env.COST_LIMIT_PER_MINUTE,
      windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
      anonymousRequestsPerWindow: env.ANONYMOUS_RATE_LIMIT_PER_MINUTE,
      anonymousCostPerWindow: env.ANONYMOUS_COST_LIMIT_PER_MINUTE,
    },
    loginRedis ?? undefined,
  );
  // Per client address, before bodies are read (pipeline/address-limits.ts): requests, connections, sockets.
  const addresses = new AddressLimits(
    {
      requestsPerWindow: env.ADDRESS_REQUESTS_PER_WINDOW,
      windowSeconds: env.ADDRESS_WINDOW_SECONDS,
      maxConnections: env.ADDRESS_MAX_CONNECTIONS,
      maxSockets: env.ADDRESS_MAX_SOCKETS,
      trustedProxies: env.TRUSTED_PROXIES,
    },
    budgets,
    loginRedis ?? undefined,
  );
  const policies = operationPolicies(exposure, {
    budgets: budgets.policy,
    allowList: new AllowList(() => database!.pool).policy,
  });
  const executor = new OperationExecutor(schema);
  const fast = new FastPath({
    documents,
    policies,
    executor,
    createContext: (req, res) => createRequestContext(req, res, services, database!.pool),
    formatError,
    exposure,
    exposeSqlStats,
  });
  const httpServer = createServer(
    gateRequests(
      addresses,
      logger,
      graphqlEntry({ app, fast, readiness, logger, maxBodyBytes: MAX_QUERY_BYTES * 10 }),
    ),
  );
  gateConnections(httpServer, addresses);
  const apollo = await startApollo({
    schema,
    armor,
    documents,
    executor,
    policies,
    exposure,
    formatError,
    exposeSqlStats,
    pool: () => database!.pool,
    logger,
    persistedQueryMaxRows: env.PERSISTED_QUERY_MAX_ROWS,
  });

  app.use(requestIdMiddleware(logger));
  mountHealthRoutes(app, {
    version: VERSION,
    readiness,
    poolProbe: new PoolProbe(() => database?.pool ?? null),
    services,
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
  mountExports(app, services, () => database?.pool ?? null, { policies, formatError });
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
      importWait: (principal) => services.roster.importWait(principal),
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
    addresses,
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
  // A revoked key's cached lookup, or a lapsed user's standing, goes at once on every replica (the live bus
  // carries the lapse).
  services.live.hub.on((event) => {
    if (event.t !== 'credential') return;
    if (event.prefix) apiKeys.forget(event.prefix);
    tokenStanding.forget(event.subject);
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

  const background = { auditHead, summaryJobs, audit, busProbe };
  const ready = bringUp(env, logger, readiness, services, background, (opened) => {
    database = opened;
  });
  // Failures surface through `ready`; keep Node from reporting them as unhandled meanwhile.
  ready.catch(() => undefined);

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= shutDown(readiness, services, background, {
      ws,
      httpServer,
      apollo,
      metricsServer,
      loginRedis,
      database: async () => database ?? (await ready.catch(() => null)),
    }));

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
