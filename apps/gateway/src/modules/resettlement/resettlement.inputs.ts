import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'A new resettlement site.' })
export class CreateResettlementSiteInput {
  @Field(() => String, { description: 'Headquarters the site serves (e.g. `baitang-lake`).' })
  headquartersCode!: string;

  @Field(() => String, { description: 'Township the site is in; the headquarters must have villages there.' })
  townshipCode!: string;

  @Field(() => String, { description: 'Name, unique within the headquarters (at most 100 characters).' })
  name!: string;

  @Field(() => Int, { description: 'Units planned, 1–100,000.' })
  plannedUnits!: number;
}
