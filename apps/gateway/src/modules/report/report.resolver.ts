import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { SummaryExport } from '../summary/summary.types.js';
import { ReportScopeKind } from './report.types.js';
import { reportWorkbook } from './report.xlsx.js';

@Resolver()
export class ReportResolver {
  @Query(() => SummaryExport, {
    description:
      'The 推进会 progress report of a township or headquarters area over a period, as a printable .xlsx workbook ' +
      '(progress against target and pace; teams and plan fulfilment; disputes; open escalations; 四察四看 rank), ' +
      'base64. Commanders of that area and the district only; FORBIDDEN for anyone else.',
  })
  async progressReportXlsx(
    @Ctx() ctx: GatewayContext,
    @Arg('scopeKind', () => ReportScopeKind, { description: 'TOWNSHIP or HEADQUARTERS.' })
    scopeKind: ReportScopeKind,
    @Arg('code', () => String, { description: 'The township’s or headquarters’ code.' }) code: string,
    @Arg('from', () => String, { description: 'First Shanghai calendar day of the period, YYYY-MM-DD.' })
    from: string,
    @Arg('to', () => String, { description: 'Last Shanghai calendar day of the period, YYYY-MM-DD.' })
    to: string,
  ): Promise<SummaryExport> {
    const report = await ctx.services.reports.build(ctx, scopeKind, code, from, to);
    const file = await reportWorkbook(report);
    return {
      filename: `progress-report-${report.scope.code}-${from}-${to}.xlsx`,
      contentBase64: file.toString('base64'),
    };
  }
}
