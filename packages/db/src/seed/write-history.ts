// Writes households (the projection), their events in time order (so `seq` follows time) and milestones.
import type pg from 'pg';
import { centsToDecimal } from './areas.js';
import { bulkInsert, iso } from './bulk-insert.js';
import type { SeedEvent, SeedHousehold, SeedMilestone } from './model.js';

export async function writeHouseholds(
  client: pg.PoolClient,
  households: readonly SeedHousehold[],
  onBatch: (written: number) => void,
): Promise<void> {
  await bulkInsert(
    client,
    'household',
    [
      { name: 'id', type: 'uuid', value: (h: SeedHousehold) => h.id },
      { name: 'township_id', type: 'uuid', value: (h) => h.village.townshipId },
      { name: 'headquarters_id', type: 'uuid', value: (h) => h.village.headquartersId },
      { name: 'team_home_township_id', type: 'uuid', value: (h) => h.team.townshipId },
      { name: 'village_id', type: 'uuid', value: (h) => h.village.id },
      { name: 'team_id', type: 'uuid', value: (h) => h.team.id },
      { name: 'code', type: 'text', value: (h) => h.code },
      { name: 'owner_name', type: 'text', value: (h) => h.ownerName },
      { name: 'owner_id_number', type: 'text', value: (h) => h.ownerIdNumber },
      { name: 'phone', type: 'text', value: (h) => h.phone },
      { name: 'building_area_m2', type: 'numeric', value: (h) => centsToDecimal(h.buildingCents) },
      { name: 'land_area_m2', type: 'numeric', value: (h) => centsToDecimal(h.landCents) },
      // bigint travels as text: a JavaScript number above 2^53 would not, and amounts stay exact.
      {
        name: 'assessed_amount_fen',
        type: 'bigint',
        value: (h) => (h.assessedFen === null ? null : String(h.assessedFen)),
      },
      {
        name: 'agreed_amount_fen',
        type: 'bigint',
        value: (h) => (h.agreedFen === null ? null : String(h.agreedFen)),
      },
      { name: 'compensation_choice', type: 'text', value: (h) => h.choice },
      { name: 'resettlement_site_id', type: 'uuid', value: (h) => h.siteId },
      { name: 'stage', type: 'text', value: (h) => h.stage },
      { name: 'version', type: 'int', value: (h) => h.version },
      {
        name: 'signed_at',
        type: 'timestamptz',
        value: (h) => (h.signedAt === null ? null : iso(h.signedAt)),
      },
      { name: 'created_at', type: 'timestamptz', value: (h) => iso(h.surveyedAt) },
      { name: 'updated_at', type: 'timestamptz', value: (h) => iso(h.updatedAt) },
    ],
    households,
    onBatch,
  );
}

export async function writeEvents(
  client: pg.PoolClient,
  eventsInTimeOrder: readonly SeedEvent[],
  onBatch: (written: number) => void,
  creditOf: ReadonlyMap<string, string> = new Map(),
): Promise<void> {
  await bulkInsert(
    client,
    'household_event',
    [
      { name: 'id', type: 'uuid', value: (e: SeedEvent) => e.id },
      { name: 'township_id', type: 'uuid', value: (e) => e.household.village.townshipId },
      { name: 'headquarters_id', type: 'uuid', value: (e) => e.household.village.headquartersId },
      { name: 'team_home_township_id', type: 'uuid', value: (e) => e.household.team.townshipId },
      { name: 'household_id', type: 'uuid', value: (e) => e.household.id },
      { name: 'team_id', type: 'uuid', value: (e) => e.household.team.id },
      { name: 'kind', type: 'text', value: () => 'ADVANCE' },
      { name: 'from_stage', type: 'text', value: (e) => e.fromStage },
      { name: 'to_stage', type: 'text', value: (e) => e.toStage },
      { name: 'version', type: 'int', value: (e) => e.version },
      { name: 'actor_subject', type: 'text', value: (e) => e.actorSubject },
      { name: 'membership_id', type: 'uuid', value: (e) => e.membershipId },
      { name: 'idempotency_key', type: 'text', value: (e) => e.idempotencyKey },
      { name: 'request_hash', type: 'text', value: (e) => e.requestHash },
      { name: 'payload', type: 'jsonb', value: (e) => JSON.stringify(e.payload) },
      { name: 'occurred_at', type: 'timestamptz', value: (e) => iso(e.occurredAt) },
      // The cadre credited with a measurement or signing (cadre records, issue 14).
      { name: 'cadre_id', type: 'uuid', value: (e) => creditOf.get(e.id) ?? null },
    ],
    eventsInTimeOrder,
    onBatch,
  );
}

export async function writeMilestones(
  client: pg.PoolClient,
  milestones: readonly SeedMilestone[],
  onBatch: (written: number) => void,
): Promise<void> {
  await bulkInsert(
    client,
    'milestone',
    [
      { name: 'township_id', type: 'uuid', value: (m: SeedMilestone) => m.townshipId },
      { name: 'headquarters_id', type: 'uuid', value: (m) => m.headquartersId },
      { name: 'scope_kind', type: 'text', value: (m) => m.scopeKind },
      { name: 'scope_code', type: 'text', value: (m) => m.scopeCode },
      { name: 'kind', type: 'text', value: (m) => m.kind },
      { name: 'threshold', type: 'numeric', value: (m) => m.threshold },
      { name: 'household_id', type: 'uuid', value: (m) => m.event.household.id },
      { name: 'event_id', type: 'uuid', value: (m) => m.event.id },
      { name: 'reached_at', type: 'timestamptz', value: (m) => iso(m.event.occurredAt) },
    ],
    milestones,
    onBatch,
  );
}
