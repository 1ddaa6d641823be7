import type { Principal } from '@hanjiang/authz';
import { ErrorCode, type Stage } from '@hanjiang/domain';
import type { RequestTransaction } from '../../db/request-transaction.js';
import { publicError } from '../../errors/public-error.js';
import { HOUSEHOLD_COLUMNS } from '../household/household.sql.js';
import type { Household } from '../household/household.types.js';

export interface LockedHousehold {
  id: string;
  stage: Stage;
  version: number;
  buildingAreaM2: number;
  /** Exact decimal text, for the event's record of the area a measurement replaced. */
  buildingAreaText: string;
  townshipId: string;
  headquartersId: string;
  teamHomeTownshipId: string | null;
  teamId: string | null;
  teamCode: string | null;
  villageCode: string;
  compensationChoice: string | null;
  resettlementSiteId: string | null;
}

export interface TransitionWrite {
  kind: 'ADVANCE' | 'REVERT';
  toStage: Stage;
  principal: Principal;
  idempotencyKey: string;
  requestHash: string;
  payload: Record<string, unknown>;
  reason: string | null;
  cadreId: string | null;
}

/** An earlier transition by the same caller under the same idempotency key. */
export interface PreviousTransition {
  requestHash: string;
  householdId: string;
}

/**
 * Locks the household row (RLS applies: an invisible household is simply not found) and, in the same round trip,
 * looks up the caller's earlier transition under `idempotencyKey`. The lookup reads the statement's snapshot,
 * taken before any wait for the lock: a transition that committed during that wait is not in it, so a caller
 * about to refuse (a stale version) asks again with `previousTransition` first.
 */
export async function lockHousehold(
  tx: RequestTransaction,
  id: string,
  subject: string,
  idempotencyKey: string,
): Promise<{ household: LockedHousehold; previous: PreviousTransition | null } | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const rows = await tx.query<
    LockedHousehold & { previousHash: string | null; previousHouseholdId: string | null }
  >(
    `SELECT h.id, h.stage, h.version, h.building_area_m2::float8 AS "buildingAreaM2",
       h.building_area_m2::text AS "buildingAreaText", h.township_id AS "townshipId",
       h.headquarters_id AS "headquartersId", h.team_home_township_id AS "teamHomeTownshipId", h.team_id AS "teamId",
       (SELECT code FROM work_team WHERE id = h.team_id) AS "teamCode",
       (SELECT code FROM village WHERE id = h.village_id) AS "villageCode",
       h.compensation_choice AS "compensationChoice", h.resettlement_site_id AS "resettlementSiteId",
       p.request_hash AS "previousHash", p.household_id AS "previousHouseholdId"
     FROM household h
     LEFT JOIN household_event p ON p.actor_subject = $2 AND p.idempotency_key = $3
     WHERE h.id = $1 FOR UPDATE OF h`,
    [id, subject, idempotencyKey],
  );
  const row = rows[0];
  if (!row) return null;
  const { previousHash, previousHouseholdId, ...household } = row;
  return {
    household,
    previous:
      previousHash !== null && previousHouseholdId !== null
        ? { requestHash: previousHash, householdId: previousHouseholdId }
        : null,
  };
}

/** The caller's earlier transition under `idempotencyKey`, as committed now. */
export async function previousTransition(
  tx: RequestTransaction,
  subject: string,
  idempotencyKey: string,
): Promise<PreviousTransition | null> {
  const rows = await tx.query<PreviousTransition>(
    `SELECT request_hash AS "requestHash", household_id AS "householdId" FROM household_event
     WHERE actor_subject = $1 AND idempotency_key = $2`,
    [subject, idempotencyKey],
  );
  return rows[0] ?? null;
}

/**
 * Appends the event and updates the projection. The RLS WITH CHECK policies refuse both for anyone the
 * gateway should already have refused (a cadre of another team, a viewer) — the second line of defence.
 */
