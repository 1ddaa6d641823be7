// Writes the demo's visits, disputes and the escalation the article's evening groups raised (issue 14).
import type pg from 'pg';
import { bulkInsert, iso } from './bulk-insert.js';
import type { SeedDispute, SeedFieldWork, SeedVisit } from './build-field-work.js';

const SEED_HASH = 'seed';

export async function writeFieldWork(
  client: pg.PoolClient,
  work: SeedFieldWork,
  now: Date,
  onBatch: (written: number) => void,
): Promise<{ escalations: number }> {
  await bulkInsert(
    client,
    'visit',
    [
      { name: 'id', type: 'uuid', value: (v: SeedVisit) => v.id },
      { name: 'township_id', type: 'uuid', value: (v) => v.household.village.townshipId },
      { name: 'headquarters_id', type: 'uuid', value: (v) => v.household.village.headquartersId },
      { name: 'team_home_township_id', type: 'uuid', value: (v) => v.household.team.townshipId },
      { name: 'household_id', type: 'uuid', value: (v) => v.household.id },
      { name: 'team_id', type: 'uuid', value: (v) => v.household.team.id },
      { name: 'cadre_id', type: 'uuid', value: (v) => v.cadreId },
      { name: 'visited_at', type: 'timestamptz', value: (v) => iso(v.visitedAt) },
      { name: 'met_with', type: 'text', value: (v) => v.metWith },
      { name: 'purpose', type: 'text', value: (v) => v.purpose },
      { name: 'outcome', type: 'text', value: (v) => v.outcome },
      { name: 'next_step', type: 'text', value: (v) => v.nextStep },
      { name: 'off_hours', type: 'boolean', value: (v) => v.offHours },
      { name: 'actor_subject', type: 'text', value: (v) => v.actor.subject },
      { name: 'membership_id', type: 'uuid', value: (v) => v.actor.membershipId },
      { name: 'idempotency_key', type: 'text', value: (v) => v.key },
      { name: 'request_hash', type: 'text', value: () => SEED_HASH },
      { name: 'created_at', type: 'timestamptz', value: (v) => iso(v.visitedAt) },
    ],
    work.visits,
    onBatch,
  );
  const stamp = (d: SeedDispute, state: string) => (d.state === state && d.closedAt ? iso(d.closedAt) : null);
  await bulkInsert(
    client,
    'dispute',
    [
      { name: 'id', type: 'uuid', value: (d: SeedDispute) => d.id },
      { name: 'township_id', type: 'uuid', value: (d) => d.household.village.townshipId },
      { name: 'headquarters_id', type: 'uuid', value: (d) => d.household.village.headquartersId },
      { name: 'team_home_township_id', type: 'uuid', value: (d) => d.household.team.townshipId },
      { name: 'household_id', type: 'uuid', value: (d) => d.household.id },
      { name: 'team_id', type: 'uuid', value: (d) => d.household.team.id },
      { name: 'category', type: 'text', value: (d) => d.category },
      { name: 'state', type: 'text', value: (d) => d.state },
      { name: 'mediator', type: 'text', value: (d) => d.mediator },
      { name: 'mediator_cadre_id', type: 'uuid', value: (d) => d.mediatorCadreId },
      { name: 'notes', type: 'text', value: (d) => d.notes },
      {
        name: 'version',
        type: 'int',
        value: (d) => 1 + (d.mediationStartedAt ? 1 : 0) + (d.closedAt ? 1 : 0),
      },
      { name: 'opened_by', type: 'text', value: (d) => d.actor.subject },
      { name: 'idempotency_key', type: 'text', value: (d) => d.key },
      { name: 'request_hash', type: 'text', value: () => SEED_HASH },
      { name: 'opened_at', type: 'timestamptz', value: (d) => iso(d.openedAt) },
      {
        name: 'mediation_started_at',
        type: 'timestamptz',
        value: (d) => (d.mediationStartedAt ? iso(d.mediationStartedAt) : null),
      },
      { name: 'resolved_at', type: 'timestamptz', value: (d) => stamp(d, 'RESOLVED') },
      { name: 'escalated_at', type: 'timestamptz', value: (d) => stamp(d, 'ESCALATED') },
      {
        name: 'updated_at',
        type: 'timestamptz',
        value: (d) => iso(d.closedAt ?? d.mediationStartedAt ?? d.openedAt),
      },
    ],
    work.disputes,
    onBatch,
  );
  // The escalated dispute goes up as a 症结难题 of its headquarters, already taken to the next 推进会.
  const escalated = work.disputes.find((d) => d.state === 'ESCALATED');
  if (!escalated?.closedAt) return { escalations: 0 };
  const triagedAt = new Date(escalated.closedAt.getTime() + 20 * 3_600_000);
  const triaged = triagedAt.getTime() < now.getTime();
  await client.query(
    `INSERT INTO escalation (headquarters_id, description, help_needed, household_ids, village_ids, dispute_id,
       state, meeting, version, raised_by, idempotency_key, request_hash, raised_at, triaged_at)
     VALUES ($1, $2, $3, ARRAY[$4]::uuid[], ARRAY[$5]::uuid[], $6, $7, $8, $9, 'seed:baitang-lake',
       'seed-escalation-1', $10, $11, $12)`,
    [
      escalated.household.village.headquartersId,
      `${escalated.household.code} 户${escalated.notes.replace(/^\[[^\]]*\] /, '')},多次调解未果`,
      '请求区司法局、属地派出所协助调处,明确继承份额后再行签约',
      escalated.household.id,
      escalated.household.village.id,
      escalated.id,
      triaged ? 'TRIAGED' : 'RAISED',
      triaged ? '白塘湖片区征迁推进会' : null,
      triaged ? 2 : 1,
      SEED_HASH,
      iso(escalated.closedAt),
      triaged ? iso(triagedAt) : null,
    ],
  );
  onBatch(1);
  return { escalations: 1 };
}
