import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { requirePrincipal } from '../../guards.js';
import { HouseholdFilter } from '../household/household.inputs.js';
import { ExportFormat, ExportLink } from './export.types.js';

@Resolver()
export class ExportResolver {
  @Query(() => ExportLink, {
    description:
      'A file of the households the caller may see (the same rows and masking as `households`), as a short-lived ' +
      'download link; refused with BAD_USER_INPUT when the filter selects more rows than the export limit.',
  })
  async exportHouseholds(
    @Ctx() ctx: GatewayContext,
    @Arg('format', () => ExportFormat, { description: 'CSV or XLSX.' }) format: ExportFormat,
    @Arg('filter', () => HouseholdFilter, { nullable: true, description: 'Filters, as for `households`.' })
    filter: HouseholdFilter | null,
  ): Promise<ExportLink> {
    const principal = requirePrincipal(ctx);
    const exports = ctx.services.exports;
    // Plain object: the class instance type-graphql made for the input would not survive the ticket anyway.
    const plainFilter = filter ? { ...filter } : null;
    const rowCount = await exports.countWithinBound(ctx.tx, plainFilter);
    return exports.link({ principal, filter: plainFilter, format }, rowCount);
  }
}
