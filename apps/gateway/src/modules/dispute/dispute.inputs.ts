import { DisputeCategory, DisputeState } from '@hanjiang/domain';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({
  description: 'A dispute to open on a household. `idempotencyKey` makes a retry return the first.',
})
export class OpenDisputeInput {
  @Field(() => ID, { description: 'The household.' })
  householdId!: string;

  @Field(() => DisputeCategory, { description: 'Category.' })
  category!: DisputeCategory;

  @Field(() => String, { description: 'Mediator’s name (1–100 characters).' })
  mediator!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The mediator as a cadre of the household’s team (cadre records).',
  })
  mediatorCadreId?: string | null;

  @Field(() => String, { nullable: true, description: 'First notes (up to 2000 characters).' })
  notes?: string | null;

  @Field(() => String, { description: 'Client-generated key (8–200 characters).' })
  idempotencyKey!: string;
}

@InputType({ description: 'Move a dispute: OPEN → MEDIATING → RESOLVED or ESCALATED.' })
export class MoveDisputeInput {
  @Field(() => ID, { description: 'The dispute.' })
  disputeId!: string;

  @Field(() => DisputeState, { description: 'The state to move to.' })
  toState!: DisputeState;

  @Field(() => Int, { description: 'The version the caller saw (CONFLICT if it changed since).' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'A note to append (up to 2000 characters).' })
  note?: string | null;
}

@InputType({ description: 'Which disputes to list.' })
export class DisputeFilter {
  @Field(() => [DisputeState], { nullable: true, description: 'Only these states.' })
  states?: DisputeState[] | null;

  @Field(() => ID, { nullable: true, description: 'Only this work team.' })
  teamId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this household.' })
  householdId?: string | null;
}
