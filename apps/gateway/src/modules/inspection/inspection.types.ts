import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Headquarters, Team } from '../catalog/catalog.types.js';

export enum InspectionTargetKind {
  HEADQUARTERS = 'headquarters',
  TEAM = 'team',
}
registerEnumType(InspectionTargetKind, {
  name: 'InspectionTargetKind',
  description: 'What a 四察四看 inspection scores: a HEADQUARTERS (指挥部) or a work TEAM (工作组).',
});

@ObjectType({
  simpleResolvers: true,
  description: 'A 四察四看 score of one headquarters or team for one period, by the supervision group.',
})
export class Inspection {
  @Field(() => ID, { description: 'Stable id (UUID).' })
  id!: string;

  @Field(() => String, {
    description: 'Period: ISO week (2020-W43), month (2020-10) or interval (a/b dates).',
  })
  period!: string;

  @Field(() => InspectionTargetKind, { description: 'Headquarters or team.' })
  targetKind!: InspectionTargetKind;

  @Field(() => Headquarters, { description: 'The headquarters scored, or the team’s headquarters.' })
  headquarters!: Headquarters;

  @Field(() => Team, { nullable: true, description: 'The team scored (null for a headquarters).' })
  team!: Team | null;

  @Field(() => Float, { description: 'Total score, 0–100.' })
  score!: number;

  @Field(() => GraphQLJSON, {
    description: 'Sub-scores (察进度看成效, 察作风看担当, 察协作看合力, 察民意看满意, …) as recorded.',
  })
  items!: unknown;

  @Field(() => String, { nullable: true, description: 'Inspectors’ note.' })
  note!: string | null;

  @Field(() => String, { description: 'Who recorded it.' })
  recordedBy!: string;

  @Field(() => Date, { description: 'When it was recorded.' })
  recordedAt!: Date;

  headquartersId!: string;
  teamId!: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'An inspection with its place among the same kind of targets in its period.',
})
export class InspectionRanking extends Inspection {
  @Field(() => Int, { description: 'Rank by score, 1 = best; ties share a rank.' })
  rank!: number;

  @Field(() => Int, {
    description: 'In how many of the recent periods (see `window`) this target ranked last.',
  })
  lastPlaceCount!: number;

  @Field(() => Boolean, {
    description:
      'Ranked last in at least 2 of the recent periods: flagged for the leadership (多次排名靠后).',
  })
  flaggedLast!: boolean;

  @Field(() => Int, {
    description:
      'In how many inspection periods so far (up to and including this one) this target ranked last.',
  })
  lastPlaceTotal!: number;

  @Field(() => Boolean, {
    description:
      'Ranked last in at least N periods (AWARD_LOSS_LAST_PLACES, default 3): loses its annual award eligibility ' +
      '(取消年度评优评先资格).',
  })
  losesAwardEligibility!: boolean;
}
