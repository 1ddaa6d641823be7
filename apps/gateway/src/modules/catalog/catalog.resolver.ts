import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { requirePrincipal } from '../../guards.js';
import type { GatewayContext } from '../../context.js';
import { TEAM_COLUMNS, VILLAGE_COLUMNS } from './catalog.loaders.js';
import { DistrictUnit, Headquarters, Team, Township, Village } from './catalog.types.js';

@Resolver()
export class CatalogResolver {
  @Query(() => [Township], { description: 'The ten townships; public to every caller.' })
  townships(@Ctx() ctx: GatewayContext): Township[] {
    return ctx.services.catalogue.townships();
  }

  @Query(() => [Headquarters], { description: 'The seven headquarters; public to every caller.' })
  headquarters(@Ctx() ctx: GatewayContext): Headquarters[] {
    return ctx.services.catalogue.headquarters();
  }

  @Query(() => [Village], { description: 'Villages the caller may see, by code. Sign-in required.' })
  villages(
    @Ctx() ctx: GatewayContext,
    @Arg('townshipCode', () => String, { nullable: true, description: 'Only this township.' })
    townshipCode?: string,
  ): Promise<Village[]> {
    requirePrincipal(ctx);
    const township = townshipCode ? ctx.services.catalogue.townshipByCode(townshipCode) : null;
    if (townshipCode && !township) return Promise.resolve([]);
    return ctx.tx.query<Village>(
      `SELECT ${VILLAGE_COLUMNS} FROM village v WHERE ($1::uuid IS NULL OR v.township_id = $1) ORDER BY v.code`,
      [township?.id ?? null],
    );
  }

  @Query(() => [Team], { description: 'Work teams the caller may see, by code. Sign-in required.' })
  teams(@Ctx() ctx: GatewayContext): Promise<Team[]> {
    requirePrincipal(ctx);
    return ctx.tx.query<Team>(
      `SELECT ${TEAM_COLUMNS} FROM work_team t LEFT JOIN district_unit u ON u.id = t.home_unit_id ORDER BY t.code`,
    );
  }
}

@Resolver(() => Village)
export class VillageResolver {
  @FieldResolver(() => Township, { description: 'The township the village is in.' })
  township(@Root() village: Village, @Ctx() ctx: GatewayContext): Township | null {
    return ctx.services.catalogue.township(village.townshipId);
  }

  @FieldResolver(() => Headquarters, {
    description: 'The headquarters whose project area the village is in.',
  })
  headquarters(@Root() village: Village, @Ctx() ctx: GatewayContext): Headquarters | null {
    return ctx.services.catalogue.headquartersOf(village.headquartersId);
  }
}

@Resolver(() => Team)
export class TeamResolver {
  @FieldResolver(() => Township, {
    nullable: true,
    description: 'Home township (null when from a district unit).',
  })
  homeTownship(@Root() team: Team, @Ctx() ctx: GatewayContext): Township | null {
    return ctx.services.catalogue.township(team.homeTownshipId);
  }

  @FieldResolver(() => DistrictUnit, {
    nullable: true,
    description: 'Home district unit (null when from a township).',
  })
  homeUnit(@Root() team: Team): DistrictUnit | null {
    return team.homeUnitCode ? { code: team.homeUnitCode, nameZh: team.homeUnitName ?? '' } : null;
  }

  @FieldResolver(() => Headquarters, { description: 'The headquarters the team works for.' })
  headquarters(@Root() team: Team, @Ctx() ctx: GatewayContext): Headquarters | null {
    return ctx.services.catalogue.headquartersOf(team.headquartersId);
  }

  @FieldResolver(() => Team, { nullable: true, description: 'Parent team of a sub-group (分组).' })
  parent(@Root() team: Team, @Ctx() ctx: GatewayContext): Promise<Team | null> | null {
    return team.parentId ? ctx.loaders.team.load(team.parentId) : null;
  }
}
