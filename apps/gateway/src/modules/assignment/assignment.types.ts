import { Field, Int, ObjectType } from 'type-graphql';
import { Team, Village } from '../catalog/catalog.types.js';

@ObjectType({ simpleResolvers: true, description: 'A team after an assignment change, and what changed.' })
export class TeamAssignmentResult {
  @Field(() => Team, { description: 'The work team.' })
  team!: Team;

  @Field(() => Int, { description: 'Villages newly assigned (or removed); ones already so are not counted.' })
  villagesChanged!: number;

  @Field(() => Int, { description: 'Households that changed team; ones already so are not counted.' })
  householdsChanged!: number;

  @Field(() => [Village], { description: 'Villages the team works now (those the caller may see).' })
  villages!: Village[];
}
