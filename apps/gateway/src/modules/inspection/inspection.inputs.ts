import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, ID, InputType } from 'type-graphql';
import { InspectionTargetKind } from './inspection.types.js';

@InputType({ description: 'A 四察四看 score to record. One per target and period.' })
export class RecordInspectionInput {
  @Field(() => InspectionTargetKind, { description: 'Score a headquarters or a team.' })
  targetKind!: InspectionTargetKind;

  @Field(() => String, { description: 'The headquarters scored, or the team’s headquarters.' })
  headquartersCode!: string;

  @Field(() => ID, { nullable: true, description: 'The team scored (TEAM only).' })
  teamId?: string | null;

  @Field(() => String, {
    description:
      'Period: ISO week (2020-W43), month (2020-10) or interval (2020-10-19/2020-10-25); already begun.',
  })
  period!: string;

  @Field(() => Float, { description: 'Total score, 0–100, at most 2 decimals.' })
  score!: number;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description:
      'Sub-scores: an object of numbers, or of { score, labelZh? } (e.g. { progress: { labelZh: "察进度看成效", ' +
      'score: 22.5 } }). When given, they must add up to `score`.',
  })
  items?: unknown;

  @Field(() => String, { nullable: true, description: 'Note (at most 2,000 characters).' })
  note?: string | null;
}
