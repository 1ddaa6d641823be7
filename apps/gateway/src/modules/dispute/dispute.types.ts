import { DisputeCategory, DisputeState } from '@hanjiang/domain';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

registerEnumType(DisputeCategory, {
  name: 'DisputeCategory',
  description:
    'What a dispute (矛盾纠纷) is about: COMPENSATION_AMOUNT 补偿金额, RESETTLEMENT 安置, OWNERSHIP_INHERITANCE ' +
    '权属与继承, BOUNDARY_AREA 四至与面积, FAMILY_DISAGREEMENT 家庭内部分歧, OTHER 其他.',
});
registerEnumType(DisputeState, {
  name: 'DisputeState',
  description: 'OPEN 待调解 → MEDIATING 调解中 → RESOLVED 已化解 | ESCALATED 已上报.',
});

@ObjectType({
  simpleResolvers: true,
  description:
    'A dispute (矛盾纠纷) on a household and its mediation (提前调解). Visible like the household.',
})
export class Dispute {
  @Field(() => ID, { description: 'Stable id (UUID).' })
  id!: string;

  @Field(() => DisputeCategory, { description: 'Category.' })
  category!: DisputeCategory;

  @Field(() => DisputeState, { description: 'Current state.' })
  state!: DisputeState;

  @Field(() => String, { description: 'Mediator (a cadre, a village mediation committee member, …).' })
  mediator!: string;

  @Field(() => String, { description: 'Notes, each line stamped with when it was added.' })
  notes!: string;

  @Field(() => Int, {
    description: 'Optimistic-lock version; pass it as `expectedVersion` when moving the state.',
  })
  version!: number;

  @Field(() => Date, { description: 'When it was opened.' })
  openedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When mediation started.' })
  mediationStartedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was resolved (化解).' })
  resolvedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was escalated (上报).' })
  escalatedAt!: Date | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Resolution time in hours (opened → resolved), one decimal; null until resolved.',
  })
  resolutionHours!: number | null;

  householdId!: string;
  teamId!: string | null;
  mediatorCadreId!: string | null;
  townshipId!: string;
  headquartersId!: string;
  teamHomeTownshipId!: string | null;
  requestHash!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Disputes counted in the caller’s scope (or one team’s).' })
export class DisputeSummary {
  @Field(() => Int, { description: 'Open (待调解).' })
  open!: number;

  @Field(() => Int, { description: 'Being mediated (调解中).' })
  mediating!: number;

  @Field(() => Int, { description: 'Resolved (已化解).' })
  resolved!: number;

  @Field(() => Int, { description: 'Escalated (已上报).' })
  escalated!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean resolution time in hours (null when none resolved).',
  })
  meanResolutionHours!: number | null;

  @Field(() => Float, { nullable: true, description: 'Median resolution time in hours.' })
  medianResolutionHours!: number | null;
}

export const DISPUTE_COLUMNS = `d.id, d.category, d.state, d.mediator, d.notes, d.version, d.opened_at AS "openedAt",
  d.mediation_started_at AS "mediationStartedAt", d.resolved_at AS "resolvedAt", d.escalated_at AS "escalatedAt",
  round((extract(epoch FROM d.resolved_at - d.opened_at) / 3600)::numeric, 1)::float8 AS "resolutionHours",
  d.household_id AS "householdId", d.team_id AS "teamId", d.mediator_cadre_id AS "mediatorCadreId",
  d.township_id AS "townshipId", d.headquarters_id AS "headquartersId",
  d.team_home_township_id AS "teamHomeTownshipId", d.request_hash AS "requestHash"`;
