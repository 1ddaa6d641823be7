import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'A cadre (干部) of a work team.' })
export class Cadre {
  @Field(() => ID, { description: 'Stable id (UUID).' })
  id!: string;

  @Field(() => String, { description: 'Name (e.g. 林志强).' })
  name!: string;

  teamId!: string;
  townshipId!: string | null;
  headquartersId!: string;
}

export const CADRE_COLUMNS = `c.id, c.name_zh AS name, c.team_id AS "teamId", c.township_id AS "townshipId",
  c.headquarters_id AS "headquartersId"`;
