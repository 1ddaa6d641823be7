import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { TeamAssignmentInput } from './assignment.inputs.js';
import { TeamAssignmentResult } from './assignment.types.js';

@Resolver()
export class AssignmentResolver {
  @Mutation(() => TeamAssignmentResult, {
    description:
      'Assign villages and/or households to a work team (a household leaves its previous team; its counts move ' +
      'with it). A commander of the team’s headquarters or the district admin.',
  })
  assignTeam(
    @Ctx() ctx: GatewayContext,
    @Arg('input', () => TeamAssignmentInput, { description: 'Team, villages, households.' })
    input: TeamAssignmentInput,
  ): Promise<TeamAssignmentResult> {
    return ctx.services.assignments.assign(ctx, input);
  }

  @Mutation(() => TeamAssignmentResult, {
    description:
      'Take villages and/or households from a work team. Taking a village also takes the team’s households in ' +
      'it (they are left without a team). Same callers as assignTeam.',
  })
  unassignTeam(
    @Ctx() ctx: GatewayContext,
    @Arg('input', () => TeamAssignmentInput, { description: 'Team, villages, households.' })
    input: TeamAssignmentInput,
  ): Promise<TeamAssignmentResult> {
    return ctx.services.assignments.unassign(ctx, input);
  }
}
