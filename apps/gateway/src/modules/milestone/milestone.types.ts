import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../graphql/page-info.js';

@ObjectType({
  simpleResolvers: true,
  description:
    'A milestone (里程碑): a scope crossing a threshold — 50/80/90/100 % of households measured or signed, every ' +
    '500,000 m² of the campaign, the first team to measure all its households. Each happens once and is stored; ' +
    'public to every signed-in caller.',
})
export class Milestone {
  @Field(() => ID, { description: 'Stable id (UUID).' })
  id!: string;

  @Field(() => String, { description: 'Global recording order (increasing; gaps possible).' })
  seq!: string;

  @Field(() => String, {
    description: 'Scope kind: campaign, headquarters, township, pairing, team or village.',
  })
  scopeKind!: string;

  @Field(() => String, { description: 'Scope code (`main` for the campaign).' })
  scopeCode!: string;

  @Field(() => String, {
    description: 'MEASURED_PCT, SIGNED_PCT, CAMPAIGN_AREA or FIRST_TEAM_FULL_MEASUREMENT.',
  })
  kind!: string;

  @Field(() => Float, { description: 'The threshold crossed: a percentage, or m² for CAMPAIGN_AREA.' })
  threshold!: number;

  @Field(() => Date, { description: 'When it was reached.' })
  reachedAt!: Date;

  townshipId!: string | null;
  headquartersId!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'An edge of the milestones connection.' })
export class MilestoneEdge {
  @Field(() => String, {
    description: 'Opaque cursor: pass it as `after` to `milestones` or to `milestoneReached`.',
  })
  cursor!: string;

  @Field(() => Milestone, { description: 'The milestone.' })
  node!: Milestone;
}

@ObjectType({
  simpleResolvers: true,
  description: 'Milestones in recording order, oldest first (Relay connection).',
})
export class MilestoneConnection {
  @Field(() => [MilestoneEdge], { description: 'The milestones of this page.' })
  edges!: MilestoneEdge[];

  @Field(() => PageInfo, { description: 'Paging.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'All milestones recorded so far.' })
  totalCount!: number;
}

/** A live milestone event, or a replayed one that carries its row already. */
export interface MilestonePayload {
  milestoneId: string;
  seq: string;
  row?: Milestone;
}
