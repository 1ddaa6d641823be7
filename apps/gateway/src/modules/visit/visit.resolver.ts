import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { requirePrincipal } from '../../guards.js';
import { Headquarters, Team, Township } from '../catalog/catalog.types.js';
import { Cadre } from '../cadre-record/cadre.types.js';
import { Household } from '../household/household.types.js';
import { RecordVisitInput, VisitFilter } from './visit.inputs.js';
import { MAX_VISITS_PAGE } from './visit.service.js';
import { Visit, VisitSummary } from './visit.types.js';

@Resolver(() => Visit)
export class VisitResolver {
  @Mutation(() => Visit, {
    description:
      'Record a visit to a household (a cadre of its team, a commander of its township or headquarters, the ' +
      'district admin). Off-hours is decided from `visitedAt` and the working hours. The same `idempotencyKey` ' +
      'returns the first visit (never a second); reused for a different visit: IDEMPOTENCY_KEY_REUSED.',
  })
  recordVisit(
    @Ctx() ctx: GatewayContext,
    @Arg('input', () => RecordVisitInput, { description: 'The visit.' }) input: RecordVisitInput,
  ): Promise<Visit> {
    return ctx.services.visits.record(ctx, input);
  }

  @Query(() => [Visit], {
    description: `Visits the caller may see, newest first (first ≤ ${MAX_VISITS_PAGE}).`,
  })
  visits(
    @Ctx() ctx: GatewayContext,
    @Arg('filter', () => VisitFilter, { nullable: true, description: 'Filters.' }) filter: VisitFilter | null,
    @Arg('first', () => Int, { defaultValue: 50, description: `How many, 1–${MAX_VISITS_PAGE}.` })
    first: number,
  ): Promise<Visit[]> {
    requirePrincipal(ctx);
    return ctx.services.visits.list(ctx, filter, first);
  }

  @Query(() => VisitSummary, {
    description: 'Visits counted in the caller’s scope, with the same filters as `visits`.',
  })
  visitSummary(
    @Ctx() ctx: GatewayContext,
    @Arg('filter', () => VisitFilter, { nullable: true, description: 'Filters.' }) filter: VisitFilter | null,
  ): Promise<VisitSummary> {
    requirePrincipal(ctx);
    return ctx.services.visits.summary(ctx, filter);
  }

  @FieldResolver(() => Household, { nullable: true, description: 'The household visited.' })
  household(@Root() v: Visit, @Ctx() ctx: GatewayContext): Promise<Household | null> {
    return ctx.loaders.household.load(v.householdId);
  }

  @FieldResolver(() => Team, { nullable: true, description: 'The household’s team when visited.' })
  team(@Root() v: Visit, @Ctx() ctx: GatewayContext): Promise<Team | null> | null {
    return v.teamId ? ctx.loaders.team.load(v.teamId) : null;
  }

  @FieldResolver(() => Cadre, { nullable: true, description: 'The cadre credited with the visit, if named.' })
  cadre(@Root() v: Visit, @Ctx() ctx: GatewayContext): Promise<Cadre | null> | null {
    return v.cadreId ? ctx.loaders.cadre.load(v.cadreId) : null;
  }

  @FieldResolver(() => Township, { description: 'Township of the household.' })
  township(@Root() v: Visit, @Ctx() ctx: GatewayContext): Township | null {
    return ctx.services.catalogue.township(v.townshipId);
  }

  @FieldResolver(() => Headquarters, { description: 'Headquarters of the household.' })
  headquarters(@Root() v: Visit, @Ctx() ctx: GatewayContext): Headquarters | null {
    return ctx.services.catalogue.headquartersOf(v.headquartersId);
  }
}

@Resolver(() => Household)
export class HouseholdVisitsResolver {
  @FieldResolver(() => [Visit], { description: 'Visits to the household, newest first (入户走访记录).' })
  visits(@Root() h: Household, @Ctx() ctx: GatewayContext): Promise<Visit[]> {
    return ctx.loaders.visitsByHousehold.load(h.id);
  }
}
