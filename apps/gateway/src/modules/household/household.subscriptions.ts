import { Arg, Ctx, Resolver, Root, Subscription } from 'type-graphql';
import { requirePrincipal } from '../../auth/guards.js';
import type { GatewayContext } from '../../context.js';
import { SkipLiveEvent } from '../../live/fanout-policy.js';
import { eventOf, type SubscriptionSource } from '../../live/subscription-event.js';
import { eventConcerns, type HouseholdLiveEvent, rowMatches } from './household.change-filter.js';
import { HouseholdFilter } from './household.inputs.js';
import { Household } from './household.types.js';

// The source stream only listens to the process's live hub and filters events without SQL; the fan-out executes
// each event once per group of identical subscriptions, which is when the row is re-read under RLS.
@Resolver()
export class HouseholdSubscriptions {
  @Subscription(() => Household, {
    description:
      'Households the caller may see, each time one changes stage (advance or correction), re-read under the ' +
      'caller’s row-level security with personal data masked as in queries.',
    subscribe: ({ context, args }: SubscriptionSource) => {
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
