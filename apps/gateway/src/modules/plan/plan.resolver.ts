import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { PlanTeamDayInput } from './plan.inputs.js';
import { TeamPlan } from './plan.types.js';

@Resolver()
export class PlanResolver {
  @Mutation(() => TeamPlan, {
    description:
      'Make (or replace) a team’s plan for a coming day: households to measure and assessment groups to send. ' +
      'Team lead only (a cadre of the team, a commander of its township or headquarters). Refused as ' +
      'BAD_USER_INPUT with every problem at once in `extensions.problems` (zh and en): a household the team does ' +
      'not work, one that cannot be measured or assessed next (e.g. assessing an unmeasured household).',
  })
  planTeamDay(
    @Ctx() ctx: GatewayContext,
    @Arg('input', () => PlanTeamDayInput, { description: 'Team, day and households.' })
    input: PlanTeamDayInput,
  ): Promise<TeamPlan> {
    return ctx.services.plans.planDay(ctx, input);
  }

  @Query(() => TeamPlan, { description: 'A plan by id; NOT_FOUND outside the caller’s scope.' })
  teamPlan(
    @Ctx() ctx: GatewayContext,
    @Arg('id', () => ID, { description: 'The plan’s id.' }) id: string,
  ): Promise<TeamPlan> {
    return ctx.services.plans.byId(ctx, id);
  }

  @Query(() => [TeamPlan], { description: 'The plans for a day of the teams in the caller’s scope.' })
  teamPlans(
    @Ctx() ctx: GatewayContext,
    @Arg('day', () => String, { description: 'Shanghai calendar day, YYYY-MM-DD.' }) day: string,
  ): Promise<TeamPlan[]> {
    return ctx.services.plans.forDay(ctx, day);
  }
}
