import { can } from '@hanjiang/authz';
import { ErrorCode } from '@hanjiang/domain';
import type { GatewayContext } from '../../context.js';
import { publicError } from '../../errors/public-error.js';
import { assertCan, requirePrincipal } from '../../guards.js';
import type { ApiKeyUsage } from './api-key-usage.types.js';
import type { AuditEntry } from './audit.types.js';

declare module '../../context.js' {
  interface Services {
    readonly auditLog: AuditLogService;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_RANGE_MS = 400 * 24 * 3_600_000;

interface UsageRow {
  tenantCode: string;
  operations: number;
  errors: number;
  refused: number;
  rows: number;
  cost: number;
  p50: number | null;
  p95: number | null;
  errorsByCode: { code: string; count: number }[];
  byOperation: {
    operation: string;
    operations: number;
    errors: number;
    rows: number;
    cost: number;
    p50: number | null;
    p95: number | null;
  }[];
}

/**
 * apiKeyUsage: the summary is computed in the database by app.api_key_usage, which reads the audit rows the caller
 * may not read (only district inspectors and admins read audit_log) and returns figures only, for a key the caller
 * may manage. The rule is packages/authz's `apikey:read`, applied here first (who may ask at all) and again to
 * the key's tenant; the function applies it a third time, so a key of another tenant is simply not found.
 */
async function apiKeyUsage(ctx: GatewayContext, key: string, from: Date, to: Date): Promise<ApiKeyUsage> {
  const { tx } = ctx;
  const principal = requirePrincipal(ctx);
  assertCan(principal, 'apikey:read', { tenantCode: principal.tenantCode });
  if (to.getTime() <= from.getTime() || to.getTime() - from.getTime() > MAX_RANGE_MS) {
    throw publicError(ErrorCode.BAD_USER_INPUT, {
      zh: '时间范围无效:to 须晚于 from,且不超过 400 天',
      en: 'Invalid range: `to` must be after `from`, at most 400 days',
    });
  }
  const rows = UUID.test(key)
    ? await tx.query<{ usage: UsageRow | null }>(`SELECT app.api_key_usage($1::uuid, $2, $3) AS usage`, [
        key,
        from,
        to,
      ])
    : [];
  const usage = rows[0]?.usage;
  if (!usage || !can(principal, 'apikey:read', { tenantCode: usage.tenantCode }).allowed) {
    throw publicError(ErrorCode.NOT_FOUND, { zh: '未找到该接口密钥', en: 'No such API key' });
  }
  const ms = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
  return {
    key,
    from,
    to,
    operations: usage.operations,
    errors: usage.errors,
    refused: Number(usage.refused),
    rows: Number(usage.rows),
    cost: Number(usage.cost),
    p50DurationMs: ms(usage.p50),
    p95DurationMs: ms(usage.p95),
    errorsByCode: usage.errorsByCode.map((e) => ({ code: e.code, count: Number(e.count) })),
    byOperation: usage.byOperation.map((o) => ({
      operation: o.operation,
      operations: o.operations,
      errors: o.errors,
      rows: Number(o.rows),
      cost: Number(o.cost),
      p50DurationMs: ms(o.p50),
      p95DurationMs: ms(o.p95),
    })),
  };
}

/** Reads of the audit log: its rows (district inspectors and admins) and an API key's usage summarised from it. */
export class AuditLogService {
  /** The log, newest first, `first` rows (1–500) below the id `before`. */
  async entries(ctx: GatewayContext, first: number, before: string | null): Promise<AuditEntry[]> {
    assertCan(requirePrincipal(ctx), 'audit:read');
    if (first < 1 || first > 500 || (typeof before === 'string' && !/^\d{1,18}$/.test(before))) {
      throw publicError(ErrorCode.BAD_USER_INPUT, {
        zh: 'first 须在 1–500 之间,before 须为数字',
        en: 'first must be 1–500 and before a number',
      });
    }
    return ctx.tx.query<AuditEntry>(
      `SELECT id::text AS id, at, actor, tenant_kind AS "tenantKind", tenant_code AS "tenantCode", operation,
         variables_hash AS "variablesHash", request_id AS "requestId", client_address AS "clientAddress", outcome, hash,
         detail
       FROM audit_log a WHERE ($1::bigint IS NULL OR a.id < $1::bigint) ORDER BY a.id DESC LIMIT $2`,
      [before ?? null, first],
    );
  }

  readonly apiKeyUsage = apiKeyUsage;
}
