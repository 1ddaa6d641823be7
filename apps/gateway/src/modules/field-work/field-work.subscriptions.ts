import { Arg, Ctx, FieldResolver, Resolver, Root, Subscription } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { requirePrincipal } from '../../guards.js';
import { SkipLiveEvent } from '../../live/fanout-policy.js';
import type { FieldLiveEvent } from '../../live/live-events.js';
import { eventOf, type SubscriptionSource } from '../../live/subscription-event.js';
import { Team } from '../catalog/catalog.types.js';
import { eventConcerns } from '../household/household.change-filter.js';
import { Household } from '../household/household.types.js';
import { FieldWorkChange, FieldWorkFilter, FieldWorkKind } from './field-work.types.js';

// Like householdChanged: the source stream filters events with the household rule and no SQL; the fan-out then
// executes each event once per group of identical subscriptions, re-reading the row under RLS (the second filter).
@Resolver(() => FieldWorkChange)
export class FieldWorkSubscriptions {
  @Subscription(() => FieldWorkChange, {
    description:
      'Visits recorded and disputes opened or moved on households the caller may see, after COMMIT, re-read ' +
      'under the caller’s row-level security (a team board or district console refreshes on it).',
    subscribe: ({ context, args }: SubscriptionSource) => {
      const principal = requirePrincipal(context);
      const filter = args.filter as Partial<FieldWorkFilter> | null | undefined;
      const tenants = {
        townshipCode: filter?.townshipCode ?? undefined,
        headquartersCode: filter?.headquartersCode ?? undefined,
      };
      const { catalogue, live } = context.services;
      return live.hub.events(
        'field',
        (e) =>
          eventConcerns(principal, tenants, { ...e, t: 'household', eventId: e.id }, catalogue) &&
          (!filter?.teamId || filter.teamId === e.teamId),
      );
    },
  })
  async fieldWorkChanged(
    @Root() event: FieldLiveEvent,
    @Ctx() ctx: GatewayContext,
    @Arg('filter', () => FieldWorkFilter, { nullable: true, description: 'Only changes matching this.' })
    _filter: FieldWorkFilter | null,
  ): Promise<FieldWorkChange> {
    const e = eventOf(event);
    const base = { householdId: e.householdId, teamId: e.teamId, visit: null, dispute: null };
    if (e.kind === 'visit') {
      const visit = await ctx.services.visits.byId(ctx, e.id);
      if (!visit) throw new SkipLiveEvent();
      return { ...base, kind: FieldWorkKind.VISIT, visit };
    }
    const dispute = await ctx.services.disputes.visible(ctx, e.id);
    if (!dispute) throw new SkipLiveEvent();
    return { ...base, kind: FieldWorkKind.DISPUTE, dispute };
  }

  @FieldResolver(() => Household, {
    nullable: true,
    description: 'The household (its card: `openDisputes`).',
  })
  household(@Root() c: FieldWorkChange, @Ctx() ctx: GatewayContext): Promise<Household | null> {
    return ctx.loaders.household.load(c.householdId);
  }

  @FieldResolver(() => Team, { nullable: true, description: 'The team (its standing: `openDisputes`).' })
  team(@Root() c: FieldWorkChange, @Ctx() ctx: GatewayContext): Promise<Team | null> | null {
    return c.teamId ? ctx.loaders.team.load(c.teamId) : null;
  }
}