export async function writeTransition(
  tx: RequestTransaction,
  h: LockedHousehold,
  w: TransitionWrite,
): Promise<{ eventId: string; household: Household }> {
  const version = h.version + 1;
  const signing = w.kind === 'ADVANCE' && w.toStage === 'SIGNED';
  const unsigning = w.kind === 'REVERT' && h.stage === 'SIGNED';
  const siteId = signing ? ((w.payload.resettlementSiteId as string | null | undefined) ?? null) : null;
  // Measuring replaces the areas the household counts and signs with; the event keeps the area it replaced, so
  // the counters (app.count_transition) move the building-area totals by the difference.
  const measured = w.kind === 'ADVANCE' && w.toStage === 'MEASURED';
  const payload = measured ? { ...w.payload, buildingAreaBeforeM2: h.buildingAreaText } : w.payload;
  // The event and its projection in one statement (two data-modifying CTEs): one round trip per transition.
  let rows: (Household & { eventId: string })[];
  try {
    rows = await tx.query<Household & { eventId: string }>(
      `WITH event AS (
         INSERT INTO household_event (township_id, headquarters_id, team_home_township_id, household_id, team_id,
           kind, from_stage, to_stage, version, actor_subject, membership_id, idempotency_key, request_hash, payload,
           reason, cadre_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $23) RETURNING id),
       updated AS (
         UPDATE household h SET stage = $8, version = $9, updated_at = now(),
           assessed_amount_fen = CASE WHEN $16::bigint IS NOT NULL THEN $16::bigint ELSE assessed_amount_fen END,
           agreed_amount_fen = CASE WHEN $17 THEN $18::bigint WHEN $19 THEN NULL ELSE agreed_amount_fen END,
           compensation_choice = CASE WHEN $17 THEN $20 WHEN $19 THEN NULL ELSE compensation_choice END,
           resettlement_site_id = CASE WHEN $17 THEN $21::uuid WHEN $19 THEN NULL ELSE resettlement_site_id END,
           signed_at = CASE WHEN $17 THEN now() WHEN $19 THEN NULL ELSE signed_at END,
           building_area_m2 = CASE WHEN $22 THEN ($14::jsonb ->> 'measuredBuildingAreaM2')::numeric
                              ELSE building_area_m2 END,
           land_area_m2 = CASE WHEN $22 AND $14::jsonb ? 'measuredLandAreaM2'
                          THEN ($14::jsonb ->> 'measuredLandAreaM2')::numeric ELSE land_area_m2 END
         WHERE h.id = $4 RETURNING ${HOUSEHOLD_COLUMNS})
       SELECT updated.*, (SELECT id FROM event) AS "eventId" FROM updated`,
      [
        h.townshipId,
        h.headquartersId,
        h.teamHomeTownshipId,
        h.id,
        h.teamId,
        w.kind,
        h.stage,
        w.toStage,
        version,
        w.principal.subject,
        w.principal.membershipId,
        w.idempotencyKey,
        w.requestHash,
        JSON.stringify(payload),
        w.reason,
        w.payload.assessedAmountFen ?? null,
        signing,
        w.payload.agreedAmountFen ?? null,
        unsigning,
        w.payload.compensationChoice ?? null,
        siteId,
        measured && typeof w.payload.measuredBuildingAreaM2 === 'number',
        w.cadreId,
      ],
    );
  } catch (error) {
    throw transitionError(error);
  }
  const { eventId, ...household } = rows[0]!;
  return { eventId, household };
}

/**
 * What the database refused, in the caller's words. The site rules are the database's: a household draws only on
 * its own headquarters' sites (a composite foreign key) and a site's allocated units follow the households that
 * draw on it (a trigger that respects the site's capacity check).
 */
function transitionError(error: unknown): unknown {
  const { code, constraint, table } = error as { code?: string; constraint?: string; table?: string };
  // The same key used at the same moment for another household: the unique index decides.
  if (code === '23505' && table === 'household_event') return publicError(ErrorCode.IDEMPOTENCY_KEY_REUSED);
  if (code === '23503' && constraint === 'household_site_of_own_headquarters') {
    return publicError(ErrorCode.BAD_USER_INPUT, {
      zh: '安置房源不存在,或不属于该户所在的指挥部',
      en: "Unknown resettlement site, or not one of the household's headquarters",
    });
  }
  if (code === '23514' && table === 'resettlement_site') {
    return publicError(ErrorCode.BAD_USER_INPUT, {
      zh: '该安置房源已无剩余房源',
      en: 'The resettlement site has no units left',
    });
  }
  return error;
}
