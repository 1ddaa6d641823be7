// Recording milestones on the write path: which ones a transition crossed (the rule the demo seed's replay uses
// too, packages/db/src/progress/milestones-crossed.ts) and the one statement that stores and announces them.
import { milestonesCrossed } from '@hanjiang/db';
import type { MilestoneKind } from '@hanjiang/domain';
import type { RequestTransaction } from '../../db/request-transaction.js';
import type { CounterChange, CounterRow } from '../progress/progress.counters.js';

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
  return rows.flatMap((row) => {
    const before = {
      measured: row.measured - change.measured,
      signed: row.signed - change.signed,
      signedAreaM2: row.signedAreaM2 - change.signedAreaM2,
    };
    const scope = { kind: row.scopeKind, code: row.scopeCode, households: row.households };
    return milestonesCrossed(scope, before, row, leafTeamCode).map(({ kind, threshold }) => ({
      scopeKind: row.scopeKind,
      scopeCode: row.scopeCode,
      kind,
      threshold,
    }));
  });
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
  // Most transitions cross nothing: then only the announcements, without the function's event lookup and insert
  // (run while the transaction holds the counters' row locks).
  if (candidates.length === 0) {
    tx.deferToCommit('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [
      channel,
      announcements,
    ]);
    return;
  }
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
