/** Columns of a Household row, aliased to the GraphQL object's property names. */
export const HOUSEHOLD_COLUMNS = `h.id, h.code, h.stage, h.version, h.owner_name AS "ownerName",
  h.building_area_m2::float8 AS "buildingAreaM2", h.land_area_m2::float8 AS "landAreaM2",
  h.compensation_choice AS "compensationChoice", h.signed_at AS "signedAt", h.updated_at AS "updatedAt",
  h.owner_id_number AS "ownerIdNumberRaw", h.phone AS "phoneRaw",
  h.assessed_amount_fen::text AS "assessedAmountFen", h.agreed_amount_fen::text AS "agreedAmountFen",
  h.township_id AS "townshipId", h.headquarters_id AS "headquartersId",
  h.team_home_township_id AS "teamHomeTownshipId", h.village_id AS "villageId", h.team_id AS "teamId"`;

export const EVENT_COLUMNS = `e.id, e.seq::text AS seq, e.kind, e.from_stage AS "fromStage", e.to_stage AS "toStage",
  e.version, e.actor_subject AS actor, e.payload, e.reason, e.occurred_at AS "occurredAt",
  e.household_id AS "householdId", e.township_id AS "townshipId", e.headquarters_id AS "headquartersId",
  e.team_id AS "teamId"`;
