import type { Principal } from '@hanjiang/authz';
import type { GraphQLError } from 'graphql';
import type { Authenticator } from './credentials/authenticate.js';
import type { AuditSink } from './db/audit-records.js';
import type { TokenService } from './credentials/token-service.js';
import type { CatalogueCache } from './db/catalogue-cache.js';
import type { ReadRouting } from './db/read-routing.js';
import type { RequestTransaction } from './db/request-transaction.js';
import type { Logger } from './logger.js';
import type { OperationMetrics } from './metrics/operation-metrics.js';

// The kernel (docs/pipeline.md, "Layers"): this file imports nothing above it. What resolvers reach that is built
// higher up is declared here as an open interface (`Loaders`, `Services`) that the owning layer extends by module
// augmentation (`declare module '…/context.js'`), or as a small port (`SocketRenewal`) that the wiring implements.
// The composition root (server.ts, loaders.ts) must supply every member, and tsc checks that it does.

/** What every resolver receives. Built per HTTP request or per WebSocket operation. */
export interface GatewayContext {
  readonly requestId: string;
  readonly principal: Principal | null;
  readonly logger: Logger;
  readonly tx: RequestTransaction;
  readonly loaders: Loaders;
  readonly services: Services;
  /** Caller's address (HTTP), recorded in the audit log. */
  readonly clientAddress?: string | null;
  /** Over WebSocket only: the socket's session, for in-band token renewal (`renewSocketToken`). */
  readonly socket?: SocketRenewal;
  /** HTTP: the refusal the fast path's policies already gave this request (Apollo answers it, not re-applies). */
  readonly policyRefusal?: GraphQLError;
  /** `performance.now()` when the operation arrived (before authentication on HTTP), for its latency metric. */
  readonly startedAt: number;
}

/**
 * Per-request DataLoaders bound to the operation's transaction. Each module adds its own loaders here (e.g.
 * modules/catalog/catalog.loaders.ts); loaders.ts builds them.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by module augmentation
export interface Loaders {}

/**
 * Process-wide collaborators resolvers reach through the context (per-request state lives above), built once at
 * start-up by server.ts. Members owned by higher layers are added where they are defined (live/live-service.ts,
 * modules/auth/auth.service.ts).
 */
export interface Services {
  readonly readiness: Readiness;
  readonly version: string;
  readonly catalogue: CatalogueCache;
  readonly tokens: TokenService;
  readonly authenticator: Authenticator;
  /**
   * The batched audit of integrator operations, refusals and sign-ins (modules/audit/audit.writer.ts): the
   * pipeline's END_OPERATION stage and the refusing entries hand it rows.
   */
  readonly audit: AuditSink;
  /** Latency, rate and errors per operation, observed once at the end of every operation (pipeline/end-operation.ts). */
  readonly operationMetrics: OperationMetrics;
  /** Which database a query reads (the replica, or the primary after the caller's own write): db/read-routing.ts. */
  readonly reads: ReadRouting;
}

export interface Readiness {
  isReady(): boolean;
  reason(): string;
}

/** Port: what `renewSocketToken` needs from the socket it is sent over (implemented by ws/socket-session.ts). */
export interface SocketRenewal {
  renew(token: string): Promise<{ subject: string; expiresAt: Date | null }>;
}
