import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Team } from '../catalog/catalog.types.js';

export enum PlanAction {
  MEASURE = 'MEASURE',
  ASSESS = 'ASSESS',
}
registerEnumType(PlanAction, {
  name: 'PlanAction',
  description: 'What a plan sends to a household: MEASURE (丈量) or ASSESS (派评估组评估).',
});

@ObjectType({ simpleResolvers: true, description: 'One household in a team’s plan for a day.' })
export class TeamPlanItem {
  @Field(() => ID, { description: 'The household.' })
  householdId!: string;

  @Field(() => String, { description: 'The household’s code.' })
  householdCode!: string;

  @Field(() => PlanAction, { description: 'Measure it, or send an assessment group.' })
  action!: PlanAction;

  @Field(() => String, { nullable: true, description: 'The assessment group sent (ASSESS only).' })
  assessmentGroup!: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'A team’s plan for one day (次日计划, 白沙: 提前确定次日丈量户和评估组), checked against the stage machine when made.',
})
export class TeamPlan {
  @Field(() => ID, { description: 'Stable id (UUID).' })
  id!: string;

  @Field(() => Team, { description: 'The team the plan is for.' })
  team!: Team;

  @Field(() => String, { description: 'The Shanghai calendar day planned (YYYY-MM-DD).' })
  day!: string;

  @Field(() => String, { description: 'Who made (or last replaced) the plan.' })
  plannedBy!: string;

  @Field(() => Date, { description: 'When the plan was last made.' })
  updatedAt!: Date;

  @Field(() => [TeamPlanItem], { description: 'Households to measure, then households to assess, by code.' })
  items!: TeamPlanItem[];

  teamId!: string;
}
