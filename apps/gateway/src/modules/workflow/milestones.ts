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
      row.measured - change.measured,
      row.measured,
      row.households,
    )) {
      found.push({ ...scope, kind: MilestoneKind.MEASURED_PCT, threshold });
    }
    for (const threshold of pctThresholdsCrossed(row.signed - change.signed, row.signed, row.households)) {
      found.push({ ...scope, kind: MilestoneKind.SIGNED_PCT, threshold });
    }
    if (row.scopeKind === 'campaign') {
      const before = row.signedAreaM2 - change.signedAreaM2;
      for (const step of areaStepsCrossed(before, row.signedAreaM2, CAMPAIGN_AREA_STEP_M2)) {
        found.push({ ...scope, kind: MilestoneKind.CAMPAIGN_AREA, threshold: step });
      }
    }
    const leafDone = row.scopeKind === 'team' && row.scopeCode === leafTeamCode && row.households > 0;
    if (leafDone && change.measured > 0 && row.measured === row.households) {
      found.push({ ...scope, kind: MilestoneKind.FIRST_TEAM_FULL_MEASUREMENT, threshold: 100 });
    }
  }
  return found;
}

/**
 * Records the milestones and announces the change in one statement. app.record_milestones inserts only what
 * holds on the counters now, in the scopes of this transaction's event, and the unique indexes make each
 * milestone happen exactly once however many writers race (a loser records nothing); only the milestones this
 * transaction recorded are announced. pg_notify is delivered on commit only. The statement runs in COMMIT's round
 * trip (nothing reads its result), so a signing holds the campaign counter's lock one round trip less.
 */
export function recordMilestonesAndNotify(
  tx: RequestTransaction,
  candidates: Candidate[],
  eventId: string,
  channel: string,
  announcements: string[],
): void {
  tx.deferToCommit(
    `WITH recorded AS (SELECT r_id AS id, r_seq AS seq FROM app.record_milestones($1::uuid, $2::text[], $3::text[],
         $4::text[], $5::numeric[])),
     messages AS (
       SELECT payload FROM unnest($7::text[]) AS payload
       UNION ALL
       SELECT json_build_object('t', 'milestone', 'milestoneId', id, 'seq', seq::text)::text FROM recorded)
     SELECT pg_notify($6, payload) FROM messages`,
    [
      eventId,
      candidates.map((c) => c.scopeKind),
      candidates.map((c) => c.scopeCode),
      candidates.map((c) => c.kind),
      candidates.map((c) => c.threshold),
      channel,
      announcements,
    ],
  );
}
