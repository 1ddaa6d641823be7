import { ErrorCode } from '@hanjiang/domain';
import type { Express, Request, Response } from 'express';
import type pg from 'pg';
import type { Services } from '../context.js';
import { CredentialStatus } from '../credentials/credential-status.js';
import { createLoaders } from '../loaders.js';
import { EXPORT_COLUMNS, readExportRows } from '../modules/export/export.rows.js';
import { EXPORT_PATH } from '../modules/export/export.service.js';
import { exportWriter, FILE_TYPES } from '../modules/export/export.writer.js';
import { openOperationContext } from '../pipeline/operation-context.js';
import { clientAddress } from '../pipeline/client-address.js';
import { downloadRequest, unauthenticatedTicket } from './export-request.js';
import {
  auditDownload,
  type DownloadOrigin,
  downloadRefusal,
  type DownloadStages,
  failDownload,
} from './export-stages.js';
import { writeJsonError } from './json-error.js';
import type { IdentifiedRequest } from './request-id.js';

/**
 * `GET /exports/households`: with `?ticket=` from `exportHouseholds` (no header needed, for browsers), or with
 * the same credentials as /graphql (Bearer token or x-api-key) and `?format=csv|xlsx&filter=<JSON>`. Rows are read
 * in the caller's row-level-security transaction and streamed as they are read; see docs/integrators.md.
 *
 * An entry of the operation pipeline (pipeline/stages.ts, Entry.EXPORT_DOWNLOAD): identified by the request-id
 * middleware, authenticated by the one authenticator, judged by THE policy list (rate limit and cost budget,
 * allow-lists), audited for keys with the rows streamed, refusals audited, errors formatted by the one formatter.
 */
export function mountExports(
  app: Express,
  services: Services,
  pool: () => pg.Pool | null,
  stages: DownloadStages,
): void {
  app.get(EXPORT_PATH, (req, res) => {
    const identified = req as Request & IdentifiedRequest;
    const origin: DownloadOrigin = {
      principal: null,
      clientAddress: clientAddress(identified),
      requestId: identified.id,
    };
    void serve(identified, res, services, pool(), stages, origin).catch((error: unknown) =>
      failDownload(res, error, services, stages, origin),
    );
  });
}

async function serve(
  req: Request & IdentifiedRequest,
  res: Response,
  services: Services,
  pool: pg.Pool | null,
  stages: DownloadStages,
  origin: DownloadOrigin,
): Promise<void> {
  const startedAt = performance.now();
  if (!pool || !services.readiness.isReady()) {
    writeJsonError(res, 503, ErrorCode.SERVICE_UNAVAILABLE);
    return;
  }
  const request = await downloadRequest(req, services);
  origin.principal = request.principal;
  if (request.ticketed) {
    // A link outlives nothing: a key revoked, a user disabled or a membership changed since the link was made
    // refuses it at once, as it closes that credential's sockets.
    if (!(await new CredentialStatus(() => pool).inForce([request.principal]))[0])
      throw unauthenticatedTicket();
  } else {
    const refusal = await downloadRefusal(
      stages.policies,
      request.principal,
      request.filter,
      origin.clientAddress,
    );
    if (refusal) throw refusal;
  }
  const exports = services.exports;
  const ctx = openOperationContext(
    {
      requestId: req.id,
      principal: request.principal,
      logger: req.log,
      clientAddress: origin.clientAddress,
      startedAt,
    },
    services,
    pool,
    createLoaders,
  );
  let streamed = 0;
  let cut = false;
  try {
    const rowCount = await exports.countWithinBound(ctx, request.filter);
    const { where, params } = exports.conditions(request.filter);
    const header = EXPORT_COLUMNS.map(([, title]) => title);
    const { contentType, extension } = FILE_TYPES[request.format];
    const day = new Date().toISOString().slice(0, 10);
    res.status(200);
    res.setHeader('content-type', contentType);
    res.setHeader(
      'content-disposition',
      `attachment; filename="households-${request.principal.tenantCode}-${day}.${extension}"`,
    );
    res.setHeader('cache-control', 'no-store');
    res.setHeader('x-export-rows', String(rowCount));
    const writer = exportWriter(request.format, res, header);
    // The time bound: past it the transfer is cut (the client sees an incomplete body, never a short "complete"
    // file); a client that goes away stops the reading too.
    let stopped = false;
    const timer = setTimeout(() => {
      stopped = cut = true;
      req.log.warn({ rowCount }, 'export cut off at EXPORT_MAX_SECONDS');
      res.destroy();
    }, exports.limits.maxSeconds * 1000);
    res.once('close', () => (stopped = true));
    try {
      const rows = readExportRows(
        ctx.tx,
        request.principal,
        services.catalogue,
        where,
        params,
        exports.limits.maxRows,
      );
      for await (const cells of rows) {
        if (stopped) break;
        await writer.row(cells);
        streamed += 1;
      }
      if (!stopped) await writer.end();
    } finally {
      clearTimeout(timer);
    }
    // Keys only (auditIntegratorOperation): what was actually streamed, whichever form authorised it.
    auditDownload(ctx, streamed, cut);
  } finally {
    await ctx.tx.rollback().catch(() => undefined);
  }
}
