import DataLoader from 'dataloader';
import type { RequestTransaction } from '../../db/request-transaction.js';
import { CADRE_COLUMNS, type Cadre } from './cadre.types.js';

declare module '../../context.js' {
  interface Loaders {
    readonly cadre: ReturnType<typeof createCadreLoader>;
  }
}

/** Cadres by id, read under the caller's RLS (a cadre outside the caller's scope is null). */
export function createCadreLoader(tx: RequestTransaction) {
  return new DataLoader<string, Cadre | null>(async (ids) => {
    const rows = await tx.query<Cadre>(`SELECT ${CADRE_COLUMNS} FROM cadre c WHERE c.id = ANY($1::uuid[])`, [
      ids,
    ]);
    const found = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => found.get(id) ?? null);
  });
}
