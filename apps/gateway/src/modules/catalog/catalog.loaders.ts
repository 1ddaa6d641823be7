import DataLoader from 'dataloader';
import type { RequestTransaction } from '../../db/request-transaction.js';
import type { Team, Village } from './catalog.types.js';

declare module '../../context.js' {
  interface Loaders {
    readonly village: CatalogLoaders['village'];
    readonly team: CatalogLoaders['team'];
  }
}

export const VILLAGE_COLUMNS = `v.id, v.code, v.name_zh AS name, v.township_id AS "townshipId", v.headquarters_id AS "headquartersId"`;
export const TEAM_COLUMNS = `t.id, t.code, t.name_zh AS name, t.member_count AS "memberCount",
  t.township_id AS "homeTownshipId", t.headquarters_id AS "headquartersId", t.parent_id AS "parentId",
  u.code AS "homeUnitCode", u.name_zh AS "homeUnitName"`;

function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const found = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => found.get(id) ?? null);
}

/** Per-request loaders: one statement per relation per request, run on the request's transaction (RLS applies). */
export function createCatalogLoaders(tx: RequestTransaction) {
  return {
    village: new DataLoader<string, Village | null>(async (ids) =>
      byId(
        ids,
        await tx.query<Village>(`SELECT ${VILLAGE_COLUMNS} FROM village v WHERE v.id = ANY($1::uuid[])`, [
          ids,
        ]),
      ),
    ),
    team: new DataLoader<string, Team | null>(async (ids) =>
      byId(
        ids,
        await tx.query<Team>(
          `SELECT ${TEAM_COLUMNS} FROM work_team t LEFT JOIN district_unit u ON u.id = t.home_unit_id
           WHERE t.id = ANY($1::uuid[])`,
          [ids],
        ),
      ),
    ),
  };
}
export type CatalogLoaders = ReturnType<typeof createCatalogLoaders>;
