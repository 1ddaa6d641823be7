import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { ApiKeyUsage } from './api-key-usage.types.js';
import { AuditEntry } from './audit.types.js';

@Resolver()
export class AuditResolver {
  @Query(() => [AuditEntry], {
    description: 'The audit log, newest first (district inspectors and admins). Page with `before`.',
  })
  auditLog(
    @Ctx() ctx: GatewayContext,
    @Arg('first', () => Int, { defaultValue: 50, description: 'How many rows (1–500).' }) first: number,
    @Arg('before', () => String, { nullable: true, description: 'Only rows with an id below this one.' })
    before: string | null,
  ): Promise<AuditEntry[]> {
    return ctx.services.auditLog.entries(ctx, first, before);
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
    return ctx.services.auditLog.apiKeyUsage(ctx, key, from, to);
  }
}
