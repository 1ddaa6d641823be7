import { ErrorCode, LeaderboardBoard, rankChange } from '@hanjiang/domain';
import { Arg, Ctx, Resolver, Root, Subscription } from 'type-graphql';
import { requirePrincipal } from '../../auth/guards.js';
import type { GatewayContext } from '../../context.js';
import { publicError } from '../../errors/public-error.js';
import '../../graphql/enums.js';
import { SkipLiveEvent } from '../../live/fanout-policy.js';
import type { ProgressTick } from '../../live/live-hub.js';
import { HouseholdFilter } from '../household/household.inputs.js';
import { Household } from '../household/household.types.js';
import { ProgressService } from '../progress/progress.service.js';
import { CampaignGauge, LeaderboardRow } from '../progress/progress.types.js';
import { eventConcerns, type HouseholdLiveEvent, rowMatches } from './household-change.filter.js';
import { milestones } from './milestone.resolver.js';
import { Milestone } from './milestone.types.js';

const progress = new ProgressService();

/** A live milestone event, or a replayed one that carries its row already. */
export interface MilestonePayload {
  milestoneId: string;
  seq: string;
  row?: Milestone;
}

type SourceData = { context: GatewayContext; args: Record<string, unknown> };

/** Apollo runs a subscription POSTed over HTTP once, with no event: tell the caller where they are served. */
function eventOf<T>(root: T | undefined): T {
  if (root === undefined || root === null) {
    throw publicError(ErrorCode.BAD_USER_INPUT, {
      zh: '订阅请通过 WebSocket(graphql-ws 协议)连接 /graphql',
      en: 'Subscriptions are served over WebSocket (graphql-ws protocol) at /graphql',
    });
  }
  return root;
}

// Source streams only listen to the process's live hub: no SQL there. The fan-out executes each event once
// per group of identical subscriptions, which is when the methods below run and read the database.
@Resolver()
export class LiveResolver {
  @Subscription(() => [LeaderboardRow], {
    description:
      'A ranked board, live: the current board at once, then a new one after every change (bursts within ' +
      '~100 ms coalesce into one). `rankChange` compares with the previous board sent on this stream.',
    subscribe: ({ context }: SourceData) => {
      requirePrincipal(context);
      return context.services.live.hub.progressTicks();
    },
  })
  async leaderboardChanged(
    @Root() tick: ProgressTick,
    @Ctx() ctx: GatewayContext,
    @Arg('board', () => LeaderboardBoard, { description: 'Which board.' }) board: LeaderboardBoard,
  ): Promise<LeaderboardRow[]> {
    const { state } = eventOf(tick);
    const rows = await progress.leaderboard(ctx.tx, board);
    const previous = state.previousRanks;
    state.previousRanks = new Map(rows.map((r) => [r.scopeCode, r.rank]));
    return previous
      ? rows.map((r) => ({ ...r, rankChange: rankChange(previous, r.scopeCode, r.rank) }))
      : rows;
  }

  @Subscription(() => CampaignGauge, {
    nullable: true,
    description: 'The campaign gauge, live: now, then after every change (bursts coalesce).',
    subscribe: ({ context }: SourceData) => {
      requirePrincipal(context);
      return context.services.live.hub.progressTicks();
    },
  })
  campaignProgress(@Root() tick: ProgressTick, @Ctx() ctx: GatewayContext): Promise<CampaignGauge | null> {
    eventOf(tick);
    return progress.campaign(ctx.tx);
  }

  @Subscription(() => Milestone, {
    description:
      'Milestones as they are reached. With `after` (a cursor from a previous milestone or from the ' +
      '`milestones` connection) the ones recorded since are replayed first, in order, then live ones follow, ' +
      'without duplicates: a screen that reconnects with its last cursor misses nothing.',
    subscribe: ({ context }: SourceData) => {
      requirePrincipal(context);
      return context.services.live.hub.events('milestone');
    },
  })
  async milestoneReached(
    @Root() payload: MilestonePayload,
    @Ctx() ctx: GatewayContext,
    @Arg('after', () => String, { nullable: true, description: 'Replay milestones after this cursor first.' })
    _after: string | null,
  ): Promise<Milestone> {
    const { row: given, milestoneId } = eventOf(payload);
    const row = given ?? (await milestones.byId(ctx.tx, milestoneId));
    if (!row) throw new SkipLiveEvent();
    return row;
  }

  @Subscription(() => Household, {
    description:
      'Households the caller may see, each time one changes stage (advance or correction), re-read under the ' +
      'caller’s row-level security with personal data masked as in queries.',
    subscribe: ({ context, args }: SourceData) => {
      const principal = requirePrincipal(context);
      const filter = args.filter as Partial<HouseholdFilter> | null | undefined;
      const { catalogue, live } = context.services;
      return live.hub.events('household', (e) => eventConcerns(principal, filter, e, catalogue));
    },
  })
  async householdChanged(
    @Root() event: HouseholdLiveEvent,
    @Ctx() ctx: GatewayContext,
    @Arg('filter', () => HouseholdFilter, { nullable: true, description: 'Only households matching this.' })
    filter: HouseholdFilter | null,
  ): Promise<Household> {
    const row = await ctx.loaders.household.load(eventOf(event).householdId);
    if (!row || !rowMatches(row, filter, ctx.services.catalogue)) throw new SkipLiveEvent();
    return row;
  }
}
