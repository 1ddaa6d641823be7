/** Identity and scope columns, read with every household row: masking, relations and cursors depend on them. */
export const HOUSEHOLD_ALWAYS = `h.id, h.township_id AS "townshipId", h.headquarters_id AS "headquartersId",
  h.team_home_township_id AS "teamHomeTownshipId", h.village_id AS "villageId", h.team_id AS "teamId"`;

const PII = `h.owner_id_number AS "ownerIdNumberRaw", h.phone AS "phoneRaw"`;

/**
 * The columns each GraphQL field of Household needs beyond HOUSEHOLD_ALWAYS (null: none), aliased to the
 * object's property names. A field missing here makes a projection read every column.
 */
export const HOUSEHOLD_FIELD_COLUMNS: Readonly<Record<string, string | null>> = {
  __typename: null,
  id: null,
  township: null,
  headquarters: null,
  events: null,
  village: null,
  team: null,
  // Field work, loaded by the household's id (modules/visit, modules/dispute).
  visits: null,
  disputes: null,
  openDisputes: null,
  code: 'h.code',
  stage: 'h.stage',
  version: 'h.version',
  ownerName: 'h.owner_name AS "ownerName"',
  buildingAreaM2: 'h.building_area_m2::float8 AS "buildingAreaM2"',
  landAreaM2: 'h.land_area_m2::float8 AS "landAreaM2"',
  landAreaMu: 'h.land_area_m2::float8 AS "landAreaM2"',
  compensationChoice: 'h.compensation_choice AS "compensationChoice"',
  signedAt: 'h.signed_at AS "signedAt"',
  updatedAt: 'h.updated_at AS "updatedAt"',
  ownerIdNumber: PII,
  phone: PII,
  piiMasked: PII,
  assessedAmountYuan: 'h.assessed_amount_fen::text AS "assessedAmountFen"',
  agreedAmountYuan: 'h.agreed_amount_fen::text AS "agreedAmountFen"',
};

/** Every column of a Household row: for rows whose use is not known in advance (loaders, the write path). */
export const HOUSEHOLD_COLUMNS = [
  HOUSEHOLD_ALWAYS,
  ...new Set(Object.values(HOUSEHOLD_FIELD_COLUMNS).filter((c) => c !== null)),
].join(', ');

export const EVENT_COLUMNS = `e.id, e.seq::text AS seq, e.kind, e.from_stage AS "fromStage", e.to_stage AS "toStage",
  e.version, e.actor_subject AS actor, e.payload, e.reason, e.occurred_at AS "occurredAt",
  e.household_id AS "householdId", e.township_id AS "townshipId", e.headquarters_id AS "headquartersId",
  e.team_id AS "teamId"`;
