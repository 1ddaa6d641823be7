import { isDisputeOpen } from '@hanjiang/domain';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { requirePrincipal } from '../../guards.js';
import { Headquarters, Team, Township } from '../catalog/catalog.types.js';
import { Cadre } from '../cadre-record/cadre.types.js';
import { Household } from '../household/household.types.js';
import { DisputeFilter, MoveDisputeInput, OpenDisputeInput } from './dispute.inputs.js';
import { Dispute, DisputeSummary } from './dispute.types.js';

@Resolver(() => Dispute)
export class DisputeResolver {
  @Mutation(() => Dispute, {
    description:
      'Open a dispute (矛盾纠纷) on a household (whoever works it). The same `idempotencyKey` returns the first ' +
      'dispute; reused for a different one: IDEMPOTENCY_KEY_REUSED.',
  })
  openDispute(
    @Ctx() ctx: GatewayContext,
    @Arg('input', () => OpenDisputeInput, { description: 'The dispute.' }) input: OpenDisputeInput,
  ): Promise<Dispute> {
    return ctx.services.disputes.open(ctx, input);
  }

  @Mutation(() => Dispute, {
    description:
      'Move a dispute one step (OPEN → MEDIATING → RESOLVED | ESCALATED), optionally appending a note. ' +
      'INVALID_TRANSITION for a skipped or final step, CONFLICT when `expectedVersion` is stale.',
  })
  moveDispute(
    @Ctx() ctx: GatewayContext,
    @Arg('input', () => MoveDisputeInput, { description: 'Which dispute, to which state.' })
    input: MoveDisputeInput,
  ): Promise<Dispute> {
    return ctx.services.disputes.move(ctx, input);
  }

  @Query(() => [Dispute], { description: 'Disputes the caller may see, newest first (at most 500).' })
  disputes(
    @Ctx() ctx: GatewayContext,
    @Arg('filter', () => DisputeFilter, { nullable: true, description: 'Filters.' })
    filter: DisputeFilter | null,
  ): Promise<Dispute[]> {
    requirePrincipal(ctx);
    return ctx.services.disputes.list(ctx, filter);
  }

  @Query(() => DisputeSummary, {
    description: 'Disputes by state and their resolution time, in the caller’s scope (or one team’s).',
  })
  disputeSummary(
    @Ctx() ctx: GatewayContext,
    @Arg('teamId', () => ID, { nullable: true, description: 'Only this team.' }) teamId: string | null,
  ): Promise<DisputeSummary> {
    requirePrincipal(ctx);
    return ctx.services.disputes.summary(ctx, teamId ?? null);
  }

  @FieldResolver(() => Household, { nullable: true, description: 'The household.' })
  household(@Root() d: Dispute, @Ctx() ctx: GatewayContext): Promise<Household | null> {
    return ctx.loaders.household.load(d.householdId);
  }

  @FieldResolver(() => Team, { nullable: true, description: 'The household’s team when opened.' })
  team(@Root() d: Dispute, @Ctx() ctx: GatewayContext): Promise<Team | null> | null {
    return d.teamId ? ctx.loaders.team.load(d.teamId) : null;
  }

  @FieldResolver(() => Cadre, { nullable: true, description: 'The mediator as a cadre, when one.' })
  mediatorCadre(@Root() d: Dispute, @Ctx() ctx: GatewayContext): Promise<Cadre | null> | null {
    return d.mediatorCadreId ? ctx.loaders.cadre.load(d.mediatorCadreId) : null;
  }

  @FieldResolver(() => Township, { description: 'Township of the household.' })
  township(@Root() d: Dispute, @Ctx() ctx: GatewayContext): Township | null {
    return ctx.services.catalogue.township(d.townshipId);
  }

  @FieldResolver(() => Headquarters, { description: 'Headquarters of the household.' })
  headquarters(@Root() d: Dispute, @Ctx() ctx: GatewayContext): Headquarters | null {
    return ctx.services.catalogue.headquartersOf(d.headquartersId);
  }
}

@Resolver(() => Household)
export class HouseholdDisputesResolver {
  @FieldResolver(() => [Dispute], { description: 'Every dispute on the household, newest first.' })
  disputes(@Root() h: Household, @Ctx() ctx: GatewayContext): Promise<Dispute[]> {
    return ctx.loaders.disputesByHousehold.load(h.id);
  }

  @FieldResolver(() => [Dispute], { description: 'Disputes still open or being mediated (household card).' })
  async openDisputes(@Root() h: Household, @Ctx() ctx: GatewayContext): Promise<Dispute[]> {
    return (await ctx.loaders.disputesByHousehold.load(h.id)).filter((d) => isDisputeOpen(d.state));
  }
}

@Resolver(() => Team)
export class TeamDisputesResolver {
  @FieldResolver(() => Int, {
    description: 'Open disputes (OPEN or MEDIATING) on the team’s households that the caller may see.',
  })
  openDisputes(@Root() t: Team, @Ctx() ctx: GatewayContext): Promise<number> {
    return ctx.loaders.openDisputesByTeam.load(t.id);
  }
}
