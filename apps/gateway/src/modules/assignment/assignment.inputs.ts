import { Field, ID, InputType } from 'type-graphql';

@InputType({
  description:
    'A work team and the villages and/or households to assign to it (or take from it). Villages are processed ' +
    'before households, so one call can give a team a village and that village’s households.',
})
export class TeamAssignmentInput {
  @Field(() => ID, { description: 'The work team.' })
  teamId!: string;

  @Field(() => [ID], {
    nullable: true,
    description: 'Villages (must be in the team’s headquarters’ project area).',
  })
  villageIds?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Households (their village must be worked by the team when assigning).',
  })
  householdIds?: string[] | null;
}
