import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Headquarters, Township } from '../catalog/catalog.types.js';

@ObjectType({
  simpleResolvers: true,
  description: 'A resettlement site (安置房) of a headquarters: units planned for property-swap households.',
})
export class ResettlementSite {
  @Field(() => ID, { description: 'Stable id (UUID).' })
  id!: string;

  @Field(() => String, { description: 'Name (e.g. 白塘湖安置区一期).' })
  name!: string;

  @Field(() => Int, { description: 'Units planned.' })
  plannedUnits!: number;

  @Field(() => Int, { description: 'Units already allocated to signed property-swap households.' })
  allocatedUnits!: number;

  @Field(() => Int, { description: 'Units still free (planned − allocated).' })
  availableUnits!: number;

  @Field(() => Township, { description: 'Township the site is in.' })
  township!: Township;

  @Field(() => Headquarters, { description: 'Headquarters the site serves.' })
  headquarters!: Headquarters;
}
