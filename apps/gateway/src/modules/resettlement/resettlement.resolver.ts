import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { requirePrincipal } from '../../guards.js';
import type { GatewayContext } from '../../context.js';
import { CreateResettlementSiteInput } from './resettlement.inputs.js';
import { ResettlementSite } from './resettlement.types.js';

@Resolver()
export class ResettlementResolver {
  @Mutation(() => ResettlementSite, {
    description:
      'Create a resettlement site (安置房) for a headquarters. A commander of that headquarters or the district ' +
      'admin; the name is unique within the headquarters (CONFLICT otherwise).',
  })
  createResettlementSite(
    @Ctx() ctx: GatewayContext,
    @Arg('input', () => CreateResettlementSiteInput, { description: 'Headquarters, township, name, units.' })
    input: CreateResettlementSiteInput,
  ): Promise<ResettlementSite> {
    return ctx.services.resettlement.create(ctx, input);
  }

  @Query(() => [ResettlementSite], {
    description:
      'Resettlement sites the caller may see: all for the district; a headquarters its own; a township the ' +
      'sites in the township and those of the headquarters its work teams serve (where its cadres sign property ' +
      'swaps). A household draws units only from its own headquarters’ sites.',
  })
  resettlementSites(
    @Ctx() ctx: GatewayContext,
    @Arg('headquartersCode', () => String, { nullable: true, description: 'Only this headquarters.' })
    headquartersCode: string | null,
  ): Promise<ResettlementSite[]> {
    requirePrincipal(ctx);
    return ctx.services.resettlement.list(ctx, headquartersCode ?? null);
  }
}
