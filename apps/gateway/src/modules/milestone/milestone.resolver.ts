import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { requirePrincipal } from '../../guards.js';
import type { GatewayContext } from '../../context.js';
import { Headquarters, Township } from '../catalog/catalog.types.js';
import { encodeMilestoneCursor, MAX_MILESTONE_PAGE } from './milestone.service.js';
import { Milestone, MilestoneConnection } from './milestone.types.js';

@Resolver(() => Milestone)
export class MilestoneResolver {
  @Query(() => MilestoneConnection, {
    description:
      `Milestones oldest first (first ≤ ${MAX_MILESTONE_PAGE}). The last edge's cursor is what a screen passes ` +
      'to `milestoneReached(after:)` to miss nothing across a reconnect.',
  })
  milestones(
    @Ctx() ctx: GatewayContext,
    @Arg('first', () => Int, { defaultValue: 20, description: `Page size, 1–${MAX_MILESTONE_PAGE}.` })
    first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' })
    after: string | null,
  ): Promise<MilestoneConnection> {
    requirePrincipal(ctx);
    return ctx.services.milestones.page(ctx, first, after);
  }

  @FieldResolver(() => String, {
    description: 'Opaque cursor of this milestone, for `milestones(after:)` and `milestoneReached(after:)`.',
  })
  cursor(@Root() m: Milestone): string {
    return encodeMilestoneCursor(m.seq);
  }

  @FieldResolver(() => Township, {
    nullable: true,
    description: 'Township of the scope (township, village, team scopes); null otherwise.',
  })
  township(@Root() m: Milestone, @Ctx() ctx: GatewayContext): Township | null {
    return ctx.services.catalogue.township(m.townshipId);
  }

  @FieldResolver(() => Headquarters, {
    nullable: true,
    description: 'Headquarters of the scope; null for campaign and pairing scopes.',
  })
  headquarters(@Root() m: Milestone, @Ctx() ctx: GatewayContext): Headquarters | null {
    return ctx.services.catalogue.headquartersOf(m.headquartersId);
  }
}
