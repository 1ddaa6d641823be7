import { presentPii } from '@hanjiang/authz';
import { fenToYuanString, m2ToMu } from '@hanjiang/domain';
import { Kind, type GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Float, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { requirePrincipal } from '../../guards.js';
import { requireUuid } from '../../errors/bad-input.js';
import type { GatewayContext } from '../../context.js';
import { Headquarters, Team, Township, Village } from '../catalog/catalog.types.js';
import { HouseholdFilter, HouseholdOrder } from './household.inputs.js';
import { detailRelations, readHouseholdDetail } from './household.detail.js';
import { householdProjection } from './household.projection.js';
import { householdScope } from './household.scope.js';
import { MAX_PAGE_SIZE } from './household.service.js';
import { Household, HouseholdConnection, HouseholdEvent } from './household.types.js';

@Resolver(() => Household)
export class HouseholdResolver {
  @Query(() => HouseholdConnection, {
    description: `Households the caller may see, as a Relay connection (first ≤ ${MAX_PAGE_SIZE}).`,
  })
  households(
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, { defaultValue: 20, description: `Page size, 1–${MAX_PAGE_SIZE}.` })
    first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' })
    after: string | null,
    @Arg('filter', () => HouseholdFilter, { nullable: true, description: 'Filters.' })
    filter: HouseholdFilter | null,
    @Arg('orderBy', () => HouseholdOrder, {
      nullable: true,
      description: 'Sort order (default: code ascending).',
    })
    orderBy: HouseholdOrder | null,
  ): Promise<HouseholdConnection> {
    requirePrincipal(ctx);
    return ctx.services.households.list(ctx, {
      first,
      after,
      filter,
      orderBy,
      withTotal: asksFor(info, 'totalCount'),
      projection: householdProjection(info),
      prime: (villages, teams) => {
        for (const v of villages) ctx.loaders.village.prime(v.id, v);
        for (const t of teams) ctx.loaders.team.prime(t.id, t);
      },
    });
  }

  @Query(() => Household, {
    nullable: true,
    description: 'One household, or null when it does not exist or is not visible.',
  })
  household(
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID, { description: 'Household id.' }) id: string,
  ): Promise<Household | null> {
    requirePrincipal(ctx);
    const householdId = requireUuid(id, 'id');
    const wants = detailRelations(info);
    if (!wants.village && !wants.team && !wants.events) return ctx.loaders.household.load(householdId);
    return readHouseholdDetail(ctx.tx, householdId, wants, (household, village, team, events) => {
      ctx.loaders.household.prime(household.id, household);
      if (village) ctx.loaders.village.prime(village.id, village);
      if (team) ctx.loaders.team.prime(team.id, team);
      if (events) ctx.loaders.eventsByHousehold.prime(household.id, events);
    });
  }

  @Query(() => [HouseholdEvent], {
    description: 'Events of one household, oldest first (empty when not visible).',
  })
  householdEvents(
    @Ctx() ctx: GatewayContext,
    @Arg('householdId', () => ID, { description: 'Household id.' }) householdId: string,
  ): Promise<HouseholdEvent[]> {
    requirePrincipal(ctx);
    return ctx.loaders.eventsByHousehold.load(requireUuid(householdId, 'householdId'));
  }

  @FieldResolver(() => String, {
    description: 'ID-card number (身份证号), masked like `350303********1234` unless the caller may see it.',
  })
  ownerIdNumber(@Root() h: Household, @Ctx() ctx: GatewayContext): string | null {
    return pii(h, ctx).idNumber;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Mobile phone, masked like `138****5678` unless the caller may see it.',
  })
  phone(@Root() h: Household, @Ctx() ctx: GatewayContext): string | null {
    return pii(h, ctx).phone;
  }

  @FieldResolver(() => Boolean, {
    description: 'True when ID number and phone are shown masked to this caller.',
  })
  piiMasked(@Root() h: Household, @Ctx() ctx: GatewayContext): boolean {
    return pii(h, ctx).masked;
  }

  @FieldResolver(() => Float, { description: 'Land area in 亩 (1 亩 = 666.67 m²).' })
  landAreaMu(@Root() h: Household): number {
    return m2ToMu(h.landAreaM2);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Assessed amount in yuan, exact decimal string (e.g. "1234567.89").',
  })
  assessedAmountYuan(@Root() h: Household): string | null {
    return h.assessedAmountFen === null ? null : fenToYuanString(BigInt(h.assessedAmountFen));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Agreed amount in yuan, exact decimal string.',
  })
  agreedAmountYuan(@Root() h: Household): string | null {
    return h.agreedAmountFen === null ? null : fenToYuanString(BigInt(h.agreedAmountFen));
  }

  @FieldResolver(() => Township, { description: 'Township the household is in.' })
  township(@Root() h: Household, @Ctx() ctx: GatewayContext): Township | null {
    return ctx.services.catalogue.township(h.townshipId);
  }

  @FieldResolver(() => Headquarters, { description: 'Headquarters whose project area the household is in.' })
  headquarters(@Root() h: Household, @Ctx() ctx: GatewayContext): Headquarters | null {
    return ctx.services.catalogue.headquartersOf(h.headquartersId);
  }

  @FieldResolver(() => Village, { description: 'Village the household is in.' })
  village(@Root() h: Household, @Ctx() ctx: GatewayContext): Village | null | Promise<Village | null> {
    // Read with the page: answered synchronously, so a page of households costs no promise per row.
    if (h.villageRow !== undefined) return h.villageRow;
    return ctx.loaders.village.load(h.villageId);
  }

  @FieldResolver(() => Team, { nullable: true, description: 'Work team assigned to the household.' })
  team(@Root() h: Household, @Ctx() ctx: GatewayContext): Promise<Team | null> | Team | null {
    if (!h.teamId) return null;
    if (h.teamRow !== undefined) return h.teamRow;
    return ctx.loaders.team.load(h.teamId);
  }

  @FieldResolver(() => [HouseholdEvent], { description: 'Stage transitions, oldest first.' })
  events(@Root() h: Household, @Ctx() ctx: GatewayContext): Promise<HouseholdEvent[]> {
    return ctx.loaders.eventsByHousehold.load(h.id);
  }
}

