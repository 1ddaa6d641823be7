import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'A blocker to raise. `idempotencyKey` makes a retry return the first.' })
export class RaiseEscalationInput {
  @Field(() => String, { description: 'The raising headquarters (e.g. `baitang-lake`).' })
  headquartersCode!: string;

  @Field(() => String, { description: 'What the blocker is (1–2000 characters).' })
  description!: string;

  @Field(() => String, { description: 'The help needed (1–2000 characters).' })
  helpNeeded!: string;

  @Field(() => [ID], {
    defaultValue: [],
    description: 'Households it concerns (of this headquarters, at most 100).',
  })
  householdIds!: string[];

  @Field(() => [ID], {
    defaultValue: [],
    description: 'Villages it concerns (of this headquarters, at most 50).',
  })
  villageIds!: string[];

  @Field(() => ID, { nullable: true, description: 'The escalated dispute it comes from, if any.' })
  disputeId?: string | null;

  @Field(() => String, { description: 'Client-generated key (8–200 characters).' })
  idempotencyKey!: string;
}

@InputType({ description: 'A step of the supervision group on an escalation.' })
export class EscalationStepInput {
  @Field(() => ID, { description: 'The escalation.' })
  escalationId!: string;

  @Field(() => Int, { description: 'The version the caller saw (CONFLICT if it changed since).' })
  expectedVersion!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'The meeting (for triage, required) or the decision (for decide, required); unused for close.',
  })
  text?: string | null;
}
