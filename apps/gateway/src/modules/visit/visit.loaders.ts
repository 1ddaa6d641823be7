import DataLoader from 'dataloader';
import type { RequestTransaction } from '../../db/request-transaction.js';
import { VISIT_COLUMNS, type Visit } from './visit.types.js';

declare module '../../context.js' {
  interface Loaders {
    readonly visitsByHousehold: ReturnType<typeof createVisitLoaders>['visitsByHousehold'];
  }
}

/** The household card's visits, newest first, under the caller's RLS. */
export function createVisitLoaders(tx: RequestTransaction) {
  return {
    visitsByHousehold: new DataLoader<string, Visit[]>(async (ids) => {
      const rows = await tx.query<Visit>(
        `SELECT ${VISIT_COLUMNS} FROM visit v WHERE v.household_id = ANY($1::uuid[])
         ORDER BY v.household_id, v.visited_at DESC, v.id`,
        [ids],
      );
      const grouped = new Map<string, Visit[]>();
      for (const row of rows) grouped.set(row.householdId, [...(grouped.get(row.householdId) ?? []), row]);
      return ids.map((id) => grouped.get(id) ?? []);
    }),
  };
}
