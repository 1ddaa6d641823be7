import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { requirePrincipal } from '../../guards.js';
import { Headquarters, Team, Township } from '../catalog/catalog.types.js';
import { CadreRecord, NominateReserveInput, ReserveNomination } from './cadre-record.types.js';
import { Cadre } from './cadre.types.js';

@Resolver(() => CadreRecord)
export class CadreRecordResolver {
  @Query(() => [CadreRecord], {
    description: 'Records of a team’s cadres (those the caller may see), by name.',
  })
  cadreRecords(
    @Ctx() ctx: GatewayContext,
    @Arg('teamId', () => ID, { description: 'The work team.' }) teamId: string,
  ): Promise<CadreRecord[]> {
    requirePrincipal(ctx);
    return ctx.services.cadreRecords.forTeam(ctx, teamId);
  }

  @Query(() => CadreRecord, { nullable: true, description: 'One cadre’s record; null when not visible.' })
  cadreRecord(
    @Ctx() ctx: GatewayContext,
    @Arg('cadreId', () => ID, { description: 'The cadre.' }) cadreId: string,
  ): Promise<CadreRecord | null> {
    requirePrincipal(ctx);
    return ctx.services.cadreRecords.forCadre(ctx, cadreId);
  }

  @Query(() => [ReserveNomination], {
    description: 'The reserve pool (后备干部库), newest first. District only: FORBIDDEN to anyone else.',
  })
  reservePool(@Ctx() ctx: GatewayContext): Promise<ReserveNomination[]> {
    return ctx.services.cadreRecords.pool(ctx);
  }

  @Mutation(() => ReserveNomination, {
    description:
      'Nominate a cadre to the reserve pool with a reason (the supervision group; audited). CONFLICT if already in it.',
  })
  nominateToReserve(
    @Ctx() ctx: GatewayContext,
    @Arg('input', () => NominateReserveInput, { description: 'Cadre and reason.' })
    input: NominateReserveInput,
  ): Promise<ReserveNomination> {
    return ctx.services.cadreRecords.nominate(ctx, input.cadreId, input.reason);
  }

  @FieldResolver(() => Team, { nullable: true, description: 'The cadre’s team.' })
  team(@Root() r: CadreRecord, @Ctx() ctx: GatewayContext): Promise<Team | null> {
    return ctx.loaders.team.load(r.teamId);
  }
}

@Resolver(() => ReserveNomination)
export class ReserveNominationResolver {
  @FieldResolver(() => Cadre, { nullable: true, description: 'The nominated cadre.' })
  cadre(@Root() r: ReserveNomination, @Ctx() ctx: GatewayContext): Promise<Cadre | null> {
    return ctx.loaders.cadre.load(r.cadreId);
  }

  @FieldResolver(() => CadreRecord, { nullable: true, description: 'The cadre’s record.' })
  record(@Root() r: ReserveNomination, @Ctx() ctx: GatewayContext): Promise<CadreRecord | null> {
    return ctx.services.cadreRecords.forCadre(ctx, r.cadreId);
  }
}

@Resolver(() => Cadre)
export class CadreResolver {
  @FieldResolver(() => Team, { nullable: true, description: 'The cadre’s work team.' })
  team(@Root() c: Cadre, @Ctx() ctx: GatewayContext): Promise<Team | null> {
    return ctx.loaders.team.load(c.teamId);
  }

  @FieldResolver(() => Township, {
    nullable: true,
    description: 'Home township (null for a district unit’s cadre).',
  })
  homeTownship(@Root() c: Cadre, @Ctx() ctx: GatewayContext): Township | null {
    return ctx.services.catalogue.township(c.townshipId);
  }

  @FieldResolver(() => Headquarters, { description: 'The headquarters the cadre works for.' })
  headquarters(@Root() c: Cadre, @Ctx() ctx: GatewayContext): Headquarters | null {
    return ctx.services.catalogue.headquartersOf(c.headquartersId);
  }
}
