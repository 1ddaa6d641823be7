import type { Request, Response } from 'express';
import type pg from 'pg';
import { tenantSettings } from '../auth/tenant-settings.js';
import type { GatewayContext, Services } from '../context.js';
import { RequestTransaction } from '../db/request-transaction.js';
import { createLoaders } from '../loaders.js';

/**
 * The context of one HTTP operation, for Apollo and the compiled fast path alike: the caller (a bad credential
 * rejects with UNAUTHENTICATED), a lazily opened transaction under row-level security that is rolled back if
 * the client goes away first, and per-request loaders.
 */
export async function createRequestContext(
  req: Request,
  res: Response,
  services: Services,
  pool: pg.Pool,
): Promise<GatewayContext> {
  const { principal } = await services.authenticator.authenticate(
    req.header('authorization'),
    req.header('x-api-key'),
  );
  const tx = new RequestTransaction(pool, tenantSettings(principal));
  res.once('close', () => void tx.rollback().catch(() => undefined));
  const logger = principal
    ? req.log.child({ subject: principal.subject, tenant: principal.tenantCode })
    : req.log;
  return {
    requestId: req.id,
    principal,
    logger,
    tx,
    loaders: createLoaders(tx),
    services,
    clientAddress: req.ip ?? null,
  };
}
