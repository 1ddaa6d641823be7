// The raw baseline's signing (ASSESSED → SIGNED): the same writes as the gateway's advanceStage — row lock and
// version check, idempotency lookup, the event, the projection, every counter scope (campaign, headquarters,
// township, pairing, village, team chain) and today's counters, milestones crossed, the hash-chained audit row
// and pg_notify — in as few round trips as hand-written SQL allows under the same database rights (lock, write,
// count through app.count_transition, audit+notify; a fifth only when a milestone is crossed).
//
// What each statement copies from the gateway's advanceStage (paths under apps/gateway/src/; the flow is
// modules/workflow/workflow.service.ts WorkflowService.transition()). When one of these changes, the copy here must
// follow — the bench's verify phase compares the footprint (stage, version, event, counters, audit, notifications):
//   LOCK_SQL       modules/workflow/transition-sql.ts lockHousehold(): FOR UPDATE OF h with the idempotency
//                  lookup (household_event by actor_subject, idempotency_key) in the same statement; the gateway
//                  reads township and headquarters codes from its catalogue, and looks the key up once more
//                  (previousTransition()) only before it would answer CONFLICT.
//   WRITE_SQL      modules/workflow/transition-sql.ts writeTransition(): the event INSERT and the projection UPDATE
//                  as two data-modifying CTEs — its signing branch only (agreed amount, choice, signed_at).
//   requestHash    modules/workflow/workflow.service.ts hashRequest().
//   COUNT_SQL      modules/progress/progress.counters.ts countTransition() (app.count_transition).
//   MILESTONE_SQL  modules/milestone/milestone.record.ts crossedMilestones() (the rule: @hanjiang/db's
//                  milestonesCrossed(), packages/db/src/progress/milestones-crossed.ts; thresholds from
//                  @hanjiang/domain) and recordMilestonesAndNotify() (app.record_milestones; the gateway sends
//                  it, with pg_notify, in COMMIT's round trip).
//   FINISH_SQL     the audit row of pipeline/end-operation.ts (app.append_audit, variables hashed as hashVariables(),
//                  sent in COMMIT's round trip) and the pg_notify of recordMilestonesAndNotify(): the household
//                  and progress events of WorkflowService.transition(), channel and shapes of live/live-events.ts.
import { createHash } from 'node:crypto';
import {
  areaStepsCrossed,
  CAMPAIGN_AREA_STEP_M2,
  checkAdvance,
  MilestoneKind,
  pctThresholdsCrossed,
  type Stage,
  TRANSITION_ROLES,
  yuanToFen,
} from '@hanjiang/domain';
import type pg from 'pg';
import type { Caller } from './principal.js';

export class GraphQLFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const LIVE_CHANNEL = 'hanjiang_live';

const LOCK_SQL = `SELECT h.id, h.stage, h.version, h.building_area_m2::float8 AS area, h.township_id, h.headquarters_id,
    h.team_home_township_id, h.team_id, v.code AS village_code, ts.code AS township_code, hq.code AS hq_code,
    wt.code AS team_code,
    (SELECT e.household_id FROM household_event e WHERE e.actor_subject = $2 AND e.idempotency_key = $3) AS previous
  FROM household h
  JOIN township ts ON ts.id = h.township_id
  JOIN headquarters hq ON hq.id = h.headquarters_id
  LEFT JOIN village v ON v.id = h.village_id
  LEFT JOIN work_team wt ON wt.id = h.team_id
  WHERE h.id = $1 FOR UPDATE OF h`;

const WRITE_SQL = `WITH ev AS (
      INSERT INTO household_event (township_id, headquarters_id, team_home_township_id, household_id, team_id, kind,
        from_stage, to_stage, version, actor_subject, membership_id, idempotency_key, request_hash, payload, reason)
      VALUES ($2::uuid, $3::uuid, $4::uuid, $1::uuid, $5::uuid, 'ADVANCE', $6, $7, $8, $9, $10::uuid, $11, $12, $13::jsonb, NULL)
      RETURNING id),
    hh AS (
      UPDATE household SET stage = $7, version = $8, updated_at = now(), agreed_amount_fen = $14::bigint,
        compensation_choice = $15, signed_at = now()
      WHERE id = $1::uuid RETURNING id)
  SELECT (SELECT id FROM ev) AS event_id`;

// Counters can only be written through the database's checked function (as the gateway does): it derives every
// scope and delta from the event this transaction wrote.
const COUNT_SQL = `SELECT json_agg(json_build_object('scopeKind', r_kind, 'scopeCode', r_code,
    'households', r_households, 'signed', r_signed, 'signedAreaM2', r_signed_area)) AS counters
  FROM app.count_transition($1::uuid)`;

const MILESTONE_SQL = `SELECT r_id AS id, r_seq::text AS seq
  FROM app.record_milestones($1::uuid, $2::text[], $3::text[], $4::text[], $5::numeric[])`;

const FINISH_SQL = `SELECT app.append_audit($1, $2, $3, NULL, 'ok', $4::uuid) AS audit,
    (SELECT count(pg_notify($5, p)) FROM unnest($6::text[]) AS p) AS notified`;

