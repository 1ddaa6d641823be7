import type { RequestTransaction } from '../../db/request-transaction.js';

/** A progress counter after a change: what milestone arithmetic reads. */
export interface CounterRow {
  scopeKind: string;
  scopeCode: string;
  households: number;
  measured: number;
  signed: number;
  signedAreaM2: number;
}

/** How much the transition changed the counts it is measured on (the same for every scope it counts in). */
export interface CounterChange {
  measured: number;
  signed: number;
  signedAreaM2: number;
}

/**
 * Counts a transition event this transaction wrote, in every scope its household counts in (campaign,
 * headquarters, township, pairing, village, its team and the team's parents), and returns the counters after
 * it. The database derives everything from the event (app.count_transition: stage order, the signed area,
 * today's signings, one fixed lock order), so the request role cannot write a counter any other way.
 */
export async function countTransition(
  tx: RequestTransaction,
  eventId: string,
): Promise<{ rows: CounterRow[]; change: CounterChange }> {
  const rows = await tx.query<CounterRow & { dMeasured: number; dSigned: number; dSignedAreaM2: number }>(
    `SELECT r_kind AS "scopeKind", r_code AS "scopeCode", r_households AS households, r_measured AS measured,
       r_signed AS signed, r_signed_area AS "signedAreaM2", d_measured AS "dMeasured", d_signed AS "dSigned",
       d_signed_area AS "dSignedAreaM2"
     FROM app.count_transition($1)`,
    [eventId],
  );
  const first = rows[0];
  return {
    rows,
    change: {
      measured: first?.dMeasured ?? 0,
      signed: first?.dSigned ?? 0,
      signedAreaM2: first?.dSignedAreaM2 ?? 0,
    },
  };
}