@Resolver(() => HouseholdEvent)
export class HouseholdEventResolver {
  @FieldResolver(() => Township, { description: 'Township of the household.' })
  township(@Root() e: HouseholdEvent, @Ctx() ctx: GatewayContext): Township | null {
    return ctx.services.catalogue.township(e.townshipId);
  }

  @FieldResolver(() => Headquarters, { description: 'Headquarters of the household.' })
  headquarters(@Root() e: HouseholdEvent, @Ctx() ctx: GatewayContext): Headquarters | null {
    return ctx.services.catalogue.headquartersOf(e.headquartersId);
  }

  @FieldResolver(() => Household, { nullable: true, description: 'The household.' })
  household(@Root() e: HouseholdEvent, @Ctx() ctx: GatewayContext): Promise<Household | null> {
    return ctx.loaders.household.load(e.householdId);
  }

  @FieldResolver(() => Team, { nullable: true, description: 'The team that made the change.' })
  team(@Root() e: HouseholdEvent, @Ctx() ctx: GatewayContext): Promise<Team | null> | null {
    return e.teamId ? ctx.loaders.team.load(e.teamId) : null;
  }
}

function pii(h: Household, ctx: GatewayContext) {
  return presentPii(ctx.principal, householdScope(h, ctx.services.catalogue), {
    idNumber: h.ownerIdNumberRaw,
    phone: h.phoneRaw,
  });
}

function asksFor(info: GraphQLResolveInfo, field: string): boolean {
  return info.fieldNodes.some((node) =>
    node.selectionSet?.selections.some((s) => s.kind === Kind.FIELD && s.name.value === field),
  );
}
