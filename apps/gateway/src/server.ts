import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { upsertCatalogue } from '@hanjiang/db';
import express from 'express';
import { tenantSettings } from './auth/tenant-settings.js';
import type { GatewayContext, Services } from './context.js';
import { type Database, openDatabase } from './db/database.js';
import { RequestTransaction } from './db/request-transaction.js';
import type { Env } from './env.js';
import { createErrorFormatter } from './errors/format-error.js';
import { publicError, ErrorCode } from './errors/public-error.js';
import { createArmor, MAX_QUERY_BYTES, PARSE_OPTIONS } from './http/limits.js';
import { requestIdMiddleware } from './http/request-id.js';
import { transactionPlugin } from './http/transaction-plugin.js';
import type { Logger } from './logger.js';
import { ReadinessState } from './readiness.js';
import { createSchema } from './schema.js';
import { startWsServer } from './ws/ws-server.js';

export const VERSION = '0.1.0';

export interface Gateway {
  readonly url: string;
  readonly port: number;
  readonly httpServer: HttpServer;
  /** Resolves when the database is migrated and seeded and /readyz answers 200. */
  readonly ready: Promise<Database>;
  stop(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(host: string, port: number) {
    super(`port ${port} on ${host} is already in use (is another gateway running?) — set PORT to a free port`);
  }
}

/**
 * Listens first (so /healthz answers and a taken port fails fast), then opens the database in the background;
 * /readyz and GraphQL answer 503 until migrations and seed are done.
 */
export async function startGateway(env: Env, logger: Logger): Promise<Gateway> {
  const readiness = new ReadinessState();
  const services: Services = { readiness, version: VERSION };
  let database: Database | null = null;

  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const schema = await createSchema();
  const armor = createArmor().protect();
  const apollo = new ApolloServer<GatewayContext>({
    ...armor,
    schema,
    parseOptions: PARSE_OPTIONS,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(logger),
    plugins: [
      ...(armor.plugins as ApolloServerPlugin<GatewayContext>[]),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      transactionPlugin,
    ],
  });
  await apollo.start();

  app.use(requestIdMiddleware(logger));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', version: VERSION });
  });
  app.get('/readyz', (_req, res) => {
    res.status(readiness.isReady() ? 200 : 503).json({ ready: readiness.isReady(), detail: readiness.reason() });
  });
  app.use(
    '/graphql',
    (_req, res, next) => {
      if (readiness.isReady()) return next();
      const error = publicError(ErrorCode.SERVICE_UNAVAILABLE, undefined, { detail: readiness.reason() });
      res.status(503).setHeader('retry-after', '2').json({ errors: [error.toJSON()] });
    },
    express.json({ limit: MAX_QUERY_BYTES * 10 }),
    expressMiddleware(apollo, {
      context: ({ req, res }) => {
        const tx = new RequestTransaction(database!.pool, tenantSettings(null));
        res.once('close', () => void tx.rollback().catch(() => undefined));
        return Promise.resolve({ requestId: req.id, principal: null, logger: req.log, tx, services });
      },
    }),
  );

  const ws = startWsServer({
    httpServer,
    schema,
    db: () => database,
    services,
    logger,
    validationRules: armor.validationRules ?? [],
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(env.HOST, env.PORT) : error);
    });
    httpServer.listen(env.PORT, env.HOST, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://localhost:${port}/graphql`;

  const ready = (async () => {
    readiness.starting(env.DATABASE_URL ? 'connecting to PostgreSQL' : 'starting embedded PostgreSQL');
    database = await openDatabase(env, logger);
    readiness.starting('loading the catalogue');
    await upsertCatalogue(database.pool);
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
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      const db = database ?? (await ready.catch(() => null));
      await db?.close();
    })();
    return stopping;
  };

  return { url, port, httpServer, ready, stop };
}
