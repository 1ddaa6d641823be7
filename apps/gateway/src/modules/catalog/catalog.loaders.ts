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

/** The property names a column list produces (`x.col` or `… AS "prop"`), in order. */
function propertiesOf(columns: string): readonly string[] {
  return columns.split(',').map((column) => {
    const named = /\sAS\s+"?(\w+)"?\s*$/i.exec(column.trim());
    return named ? named[1]! : column.trim().split('.')[1]!;
  });
}

/**
 * A relation read beside another row, from a lateral subquery `alias` selecting `columns`: flat columns named
 * `alias.prop`, which PostgreSQL returns and the gateway reads back more cheaply than one `row_to_json` each.
 */
export class FlattenedRelation<T extends { id: string }> {
  private readonly properties: readonly string[];
  /** The outer row's column names, `alias.prop`, in the order of `properties`. */
  private readonly keys: readonly string[];
  /** `alias."prop" AS "alias.prop", …` for the outer SELECT. */
  readonly select: string;

  constructor(
    alias: string,
    columns: string,
    private readonly make: () => T,
  ) {
    this.properties = propertiesOf(columns);
    if (this.properties[0] !== 'id') throw new Error(`${alias}: the id must be the first column`);
    this.keys = this.properties.map((p) => `${alias}.${p}`);
    this.select = this.properties.map((p, i) => `${alias}."${p}" AS "${this.keys[i]!}"`).join(', ');
  }

  /** The relation, or null when the join found none (its id is never null otherwise). */
  read(row: Readonly<Record<string, unknown>>): T | null {
    if (row[this.keys[0]!] === null) return null;
    const relation = this.make() as Record<string, unknown>;
    for (let i = 0; i < this.keys.length; i++) relation[this.properties[i]!] = row[this.keys[i]!];
    return relation as T;
  }
}

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
