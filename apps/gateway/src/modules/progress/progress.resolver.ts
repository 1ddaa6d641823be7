import { LeaderboardBoard } from '@hanjiang/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Query, Resolver } from 'type-graphql';
import { requirePrincipal } from '../../guards.js';
import type { GatewayContext } from '../../context.js';
import '../../graphql/enums.js';
import { boardColumns, gaugeNeedsRecentPace } from './progress.projection.js';
import { CampaignGauge, LeaderboardRow, Progress } from './progress.types.js';

@Resolver()
export class ProgressResolver {
  @Query(() => CampaignGauge, {
    nullable: true,
    description: 'The campaign gauge: signed area against the target, day N of 100.',
  })
  campaign(@Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<CampaignGauge | null> {
    requirePrincipal(ctx);
    return ctx.services.progress.campaign(ctx, gaugeNeedsRecentPace(info));
  }

  @Query(() => Progress, {
    nullable: true,
    description: 'Progress of one scope, e.g. (township, baitang) or (team, <code>).',
  })
  progress(
    @Ctx() ctx: GatewayContext,
    @Arg('scopeKind', () => String, {
      description: 'campaign, headquarters, township, pairing, team or village.',
    })
    scopeKind: string,
    @Arg('scopeCode', () => String, { description: 'Code of the scope (`main` for the campaign).' })
    scopeCode: string,
  ): Promise<Progress | null> {
    requirePrincipal(ctx);
    return ctx.services.progress.progress(ctx, scopeKind, scopeCode);
  }

  @Query(() => [LeaderboardRow], {
    description: 'A ranked board of headquarters, townships, pairings or teams.',
  })
  leaderboard(
    @Ctx() ctx: GatewayContext,
    @Arg('board', () => LeaderboardBoard, { description: 'Which board.' }) board: LeaderboardBoard,
    @Info() info: GraphQLResolveInfo,
  ): Promise<LeaderboardRow[]> {
    requirePrincipal(ctx);
    return ctx.services.progress.leaderboard(ctx, board, boardColumns(info));
  }
}
