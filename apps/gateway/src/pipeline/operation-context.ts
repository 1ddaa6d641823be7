import type { Principal } from '@hanjiang/authz';
import { type GraphQLError, type OperationDefinitionNode, OperationTypeNode } from 'graphql';
import type pg from 'pg';
import { tenantSettings } from '../credentials/tenant-settings.js';
import type { GatewayContext, Loaders, Services, SocketRenewal } from '../context.js';
import { RequestTransaction } from '../db/request-transaction.js';
import type { Logger } from '../logger.js';

/** Who asks and from where: what the entries know before the operation's transaction exists. */
export interface OperationOrigin {
  readonly requestId: string;
  readonly principal: Principal | null;
  /** The request's logger; the operation's adds who asks, on first use (most operations never log). */
  readonly logger: Logger;
  readonly clientAddress: string | null;
  readonly socket?: SocketRenewal;
  readonly policyRefusal?: GraphQLError;
  /** When the operation arrived (`performance.now()`); now, unless the entry knew it earlier. */
  readonly startedAt?: number;
}

/**
 * The stage "open the tenant transaction", for every entry (HTTP, the fast path, WebSocket operations and the
 * fan-out's per-event executions): a lazily begun transaction carrying the caller's row-level-security settings,
 * and loaders bound to it. Nothing reaches the database until a resolver asks. The loaders are the modules', so
 * the wiring hands their factory in (loaders.ts): this stage sits below the modules.
 */
export function openOperationContext(
  origin: OperationOrigin,
  services: Services,
  pool: pg.Pool,
  createLoaders: (tx: RequestTransaction) => Loaders,
): GatewayContext {
  const { principal } = origin;
  const tx = new RequestTransaction(pool, tenantSettings(principal));
  let logger: Logger | undefined;
  return {
    requestId: origin.requestId,
    principal,
    get logger() {
      return (logger ??= principal
        ? origin.logger.child({ subject: principal.subject, tenant: principal.tenantCode })
        : origin.logger);
    },
    tx,
    loaders: createLoaders(tx),
    services,
    clientAddress: origin.clientAddress,
    startedAt: origin.startedAt ?? performance.now(),
    ...(origin.socket ? { socket: origin.socket } : {}),
    ...(origin.policyRefusal ? { policyRefusal: origin.policyRefusal } : {}),
  };
}

/**
 * The same stage's second half, once the entry knows the operation (before it executes): a query may read the
 * replica (db/read-routing.ts) unless its caller wrote within the pin's TTL; anything else stays on the primary.
 * Without a replica it does nothing, so the primary path sends exactly what it sent before.
 */
export async function routeReads(
  ctx: GatewayContext,
  operation: OperationDefinitionNode | null | undefined,
): Promise<void> {
  const { reads } = ctx.services;
  if (!reads.enabled || operation?.operation !== OperationTypeNode.QUERY || ctx.tx.started) return;
  const route = await reads.routeFor(ctx.principal?.subject ?? null);
  if (route) ctx.tx.readFrom(route);
}
