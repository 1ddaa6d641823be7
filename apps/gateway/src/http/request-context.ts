import type { ServerResponse } from 'node:http';
import type pg from 'pg';
import { tenantSettings } from '../auth/tenant-settings.js';
import type { GatewayContext, Services } from '../context.js';
import { mapDatabaseError } from '../errors/database-errors.js';
import { ErrorCode, publicError } from '../errors/public-error.js';
import { RequestTransaction } from '../db/request-transaction.js';
import { createLoaders } from '../loaders.js';
import type { Logger } from '../logger.js';
import type { IdentifiedRequest } from './request-id.js';

/**
 * The context of one HTTP operation, for Apollo and the compiled fast path alike: the caller (a bad credential
 * rejects with UNAUTHENTICATED), a lazily opened transaction under row-level security that is rolled back if
 * the client goes away first, and per-request loaders. Plain Node request: the fast path runs before express.
 */
export async function createRequestContext(
  req: IdentifiedRequest,
  res: ServerResponse,
  services: Services,
  pool: pg.Pool,
): Promise<GatewayContext> {
  const { principal } = await services.authenticator
    .authenticate(header(req, 'authorization'), header(req, 'x-api-key'))
    .catch(unavailableWhenDatabaseIs);
  const tx = new RequestTransaction(pool, tenantSettings(principal));
  res.once('close', () => void tx.rollback().catch(() => undefined));
  let logger: Logger | undefined;
  return {
    requestId: req.id,
    principal,
    // Made on first use, like req.log: most operations never log.
    get logger() {
      return (logger ??= principal
        ? req.log.child({ subject: principal.subject, tenant: principal.tenantCode })
        : req.log);
    },
    tx,
    loaders: createLoaders(tx),
    services,
    // Express's req.ip is this too, as long as 'trust proxy' stays off (it is).
    clientAddress: req.socket.remoteAddress ?? null,
  };
}

function header(req: IdentifiedRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * An API-key lookup that got no connection (a starved pool) or was cancelled is the service's state, not a bad
 * credential and not a bug: SERVICE_UNAVAILABLE with HTTP 503, before anything ran.
 */
function unavailableWhenDatabaseIs(error: unknown): never {
  const mapped = mapDatabaseError(error);
  if (mapped?.code !== ErrorCode.SERVICE_UNAVAILABLE) throw error;
  throw publicError(mapped.code, mapped.message, {
    detail: mapped.detail,
    http: { status: 503, headers: new Map([['retry-after', '2']]) },
  });
}
