import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { DailySummary, SummaryExport, SummaryRun, TeamDaySummary } from './summary.types.js';
import { summaryWorkbook } from './summary.xlsx.js';

@Resolver()
export class SummaryResolver {
  @Query(() => DailySummary, {
    description:
      'Tonight’s summary (精准汇总) of a day for the teams in the caller’s scope, rolled up to townships, ' +
      'headquarters and the whole scope. The latest summarised day when `day` is omitted.',
  })
  dailySummary(
    @Ctx() ctx: GatewayContext,
    @Arg('day', () => String, { nullable: true, description: 'Shanghai calendar day, YYYY-MM-DD.' })
    day: string | null,
  ): Promise<DailySummary> {
    return ctx.services.summaryReads.daily(ctx, day ?? null);
  }

  @Query(() => TeamDaySummary, { description: 'One team’s day by id; NOT_FOUND outside the caller’s scope.' })
  teamDaySummary(
    @Ctx() ctx: GatewayContext,
    @Arg('id', () => ID, { description: 'The summary row’s id.' }) id: string,
  ): Promise<TeamDaySummary> {
    return ctx.services.summaryReads.byId(ctx, id);
  }

  @Query(() => SummaryExport, {
    description: 'The same summary as `dailySummary`, as an .xlsx workbook (teams; roll-ups), base64.',
  })
  async dailySummaryXlsx(
    @Ctx() ctx: GatewayContext,
    @Arg('day', () => String, { nullable: true, description: 'Shanghai calendar day, YYYY-MM-DD.' })
    day: string | null,
  ): Promise<SummaryExport> {
    const summary = await ctx.services.summaryReads.daily(ctx, day ?? null);
    const file = await summaryWorkbook(summary);
    return { filename: `summary-${summary.day}.xlsx`, contentBase64: file.toString('base64') };
  }

  @Mutation(() => SummaryRun, {
    description:
      'Count a day now (district admins and commanders): every team’s row for the day is written or replaced — ' +
      'still one per team and day. The nightly job does the same at the configured hour.',
  })
  runDailySummary(
    @Ctx() ctx: GatewayContext,
    @Arg('day', () => String, {
      nullable: true,
      description: 'The day (today when omitted); not in the future.',
    })
    day: string | null,
  ): Promise<SummaryRun> {
    return ctx.services.summaryReads.runNow(ctx, day ?? null);
  }
}
