import type { Server as HttpServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Principal } from '@hanjiang/authz';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { CredentialStatus } from '../credentials/credential-status.js';
import type { GatewayContext, Services } from '../context.js';
import type { Database } from '../db/database.js';
import { createErrorFormatter } from '../errors/format-error.js';
import { ErrorCode, publicError } from '../errors/public-error.js';
import { Fanout } from '../live/fanout.js';
import type { FanoutPolicies } from '../live/fanout-policy.js';
import type { Logger } from '../logger.js';
import { CloseCode } from './close-codes.js';
import type { DocumentCache } from '../graphql/document-cache.js';
import type { OperationExecutor } from '../graphql/jit-executor.js';
import type { ExposurePolicy } from '../graphql/schema-exposure.js';
import { createLoaders } from '../loaders.js';
import { openOperationContext } from '../pipeline/operation-context.js';
import type { AddressLimits } from '../pipeline/address-limits.js';
import { clientAddress } from '../pipeline/client-address.js';
import type { OperationPolicy } from '../pipeline/policies.js';
import { recordRefusal } from '../pipeline/refusals.js';
import { SocketCredentials } from './socket-credentials.js';
import { originPolicy, PrincipalSockets, UninitialisedSockets } from './socket-limits.js';
import type { SocketSession } from './socket-session.js';
import { closeHandler, connectHandler, type SocketBooks, type SocketState } from './ws-connect.js';
import { wsFormatting } from './ws-errors.js';
import { socketExecute } from './ws-execute.js';
import { type Member, subscribeHandler } from './ws-subscribe.js';
import { acceptUpgrades } from './ws-upgrade.js';

export interface WsLimits {
  /** `*` or a comma-separated list of browser origins allowed to open a socket. */
  allowedOrigins: string;
  maxSubscriptionsPerSocket: number;
  maxSocketsPerPrincipal: number;
  /** Sockets per remote address that have not sent `connection_init` yet (4429 past it). */
  maxUninitialisedPerAddress: number;
  /** How often every open socket's credential is re-checked (the safety net behind the revocation events). */
  credentialRecheckMs: number;
}

export interface WsOptions {
  httpServer: HttpServer;
  schema: GraphQLSchema;
  db: () => Database | null;
  services: Services;
  logger: Logger;
  /** The pipeline's shared stages: the document cache, the policy list and the executor HTTP uses too. */
  documents: DocumentCache;
  operationPolicies: readonly OperationPolicy[];
  executor: OperationExecutor;
  /** Whether a caller sees suggestions in errors: the rule Apollo's path applies (graphql/schema-exposure.ts). */
  exposure: ExposurePolicy;
  policies: FanoutPolicies;
  /** The fan-out latency metric (seconds per event and group). */
  observeFanout?: (field: string, seconds: number) => void;
  limits: WsLimits;
  /** Per client address: requests (upgrades, `connection_init`s) and open sockets (pipeline/address-limits.ts). */
  addresses: AddressLimits;
}

/** graphql-ws on the same HTTP server and path as Apollo, with the same limits, errors and tenancy. */
export function startWsServer(options: WsOptions) {
  const { services, logger, limits } = options;
  // noServer: upgrades are accepted here, so the HTTP server's own errors (a taken port) stay its own.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const books: SocketBooks = {
    principals: new PrincipalSockets(limits.maxSocketsPerPrincipal),
    uninitialised: new UninitialisedSockets(limits.maxUninitialisedPerAddress),
    credentials: new SocketCredentials(
      new CredentialStatus(() => {
        const database = options.db();
        if (!database) throw new Error('database not open');
        return database.pool;
      }),
      logger,
      limits.credentialRecheckMs,
    ),
  };
  books.credentials.start(services.live.hub);
  acceptUpgrades({
    httpServer: options.httpServer,
    wss,
    originAllowed: originPolicy(limits.allowedOrigins),
    addresses: options.addresses,
    uninitialised: books.uninitialised,
    logger,
  });

  const format = wsFormatting(createErrorFormatter(logger));
  const exposureOf = (extra: SocketState) => options.exposure(extra.session?.principal ?? null);
  const createContext = (principal: Principal | null, socket?: SocketSession): GatewayContext => {
    const database = options.db();
    if (!database) throw publicError(ErrorCode.SERVICE_UNAVAILABLE);
    const requestId = randomUUID();
    return openOperationContext(
      {
        requestId,
        principal,
        logger: logger.child({ requestId, ws: true }),
        clientAddress: socket?.clientAddress ?? null,
        ...(socket ? { socket } : {}),
      },
      services,
      database.pool,
      createLoaders,
    );
  };
  const fanout = new Fanout({
    policies: options.policies,
    createContext: (principal, member) => createContext(principal, (member as Member | null)?.session),
    format: format.result,
    onError: (error, detail) => logger.error({ err: error }, detail),
    ...(options.observeFanout ? { observeFanout: options.observeFanout } : {}),
  });

  const cleanup = useServer<Record<string, unknown>, SocketState>(
    {
      schema: options.schema,
      // graphql-ws's default: a socket that says nothing for 3 s is closed (4408).
      connectionInitWaitTimeout: 3_000,
      onConnect: connectHandler(services, books, options.addresses),
      onPing: (ctx, payload) => ctx.extra.session?.renewFromPing(payload),
      onClose: closeHandler(books),
      onSubscribe: subscribeHandler({
        schema: options.schema,
        services,
        documents: options.documents,
        operationPolicies: options.operationPolicies,
        maxSubscriptionsPerSocket: limits.maxSubscriptionsPerSocket,
        createContext,
      }),
      subscribe: fanout.subscribe as never,
      execute: socketExecute(options.executor),
      // Per subscriber per event on the fan-out's hot path: only a result with errors needs the caller's rule.
      onNext: (ctx, _id, _payload, _args, result) =>
        result.errors?.length ? format.result(result, exposureOf(ctx.extra)) : result,
      // Errors sent instead of running (onSubscribe's refusals): audited as refusals, then worded per caller.
      onError: (ctx, _id, _payload, errors) => {
        const first = errors[0];
        if (first) {
          recordRefusal(
            services.audit,
            {
              principal: ctx.extra.session?.principal ?? null,
              clientAddress: clientAddress(ctx.extra.request),
              requestId: null,
              transport: 'ws',
            },
            first,
          );
        }
        return format.errors(errors, exposureOf(ctx.extra));
      },
    },
    wss,
  );
  return {
    wss,
    fanout,
    /** Tells every client to reconnect elsewhere, then stops the server. */
    async close(): Promise<void> {
      books.credentials.stop();
      for (const client of wss.clients) client.close(CloseCode.ServiceRestart, 'server restarting');
      await cleanup.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
