import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Stage } from '../../graphql/enums.js';
import { PageInfo } from '../../graphql/page-info.js';
import type { Team, Village } from '../catalog/catalog.types.js';

@ObjectType({
  simpleResolvers: true,
  description:
    'A household to be expropriated (征迁户). Personal data is masked unless the caller may see it.',
})
export class Household {
  @Field(() => ID, { description: 'Stable id (UUID).' })
  id!: string;

  @Field(() => String, { description: 'Household code, unique in the district (e.g. `BTH-JW-0001`).' })
  code!: string;

  @Field(() => Stage, { description: 'Current stage.' })
  stage!: Stage;

  @Field(() => Int, { description: 'Optimistic-lock version; pass it as `expectedVersion` when writing.' })
  version!: number;

  @Field(() => String, { description: 'Owner name (户主).' })
  ownerName!: string;

  @Field(() => Float, { description: 'Building area in m².' })
  buildingAreaM2!: number;

  @Field(() => Float, { description: 'Land area in m².' })
  landAreaM2!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Compensation choice once signed: CASH or PROPERTY_SWAP.',
  })
  compensationChoice!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the agreement was signed.' })
  signedAt!: Date | null;

  @Field(() => Date, { description: 'Last change.' })
  updatedAt!: Date;

  ownerIdNumberRaw!: string;
  phoneRaw!: string | null;
  assessedAmountFen!: string | null;
  agreedAmountFen!: string | null;
  townshipId!: string;
  headquartersId!: string;
  teamHomeTownshipId!: string | null;
  villageId!: string;
  teamId!: string | null;
  sortValue?: string;
  /** Village and team read with the page (null: not visible); absent when the row came from elsewhere. */
  villageRow?: Village | null;
  teamRow?: Team | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'One stage transition of a household: append-only, the household row is its projection.',
})
export class HouseholdEvent {
  @Field(() => ID, { description: 'Stable id (UUID).' })
  id!: string;

  @Field(() => String, { description: 'Global sequence, increasing in commit order.' })
  seq!: string;

  @Field(() => String, { description: '`ADVANCE` or `REVERT` (a commander’s correction).' })
  kind!: string;

  @Field(() => Stage, { description: 'Stage before.' })
  fromStage!: Stage;

  @Field(() => Stage, { description: 'Stage after.' })
  toStage!: Stage;

  @Field(() => Int, { description: 'Household version after this event.' })
  version!: number;

  @Field(() => String, { description: 'Who made the change (username or API key).' })
  actor!: string;

  @Field(() => GraphQLJSON, {
    description: 'What was recorded: measured areas, amounts, compensation choice, …',
  })
  payload!: unknown;

  @Field(() => String, { nullable: true, description: 'Reason of a correction.' })
  reason!: string | null;

  @Field(() => Date, { description: 'When it happened.' })
  occurredAt!: Date;

  householdId!: string;
  townshipId!: string;
  headquartersId!: string;
  teamId!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'An edge of the households connection.' })
export class HouseholdEdge {
  @Field(() => String, { description: 'Opaque cursor of this edge.' })
  cursor!: string;

  @Field(() => Household, { description: 'The household.' })
  node!: Household;
}

@ObjectType({ simpleResolvers: true, description: 'A page of households (Relay connection).' })
export class HouseholdConnection {
  @Field(() => [HouseholdEdge], { description: 'The households of this page.' })
  edges!: HouseholdEdge[];

  @Field(() => PageInfo, { description: 'Paging.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Households matching the filter that the caller may see (all pages).' })
  totalCount!: number;
}
