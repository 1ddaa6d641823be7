import DataLoader from 'dataloader';
import type { RequestTransaction } from '../../db/request-transaction.js';
import { EVENT_COLUMNS, HOUSEHOLD_COLUMNS } from './household.sql.js';
import type { Household, HouseholdEvent } from './household.types.js';

declare module '../../context.js' {
  interface Loaders {
    readonly household: HouseholdLoaders['household'];
    readonly eventsByHousehold: HouseholdLoaders['eventsByHousehold'];
  }
}
type HouseholdLoaders = ReturnType<typeof createHouseholdLoaders>;

export function createHouseholdLoaders(tx: RequestTransaction) {
  return {
    household: new DataLoader<string, Household | null>(async (ids) => {
      const rows = await tx.query<Household>(
        `SELECT ${HOUSEHOLD_COLUMNS} FROM household h WHERE h.id = ANY($1::uuid[])`,
        [ids],
      );
      const found = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    eventsByHousehold: new DataLoader<string, HouseholdEvent[]>(async (ids) => {
      const rows = await tx.query<HouseholdEvent>(
        `SELECT ${EVENT_COLUMNS} FROM household_event e WHERE e.household_id = ANY($1::uuid[])
         ORDER BY e.household_id, e.version`,
        [ids],
      );
      const grouped = new Map<string, HouseholdEvent[]>();
      for (const row of rows) {
        const list = grouped.get(row.householdId);
        if (list) list.push(row);
        else grouped.set(row.householdId, [row]);
      }
      return ids.map((id) => grouped.get(id) ?? []);
    }),
  };
}
