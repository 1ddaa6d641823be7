import { EscalationState } from '@hanjiang/domain';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

registerEnumType(EscalationState, {
  name: 'EscalationState',
  description: 'RAISED 已上报 → TRIAGED 已研判上会 → DECIDED 已作决定 → CLOSED 已办结.',
});

@ObjectType({
  simpleResolvers: true,
  description:
    'A blocker (症结难题) a headquarters raises to the supervision group (综合督查组), which takes it to a meeting, ' +
    'records the decision and closes it. Visible to the district and the raising headquarters.',
})
export class Escalation {
  @Field(() => ID, { description: 'Stable id (UUID).' })
  id!: string;

  @Field(() => String, { description: 'What the blocker is.' })
  description!: string;

  @Field(() => String, { description: 'The help needed.' })
  helpNeeded!: string;

  @Field(() => EscalationState, { description: 'Current state.' })
  state!: EscalationState;

  @Field(() => String, { nullable: true, description: 'The meeting it was taken to (e.g. 10月23日推进会).' })
  meeting!: string | null;

  @Field(() => String, { nullable: true, description: 'The decision recorded.' })
  decision!: string | null;

  @Field(() => Int, { description: 'Optimistic-lock version.' })
  version!: number;

  @Field(() => Date, { description: 'When it was raised.' })
  raisedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was triaged to a meeting.' })
  triagedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the decision was recorded.' })
  decidedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was closed.' })
  closedAt!: Date | null;

  @Field(() => Float, { description: 'Age in days: raised → closed, or → now while open (one decimal).' })
  ageDays!: number;

  headquartersId!: string;
  householdIds!: string[];
  villageIds!: string[];
  disputeId!: string | null;
  requestHash!: string;
}

export const ESCALATION_COLUMNS = `e.id, e.description, e.help_needed AS "helpNeeded", e.state, e.meeting, e.decision,
  e.version, e.raised_at AS "raisedAt", e.triaged_at AS "triagedAt", e.decided_at AS "decidedAt",
  e.closed_at AS "closedAt",
  round((extract(epoch FROM coalesce(e.closed_at, now()) - e.raised_at) / 86400)::numeric, 1)::float8 AS "ageDays",
  e.headquarters_id AS "headquartersId", e.household_ids::text[] AS "householdIds",
  e.village_ids::text[] AS "villageIds", e.dispute_id AS "disputeId", e.request_hash AS "requestHash"`;
