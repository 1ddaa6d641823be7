import { Arg, Ctx, Resolver, Root, Subscription } from 'type-graphql';
import { requirePrincipal } from '../../guards.js';
import type { GatewayContext } from '../../context.js';
import { SkipLiveEvent } from '../../live/fanout-policy.js';
import { eventOf, type SubscriptionSource } from '../../live/subscription-event.js';
import { Milestone, type MilestonePayload } from './milestone.types.js';

// The source stream only listens to the process's live hub: no SQL there. The replay of `after` is the fan-out's
// (modules/live/live.policies.ts), which reads it through the same service.
@Resolver()
export class MilestoneSubscriptions {
  @Subscription(() => Milestone, {
    description:
      'Milestones as they are reached. With `after` (a cursor from a previous milestone or from the ' +
      '`milestones` connection) the ones recorded since are replayed first, in order, then live ones follow, ' +
      'without duplicates: a screen that reconnects with its last cursor misses nothing.',
    subscribe: ({ context }: SubscriptionSource) => {
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
    const row = given ?? (await ctx.services.milestones.byId(ctx, milestoneId));
    if (!row) throw new SkipLiveEvent();
    return row;
  }
}
