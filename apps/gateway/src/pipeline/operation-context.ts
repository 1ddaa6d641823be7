import type { Principal } from '@hanjiang/authz';
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
  };
}
