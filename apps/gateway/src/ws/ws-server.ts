import type { Server as HttpServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import {
  type ExecutionArgs,
  type GraphQLSchema,
  parse,
  specifiedRules,
  validate,
  GraphQLError,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { GatewayContext, Services } from '../context.js';
import { RequestTransaction } from '../db/request-transaction.js';
import type { Database } from '../db/database.js';
import { PARSE_OPTIONS } from '../http/limits.js';
import type { Logger } from '../logger.js';
import { CloseCode } from './close-codes.js';
import type { ValidationRule } from 'graphql';
import type { Principal } from '@hanjiang/authz';
import { tenantSettings } from '../auth/tenant-settings.js';
import { createLoaders } from '../loaders.js';

type SocketState = {
  requestId?: string;
  principal?: Principal | null;
  expiresAt?: Date | null;
};

export interface WsOptions {
  httpServer: HttpServer;
  schema: GraphQLSchema;
  db: () => Database | null;
  services: Services;
  logger: Logger;
  validationRules: readonly ValidationRule[];
}

/** graphql-ws on the same HTTP server and path as Apollo. */
export function startWsServer(options: WsOptions) {
  // noServer: upgrades are accepted here, so the HTTP server's own errors (a taken port) stay its own.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  options.httpServer.on('upgrade', (request, socket, head) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname !== '/graphql') {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (client) => wss.emit('connection', client, request));
  });
  const rules = [...specifiedRules, ...options.validationRules];
  // Each subscription's transaction, ended when the subscription completes or its socket closes.
  const open = new WeakMap<object, Map<string, RequestTransaction>>();
  const openOf = (ctx: object) => {
    let byId = open.get(ctx);
    if (!byId) open.set(ctx, (byId = new Map<string, RequestTransaction>()));
    return byId;
  };
  const cleanup = useServer<Record<string, unknown>, SocketState>(
    {
      schema: options.schema,
      connectionInitWaitTimeout: 10_000,
      onConnect: async (ctx) => {
        if (!options.services.readiness.isReady()) return false;
        const authorization = ctx.connectionParams?.authorization;
        try {
          const auth = await options.services.authenticator.authenticate(
            typeof authorization === 'string' ? authorization : undefined,
            undefined,
          );
          ctx.extra.principal = auth.principal;
          ctx.extra.expiresAt = auth.expiresAt;
          return true;
        } catch {
          ctx.extra.socket.close(CloseCode.Unauthorized, 'Unauthorized: invalid or expired token');
          return false;
        }
      },
      // graphql-ws skips its own validation when execution args are returned here, so do it all ourselves.
      onSubscribe: (ctx, id, payload) => {
        let document;
        try {
          document = parse(payload.query, PARSE_OPTIONS);
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
        }
        const errors = validate(options.schema, document, rules);
        if (errors.length > 0) return errors;
        const database = options.db();
        if (!database) return [new GraphQLError('Service unavailable')];
        const requestId = randomUUID();
        const principal = ctx.extra.principal ?? null;
        const tx = new RequestTransaction(database.pool, tenantSettings(principal));
        const contextValue: GatewayContext = {
          requestId,
          principal,
          logger: options.logger.child({ requestId, ws: true }),
          tx,
          loaders: createLoaders(tx),
          services: options.services,
        };
        ctx.extra.requestId = requestId;
        openOf(ctx).set(id, contextValue.tx);
        const args: ExecutionArgs = {
          schema: options.schema,
          document,
          variableValues: payload.variables ?? null,
          operationName: payload.operationName ?? null,
          contextValue,
        };
        return args;
      },
      onComplete: (ctx, id) => {
        const tx = openOf(ctx).get(id);
        openOf(ctx).delete(id);
        void tx?.rollback().catch(() => undefined);
      },
    },
    wss,
  );
  return {
    wss,
    /** Tells every client to reconnect elsewhere, then stops the server. */
    async close(): Promise<void> {
      for (const client of wss.clients) client.close(CloseCode.ServiceRestart, 'server restarting');
      await cleanup.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
