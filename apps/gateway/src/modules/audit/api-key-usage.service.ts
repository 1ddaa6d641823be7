import { can } from '@hanjiang/authz';
import { ErrorCode } from '@hanjiang/domain';
import type { GatewayContext } from '../../context.js';
import { publicError } from '../../errors/public-error.js';
import { assertCan, requirePrincipal } from '../../guards.js';
import type { ApiKeyUsage } from './api-key-usage.types.js';

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
 * may manage. The rule is packages/authz's `apikey:usage`, applied here first (who may ask at all) and again to
 * the key's tenant; the function applies it a third time, so a key of another tenant is simply not found.
 */
export async function apiKeyUsage(
  ctx: GatewayContext,
  key: string,
  from: Date,
  to: Date,
): Promise<ApiKeyUsage> {
  const { tx } = ctx;
  const principal = requirePrincipal(ctx);
  assertCan(principal, 'apikey:usage', { tenantCode: principal.tenantCode });
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
  if (!usage || !can(principal, 'apikey:usage', { tenantCode: usage.tenantCode }).allowed) {
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
