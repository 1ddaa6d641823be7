import type { ServerResponse } from 'node:http';
import { ErrorCode } from '@hanjiang/domain';
import type { Express, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import type pg from 'pg';
import type { Services } from '../context.js';
import { CredentialStatus } from '../credentials/credential-status.js';
import { createLoaders } from '../loaders.js';
import type { HouseholdFilter } from '../modules/household/household.inputs.js';
import { EXPORT_COLUMNS, readExportRows } from '../modules/export/export.rows.js';
import { EXPORT_PATH, type ExportRequest, FilterSchema } from '../modules/export/export.service.js';
import { ExportFormat } from '../modules/export/export.types.js';
import { exportWriter, FILE_TYPES } from '../modules/export/export.writer.js';
import { openOperationContext } from '../pipeline/operation-context.js';
import { clientAddress } from '../pipeline/client-address.js';
import { writeJsonError } from './json-error.js';
import type { IdentifiedRequest } from './request-id.js';

/**
 * `GET /exports/households`: with `?ticket=` from `exportHouseholds` (no header needed, for browsers), or with
 * the same credentials as /graphql (Bearer token or x-api-key) and `?format=csv|xlsx&filter=<JSON>`. Rows are read
 * in the caller's row-level-security transaction and streamed as they are read; see docs/integrators.md.
 */
export function mountExports(app: Express, services: Services, pool: () => pg.Pool | null): void {
  app.get(EXPORT_PATH, (req, res) => {
    void serve(req as Request & IdentifiedRequest, res, services, pool()).catch((error: unknown) =>
      fail(res, error),
    );
  });
}

async function serve(
  req: Request & IdentifiedRequest,
  res: Response,
  services: Services,
  pool: pg.Pool | null,
): Promise<void> {
  if (!pool || !services.readiness.isReady()) {
    writeJsonError(res, 503, ErrorCode.SERVICE_UNAVAILABLE);
    return;
  }
  const request = await exportRequest(req, services);
  // A link outlives nothing: a key revoked, a user disabled or a membership changed since the link was made
  // refuses it at once, as it closes that credential's sockets.
  if (
    single(req.query.ticket) !== undefined &&
    !(await new CredentialStatus(() => pool).inForce([request.principal]))[0]
  )
    throw unauthenticatedTicket();
  const exports = services.exports;
  const ctx = openOperationContext(
    {
      requestId: req.id,
      principal: request.principal,
      logger: req.log,
      clientAddress: clientAddress(req),
    },
    services,
    pool,
    createLoaders,
  );
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
      stopped = true;
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
      }
      if (!stopped) await writer.end();
    } finally {
      clearTimeout(timer);
    }
  } finally {
    await ctx.tx.rollback().catch(() => undefined);
  }
}

async function exportRequest(req: Request, services: Services): Promise<ExportRequest> {
  const ticket = single(req.query.ticket);
  if (ticket !== undefined) {
    const request = services.exports.fromTicket(ticket);
    if (!request) throw unauthenticatedTicket();
    return request;
  }
  const { principal } = await services.authenticator.authenticate(
    req.header('authorization'),
    req.header('x-api-key'),
  );
  if (!principal)
    throw new GraphQLError('no credential', { extensions: { code: ErrorCode.UNAUTHENTICATED } });
  const wanted = (single(req.query.format) ?? 'csv').toUpperCase();
  const format = Object.values(ExportFormat).find((f) => String(f) === wanted);
  if (!format) {
    throw badInput('format must be csv or xlsx', 'format 只能是 csv 或 xlsx');
  }
  const filterText = single(req.query.filter);
  let filter: HouseholdFilter | null = null;
  if (filterText !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(filterText);
    } catch {
      throw badInput('filter is not valid JSON', 'filter 不是有效的 JSON');
    }
    const checked = FilterSchema.safeParse(parsed);
    if (!checked.success) throw badInput('filter has unknown or malformed fields', 'filter 字段无效');
    filter = checked.data as HouseholdFilter;
  }
  return { principal, filter, format };
}

function single(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function badInput(en: string, zh: string): GraphQLError {
  return new GraphQLError(en, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, messageEn: en, messageZh: zh, http: { status: 400 } },
  });
}

function unauthenticatedTicket(): GraphQLError {
  const en = 'The download link is invalid or has expired; ask for a new one';
  return new GraphQLError(en, {
    extensions: {
      code: ErrorCode.UNAUTHENTICATED,
      messageEn: en,
      messageZh: '下载链接无效或已过期,请重新获取',
      http: { status: 401 },
    },
  });
}

/** A refusal before streaming answers the gateway's JSON error shape; after, the transfer is cut. */
function fail(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof GraphQLError && typeof error.extensions.code === 'string') {
    const ext = error.extensions as {
      code: ErrorCode;
      messageZh?: string;
      messageEn?: string;
      http?: { status?: number };
      detail?: string;
    };
    const status = ext.http?.status ?? (ext.code === ErrorCode.UNAUTHENTICATED ? 401 : 400);
    writeJsonError(
      res,
      status,
      ext.code,
      { zh: ext.messageZh ?? error.message, en: ext.messageEn ?? error.message },
      ext.detail,
    );
    return;
  }
  writeJsonError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR);
}
