import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { CompensationChoice, Stage } from '../../graphql/enums.js';

@InputType({ description: 'Move a household one stage forward, with what that stage records.' })
export class AdvanceStageInput {
  @Field(() => ID, { description: 'Household id.' })
  householdId!: string;

  @Field(() => Stage, { description: 'The next stage (exactly one step forward).' })
  toStage!: Stage;

  @Field(() => String, {
    description:
      'Client-chosen key, unique per request of this user: a retry with the same key and input returns the first result and writes nothing.',
  })
  idempotencyKey!: string;

  @Field(() => Int, {
    description: 'The household `version` the client saw; a different current version is a CONFLICT.',
  })
  expectedVersion!: number;

  @Field(() => Float, { nullable: true, description: 'MEASURED: measured building area, m².' })
  measuredBuildingAreaM2?: number | null;

  @Field(() => Float, { nullable: true, description: 'MEASURED: measured land area, m².' })
  measuredLandAreaM2?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'ASSESSED: assessed amount in yuan, as an exact decimal string ("1234567.89").',
  })
  assessedAmountYuan?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'SIGNED: agreed amount in yuan, as an exact decimal string.',
  })
  agreedAmountYuan?: string | null;

  @Field(() => CompensationChoice, {
    nullable: true,
    description: 'SIGNED: CASH 货币补偿 or PROPERTY_SWAP 产权置换.',
  })
  compensationChoice?: CompensationChoice | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'SIGNED with PROPERTY_SWAP: the resettlement site drawn on — one of the household’s own headquarters ' +
      '(BAD_USER_INPUT otherwise, or when the site has no units left).',
  })
  resettlementSiteId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The cadre credited with the work (measurements and signings count in cadre records): a cadre of the ' +
      'household’s team (BAD_USER_INPUT otherwise).',
  })
  cadreId?: string | null;
}

@InputType({ description: 'Move a household one stage back (a correction by a commander), with a reason.' })
export class RevertStageInput {
  @Field(() => ID, { description: 'Household id.' })
  householdId!: string;

  @Field(() => String, { description: 'Why the record is corrected (required, ≤ 500 characters).' })
  reason!: string;

  @Field(() => String, { description: 'Client-chosen idempotency key (see AdvanceStageInput).' })
  idempotencyKey!: string;

  @Field(() => Int, { description: 'The household `version` the client saw.' })
  expectedVersion!: number;
}
