import { Field, ID, InputType } from 'type-graphql';
import { PlanAction } from './plan.types.js';

@InputType({ description: 'One household in a plan.' })
export class PlanItemInput {
  @Field(() => ID, { description: 'The household (worked by the team).' })
  householdId!: string;

  @Field(() => PlanAction, { description: 'MEASURE a surveyed household, or ASSESS a measured one.' })
  action!: PlanAction;

  @Field(() => String, {
    nullable: true,
    description: 'The assessment group sent (ASSESS only, e.g. 评估一组).',
  })
  assessmentGroup?: string | null;
}

@InputType({ description: 'A team’s plan for a coming day. Making it again for the same day replaces it.' })
export class PlanTeamDayInput {
  @Field(() => ID, { description: 'The team.' })
  teamId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The Shanghai day planned (YYYY-MM-DD): tomorrow when omitted; at most a week ahead.',
  })
  day?: string | null;

  @Field(() => [PlanItemInput], { description: 'The households, each once.' })
  items!: PlanItemInput[];
}
