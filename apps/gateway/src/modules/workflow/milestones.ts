import {
  areaStepsCrossed,
  CAMPAIGN_AREA_STEP_M2,
  MilestoneKind,
  pctThresholdsCrossed,
} from '@hanjiang/domain';
import type { RequestTransaction } from '../../db/request-transaction.js';
import type { CounterChange, CounterRow } from './counters.js';

interface Candidate {
  scopeKind: string;
  scopeCode: string;
  kind: MilestoneKind;
  threshold: number;
}

export interface MilestoneContext {
  householdId: string;
  eventId: string;
  leafTeamCode: string | null;
  townshipId: string;
  headquartersId: string;
  teamHomeTownshipId: string | null;
}

/** Which milestones the change crossed, from the counters after it (domain arithmetic, nothing restated). */
export function crossedMilestones(
  rows: CounterRow[],
  change: CounterChange,
  leafTeamCode: string | null,
): Candidate[] {
  const found: Candidate[] = [];
  for (const row of rows) {
    const scope = { scopeKind: row.scopeKind, scopeCode: row.scopeCode };
    for (const threshold of pctThresholdsCrossed(
      row.measured - change.deltas.measured,
      row.measured,
      row.households,
    )) {
      found.push({ ...scope, kind: MilestoneKind.MEASURED_PCT, threshold });
    }
    for (const threshold of pctThresholdsCrossed(
      row.signed - change.deltas.signed,
      row.signed,
      row.households,
    )) {
      found.push({ ...scope, kind: MilestoneKind.SIGNED_PCT, threshold });
    }
    if (row.scopeKind === 'campaign') {
      const before = row.signedAreaM2 - change.signedAreaDelta;
      for (const step of areaStepsCrossed(before, row.signedAreaM2, CAMPAIGN_AREA_STEP_M2)) {
        found.push({ ...scope, kind: MilestoneKind.CAMPAIGN_AREA, threshold: step });
      }
    }
    const leafDone = row.scopeKind === 'team' && row.scopeCode === leafTeamCode && row.households > 0;
    if (leafDone && change.deltas.measured > 0 && row.measured === row.households) {
      found.push({ ...scope, kind: MilestoneKind.FIRST_TEAM_FULL_MEASUREMENT, threshold: 100 });
    }
  }
  return found;
}

/**
 * Records the milestones and announces the change in one statement: the unique indexes make each milestone
 * happen exactly once however many writers race (ON CONFLICT DO NOTHING: a loser records nothing), and only the
 * milestones this transaction recorded are announced. pg_notify is delivered on commit only. The statement runs
 * in COMMIT's round trip (nothing reads its result), so a signing holds the campaign counter's lock one round
 * trip less.
 */
export function recordMilestonesAndNotify(
  tx: RequestTransaction,
  candidates: Candidate[],
  ctx: MilestoneContext,
  channel: string,
  announcements: string[],
): void {
  const tenant = (kind: string): [string | null, string | null] => {
    switch (kind) {
      case 'headquarters':
        return [null, ctx.headquartersId];
      case 'township':
      case 'village':
        return [ctx.townshipId, ctx.headquartersId];
      case 'team':
        return [ctx.teamHomeTownshipId, ctx.headquartersId];
      default:
        return [null, null];
    }
  };
  tx.deferToCommit(
    `WITH recorded AS (
       INSERT INTO milestone (scope_kind, scope_code, kind, threshold, township_id, headquarters_id, household_id, event_id)
       SELECT k, c, m, t, tw, hq, $7::uuid, $8::uuid
       FROM unnest($1::text[], $2::text[], $3::text[], $4::numeric[], $5::uuid[], $6::uuid[]) AS x (k, c, m, t, tw, hq)
       ON CONFLICT DO NOTHING
       RETURNING id, seq),
     messages AS (
       SELECT payload FROM unnest($10::text[]) AS payload
       UNION ALL
       SELECT json_build_object('t', 'milestone', 'milestoneId', id, 'seq', seq::text)::text FROM recorded)
     SELECT pg_notify($9, payload) FROM messages`,
    [
      candidates.map((c) => c.scopeKind),
      candidates.map((c) => c.scopeCode),
      candidates.map((c) => c.kind),
      candidates.map((c) => c.threshold),
      candidates.map((c) => tenant(c.scopeKind)[0]),
      candidates.map((c) => tenant(c.scopeKind)[1]),
      ctx.householdId,
      ctx.eventId,
      channel,
      announcements,
    ],
  );
}
