import { ErrorCode } from '@hanjiang/domain';
import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import type { Services } from '../context.js';
import { publicError } from '../errors/public-error.js';
import type { HouseholdFilter } from '../modules/household/household.inputs.js';
import { type ExportRequest, FilterSchema } from '../modules/export/export.service.js';
import { ExportFormat } from '../modules/export/export.types.js';

/** What a download asks for, and whether it came as a ticket (authorised by the operation that issued it). */
export interface DownloadRequest extends ExportRequest {
  readonly ticketed: boolean;
}

/**
 * The download's AUTHENTICATE stage and its "document" (the query string): a ticket from `exportHouseholds`, or
 * the same credentials as /graphql (services.authenticator, the one authentication of every entry).
 */
export async function downloadRequest(req: Request, services: Services): Promise<DownloadRequest> {
  const ticket = single(req.query.ticket);
  if (ticket !== undefined) {
    const request = services.exports.fromTicket(ticket);
    if (!request) throw unauthenticatedTicket();
    return { ...request, ticketed: true };
  }
  const { principal } = await services.authenticator.authenticate(
    req.header('authorization'),
    req.header('x-api-key'),
  );
  if (!principal) throw publicError(ErrorCode.UNAUTHENTICATED, undefined, { http: { status: 401 } });
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
  return { principal, filter, format, ticketed: false };
}

function single(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function badInput(en: string, zh: string): GraphQLError {
  return new GraphQLError(en, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, messageEn: en, messageZh: zh, http: { status: 400 } },
  });
}

export function unauthenticatedTicket(): GraphQLError {
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
