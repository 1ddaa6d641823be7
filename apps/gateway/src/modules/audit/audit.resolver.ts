import { ErrorCode } from '@hanjiang/domain';
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { assertCan, requirePrincipal } from '../../guards.js';
import type { GatewayContext } from '../../context.js';
import { publicError } from '../../errors/public-error.js';
import { apiKeyUsage } from './api-key-usage.service.js';
import { ApiKeyUsage } from './api-key-usage.types.js';
import { AuditEntry } from './audit.types.js';

@Resolver()
export class AuditResolver {
  @Query(() => [AuditEntry], {
    description: 'The audit log, newest first (district inspectors and admins). Page with `before`.',
  })
  async auditLog(
    @Ctx() ctx: GatewayContext,
    @Arg('first', () => Int, { defaultValue: 50, description: 'How many rows (1–500).' }) first: number,
    @Arg('before', () => String, { nullable: true, description: 'Only rows with an id below this one.' })
    before: string | null,
  ): Promise<AuditEntry[]> {
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

  @Query(() => ApiKeyUsage, {
    description:
      'An API key’s use between `from` and `to`: operations, errors by code, rows, cost, durations, by operation. For district admins and commanders of the key’s tenant.',
  })
  apiKeyUsage(
    @Ctx() ctx: GatewayContext,
    @Arg('key', () => ID, { description: 'The key’s id (the `<id>` of `apikey:<id>`).' }) key: string,
    @Arg('from', () => Date, { description: 'Start (inclusive).' }) from: Date,
    @Arg('to', () => Date, { description: 'End (exclusive).' }) to: Date,
  ): Promise<ApiKeyUsage> {
    return apiKeyUsage(ctx, key, from, to);
  }
}
