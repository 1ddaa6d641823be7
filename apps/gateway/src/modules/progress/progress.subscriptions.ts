import { LeaderboardBoard, rankChange } from '@hanjiang/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Resolver, Root, Subscription } from 'type-graphql';
import { requirePrincipal } from '../../guards.js';
import type { GatewayContext } from '../../context.js';
import '../../graphql/enums.js';
import type { ProgressTick } from '../../live/live-hub.js';
import { eventOf, type SubscriptionSource } from '../../live/subscription-event.js';
import { boardColumns, gaugeNeedsRecentPace } from './progress.projection.js';
import { CampaignGauge, LeaderboardRow } from './progress.types.js';

// Source streams only listen to the process's live hub: no SQL there. The fan-out executes each event once
// per group of identical subscriptions, which is when the methods below run and read the database.
@Resolver()
export class ProgressSubscriptions {
  @Subscription(() => [LeaderboardRow], {
    description:
      'A ranked board, live: the current board at once, then a new one after every change (bursts within ' +
      '~100 ms coalesce into one). `rankChange` compares with the previous board sent on this stream.',
    subscribe: ({ context }: SubscriptionSource) => {
      requirePrincipal(context);
      return context.services.live.hub.progressTicks();
    },
  })
  async leaderboardChanged(
    @Root() tick: ProgressTick,
    @Ctx() ctx: GatewayContext,
    @Arg('board', () => LeaderboardBoard, { description: 'Which board.' }) board: LeaderboardBoard,
    @Info() info: GraphQLResolveInfo,
  ): Promise<LeaderboardRow[]> {
    const { state } = eventOf(tick);
    const rows = await ctx.services.progress.leaderboard(ctx, board, boardColumns(info));
    const previous = state.previousRanks;
    state.previousRanks = new Map(rows.map((r) => [r.scopeCode, r.rank]));
    return previous
      ? rows.map((r) => ({ ...r, rankChange: rankChange(previous, r.scopeCode, r.rank) }))
      : rows;
  }

  @Subscription(() => CampaignGauge, {
    nullable: true,
    description: 'The campaign gauge, live: now, then after every change (bursts coalesce).',
    subscribe: ({ context }: SubscriptionSource) => {
      requirePrincipal(context);
      return context.services.live.hub.progressTicks();
    },
  })
  campaignProgress(
    @Root() tick: ProgressTick,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CampaignGauge | null> {
    eventOf(tick);
    return ctx.services.progress.campaign(ctx, gaugeNeedsRecentPace(info));
  }
}
