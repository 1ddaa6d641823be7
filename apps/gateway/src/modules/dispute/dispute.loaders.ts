import DataLoader from 'dataloader';
import type { RequestTransaction } from '../../db/request-transaction.js';
import { DISPUTE_COLUMNS, type Dispute } from './dispute.types.js';

declare module '../../context.js' {
  interface Loaders {
    readonly disputesByHousehold: DisputeLoaders['disputesByHousehold'];
    readonly openDisputesByTeam: DisputeLoaders['openDisputesByTeam'];
  }
}
type DisputeLoaders = ReturnType<typeof createDisputeLoaders>;

/** The household card's disputes, newest first, under the caller's RLS. */
export function createDisputeLoaders(tx: RequestTransaction) {
  return {
    disputesByHousehold: new DataLoader<string, Dispute[]>(async (ids) => {
      const rows = await tx.query<Dispute>(
        `SELECT ${DISPUTE_COLUMNS} FROM dispute d WHERE d.household_id = ANY($1::uuid[])
         ORDER BY d.household_id, d.opened_at DESC, d.id`,
        [ids],
      );
      const grouped = new Map<string, Dispute[]>();
      for (const row of rows) grouped.set(row.householdId, [...(grouped.get(row.householdId) ?? []), row]);
      return ids.map((id) => grouped.get(id) ?? []);
    }),
    /** Open (OPEN or MEDIATING) disputes per team that the caller may see: the team's standing. */
    openDisputesByTeam: new DataLoader<string, number>(async (ids) => {
      const rows = await tx.query<{ teamId: string; n: number }>(
        `SELECT team_id AS "teamId", count(*)::int AS n FROM dispute
         WHERE team_id = ANY($1::uuid[]) AND state IN ('OPEN', 'MEDIATING') GROUP BY team_id`,
        [ids],
      );
      const counts = new Map(rows.map((r) => [r.teamId, r.n]));
      return ids.map((id) => counts.get(id) ?? 0);
    }),
  };
}
