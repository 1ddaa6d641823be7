import type { ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import type pg from 'pg';
import type { GatewayContext, Services } from '../context.js';
import { mapDatabaseError } from '../errors/database-errors.js';
import { ErrorCode, publicError } from '../errors/public-error.js';
import { createLoaders } from '../loaders.js';
import { openOperationContext } from '../pipeline/operation-context.js';
import { recordRefusal } from '../pipeline/refusals.js';
import { refusalLeftFor } from '../pipeline/policies.js';
import { clientAddress } from '../pipeline/client-address.js';
import type { IdentifiedRequest } from './request-id.js';

/**
 * The HTTP entries' stages "authenticate" and "open the tenant transaction", for Apollo and the compiled fast path
 * alike: the caller (a bad credential rejects with UNAUTHENTICATED), then the operation's context
 * (pipeline/operation-context.ts), whose transaction is rolled back if the client goes away first. Plain Node request: the fast path runs before express.
 */
export async function createRequestContext(
  req: IdentifiedRequest,
  res: ServerResponse,
  services: Services,
  pool: pg.Pool,
): Promise<GatewayContext> {
  const startedAt = performance.now();
  const { principal } = await services.authenticator
    .authenticate(header(req, 'authorization'), header(req, 'x-api-key'))
    .catch((error: unknown) => {
      auditRefusedCredential(services, req, error);
      return unavailableWhenDatabaseIs(error);
    });
  const ctx = openOperationContext(
    // Resolved once at the entry (TRUSTED_PROXIES decides whether X-Forwarded-For counts); express's req.ip is not
    // used: its 'trust proxy' stays off.
    {
      requestId: req.id,
      principal,
      logger: req.log,
      clientAddress: clientAddress(req),
      policyRefusal: refusalLeftFor(req),
      startedAt,
    },
    services,
    pool,
    createLoaders,
  );
  res.once('close', () => void ctx.tx.rollback().catch(() => undefined));
  return ctx;
}

/**
 * A refused credential is audited once per request: the fast path authenticates first and, refused, leaves the
 * request to Apollo, which authenticates again.
 */
const refusedRequests = new WeakSet<IdentifiedRequest>();

function auditRefusedCredential(services: Services, req: IdentifiedRequest, error: unknown): void {
  if (!(error instanceof GraphQLError) || refusedRequests.has(req)) return;
  refusedRequests.add(req);
  recordRefusal(
    services.audit,
    { principal: null, clientAddress: clientAddress(req), requestId: req.id, transport: 'http' },
    error,
  );
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
