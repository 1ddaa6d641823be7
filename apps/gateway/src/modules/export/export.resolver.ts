import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { HouseholdFilter } from '../household/household.inputs.js';
import { ExportFormat, ExportLink } from './export.types.js';

@Resolver()
export class ExportResolver {
  @Query(() => ExportLink, {
    description:
      'A file of the households the caller may see (the same rows and masking as `households`), as a short-lived ' +
      'download link; refused with BAD_USER_INPUT when the filter selects more rows than the export limit.',
  })
  exportHouseholds(
    @Ctx() ctx: GatewayContext,
    @Arg('format', () => ExportFormat, { description: 'CSV or XLSX.' }) format: ExportFormat,
    @Arg('filter', () => HouseholdFilter, { nullable: true, description: 'Filters, as for `households`.' })
    filter: HouseholdFilter | null,
  ): Promise<ExportLink> {
    // A plain object: it goes into the signed link as JSON.
    return ctx.services.exports.link(ctx, filter ? { ...filter } : null, format);
  }
}
