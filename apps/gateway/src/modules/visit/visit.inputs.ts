import { VisitPurpose } from '@hanjiang/domain';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A visit to record. `idempotencyKey` makes a retry return the first visit.' })
export class RecordVisitInput {
  @Field(() => ID, { description: 'Household visited.' })
  householdId!: string;

  @Field(() => Date, { description: 'When the visit took place (not in the future).' })
  visitedAt!: Date;

  @Field(() => String, { description: 'Whom the cadre met (1–200 characters).' })
  metWith!: string;

  @Field(() => VisitPurpose, { description: 'Purpose.' })
  purpose!: VisitPurpose;

  @Field(() => String, { description: 'Outcome (1–2000 characters).' })
  outcome!: string;

  @Field(() => String, { nullable: true, description: 'Next step (up to 2000 characters).' })
  nextStep?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The cadre who visited, credited in cadre records; a cadre of the household’s team.',
  })
  cadreId?: string | null;

  @Field(() => String, { description: 'Client-generated key (8–200 characters), unique per visit.' })
  idempotencyKey!: string;
}

@InputType({ description: 'Which visits to list.' })
export class VisitFilter {
  @Field(() => ID, { nullable: true, description: 'Only this household.' })
  householdId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this work team.' })
  teamId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Visited at or after.' })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Visited before.' })
  until?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only off-hours (true) or working-hours (false) visits.',
  })
  offHours?: boolean | null;
}