interface Locked {
  id: string;
  stage: Stage;
  version: number;
  area: number;
  township_id: string;
  headquarters_id: string;
  team_home_township_id: string | null;
  team_id: string | null;
  village_code: string;
  township_code: string;
  hq_code: string;
  team_code: string | null;
  previous: string | null;
}

interface Counter {
  scopeKind: string;
  scopeCode: string;
  households: number;
  signed: number;
  signedAreaM2: number;
}

export async function signHousehold(
  client: pg.PoolClient,
  variables: Record<string, unknown>,
  caller: Caller,
): Promise<unknown> {
  const input = (variables.input ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const householdId = text(input.householdId);
  const key = text(input.idempotencyKey).trim();
  const toStage = text(input.toStage) as Stage;
  const expectedVersion = Number(input.expectedVersion);
  const choice = text(input.compensationChoice);
  if (!(TRANSITION_ROLES.advance.roles as readonly string[]).includes(caller.role))
    throw new GraphQLFailure('FORBIDDEN', 'forbidden');
  if (key.length < 8 || key.length > 200)
    throw new GraphQLFailure('BAD_USER_INPUT', 'idempotencyKey must be 8–200 characters');
  if (toStage !== 'SIGNED' || choice !== 'CASH' || typeof input.agreedAmountYuan !== 'string')
    throw new GraphQLFailure('BAD_USER_INPUT', 'the raw baseline signs with CASH only');
  const agreedAmountFen = yuanToFen(input.agreedAmountYuan);
  const payload = { agreedAmountFen, compensationChoice: choice };
  const requestHash = createHash('sha256')
    .update(JSON.stringify({ kind: 'ADVANCE', householdId, toStage, expectedVersion, reason: null, payload }))
    .digest('hex');

  const { rows } = await client.query<Locked>({
    name: 'sign-lock',
    text: LOCK_SQL,
    values: [householdId, caller.subject, key],
  });
  const h = rows[0];
  if (!h) throw new GraphQLFailure('NOT_FOUND', 'not found');
  if (h.previous) return { advanceStage: { id: h.id, stage: h.stage, version: h.version } };
  if (h.version !== expectedVersion) throw new GraphQLFailure('CONFLICT', 'stale version');
  if (!checkAdvance(h.stage, toStage).ok)
    throw new GraphQLFailure('INVALID_TRANSITION', 'invalid transition');

  const version = h.version + 1;
  const written = await client.query<{ event_id: string }>({
    name: 'sign-write',
    text: WRITE_SQL,
    values: [
      h.id,
      h.township_id,
      h.headquarters_id,
      h.team_home_township_id,
      h.team_id,
      h.stage,
      toStage,
      version,
      caller.subject,
      caller.membershipId,
      key,
      requestHash,
      JSON.stringify(payload),
      agreedAmountFen,
      choice,
    ],
  });
  const eventId = written.rows[0]!.event_id;
  const counted = await client.query<{ counters: Counter[] | null }>({
    name: 'sign-count',
    text: COUNT_SQL,
    values: [eventId],
  });

  // Milestones crossed by this signing (signed percentages, campaign area steps): rare, so usually no statement.
  const crossed: [string, string, string, number][] = [];
  for (const c of counted.rows[0]!.counters ?? []) {
    for (const t of pctThresholdsCrossed(c.signed - 1, c.signed, c.households))
      crossed.push([c.scopeKind, c.scopeCode, MilestoneKind.SIGNED_PCT, t]);
    if (c.scopeKind === 'campaign')
      for (const step of areaStepsCrossed(c.signedAreaM2 - h.area, c.signedAreaM2, CAMPAIGN_AREA_STEP_M2))
        crossed.push([c.scopeKind, c.scopeCode, MilestoneKind.CAMPAIGN_AREA, step]);
  }
  const events = [
    JSON.stringify({
      t: 'household',
      eventId,
      householdId: h.id,
      townshipId: h.township_id,
      headquartersId: h.headquarters_id,
      teamHomeTownshipId: h.team_home_township_id,
    }),
    JSON.stringify({ t: 'progress' }),
  ];
  if (crossed.length > 0) {
    const recorded = await client.query<{ id: string; seq: string }>(MILESTONE_SQL, [
      eventId,
      crossed.map((c) => c[0]),
      crossed.map((c) => c[1]),
      crossed.map((c) => c[2]),
      crossed.map((c) => c[3]),
    ]);
    for (const m of recorded.rows)
      events.push(JSON.stringify({ t: 'milestone', milestoneId: m.id, seq: m.seq }));
  }
  await client.query({
    name: 'sign-finish',
    text: FINISH_SQL,
    values: [
      'Sign',
      createHash('sha256').update(JSON.stringify(variables)).digest('hex'),
      null,
      caller.membershipId,
      LIVE_CHANNEL,
      events,
    ],
  });
  return { advanceStage: { id: h.id, stage: toStage, version } };
}
