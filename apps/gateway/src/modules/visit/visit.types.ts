import { VisitPurpose } from '@hanjiang/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

registerEnumType(VisitPurpose, {
  name: 'VisitPurpose',
  description:
    'Why a cadre visited: POLICY_EXPLANATION 政策宣讲, SOCIAL_RELATIONS_SURVEY 社会关系摸排, MEASUREMENT_APPOINTMENT ' +
    '预约丈量, SIGNING_TALK 签约洽谈, OTHER 其他.',
});

@ObjectType({
  simpleResolvers: true,
  description:
    'A visit to a household (入户走访) recorded by a cadre. Visible like the household; off-hours visits (错时走访, ' +
    'outside the configured working day in Asia/Shanghai) are marked.',
})
export class Visit {
  @Field(() => ID, { description: 'Stable id (UUID).' })
  id!: string;

  @Field(() => Date, { description: 'When the visit took place (as the cadre recorded it).' })
  visitedAt!: Date;

  @Field(() => String, { description: 'Whom the cadre met (户主本人, 配偶, 子女, …).' })
  metWith!: string;

  @Field(() => VisitPurpose, { description: 'Purpose of the visit.' })
  purpose!: VisitPurpose;

  @Field(() => String, { description: 'Outcome (走访情况).' })
  outcome!: string;

  @Field(() => String, { nullable: true, description: 'Next step (下一步).' })
  nextStep!: string | null;

  @Field(() => Boolean, {
    description: 'Outside working hours in Asia/Shanghai when recorded (错时走访); kept as counted then.',
  })
  offHours!: boolean;

  @Field(() => Date, { description: 'When the gateway stored it (an offline phone may send it later).' })
  recordedAt!: Date;

  householdId!: string;
  teamId!: string | null;
  cadreId!: string | null;
  townshipId!: string;
  headquartersId!: string;
  requestHash!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: 'Visits counted in the caller’s scope (错时走访 among them).',
})
export class VisitSummary {
  @Field(() => Int, { description: 'Visits.' })
  visits!: number;

  @Field(() => Int, { description: 'Of which off-hours.' })
  offHoursVisits!: number;

  @Field(() => Int, { description: 'Distinct households visited.' })
  households!: number;
}

export const VISIT_COLUMNS = `v.id, v.visited_at AS "visitedAt", v.met_with AS "metWith", v.purpose, v.outcome,
  v.next_step AS "nextStep", v.off_hours AS "offHours", v.created_at AS "recordedAt", v.household_id AS "householdId",
  v.team_id AS "teamId", v.cadre_id AS "cadreId", v.township_id AS "townshipId", v.headquarters_id AS "headquartersId",
  v.request_hash AS "requestHash"`;
