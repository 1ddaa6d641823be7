import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import type { RequestTransaction } from '../../db/request-transaction.js';
import { TEAM_COLUMNS, VILLAGE_COLUMNS } from '../catalog/catalog.loaders.js';
import { Team, Village } from '../catalog/catalog.types.js';
import { EVENT_COLUMNS, HOUSEHOLD_COLUMNS } from './household.sql.js';
import { Household, HouseholdEvent } from './household.types.js';

/** The relations a `household(id:)` selection asks for. */
export interface DetailRelations {
  readonly village: boolean;
  readonly team: boolean;
  readonly events: boolean;
}

export function detailRelations(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): DetailRelations {
  const names = new Set<string>();
  const walk = (set: SelectionSetNode | undefined, seen: Set<string>) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        walk(info.fragments[selection.name.value]?.selectionSet, seen);
      }
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet, new Set());
  return { village: names.has('village'), team: names.has('team'), events: names.has('events') };
}

type DetailRow = Household & {
  villageRow?: Village | null;
  teamRow?: Team | null;
  eventRows?: (Omit<HouseholdEvent, 'occurredAt'> & { occurredAt: string })[];
};

const statements = new Map<string, string>();

/** One statement per shape (a named statement each: see db/request-transaction.ts). */
function detailSql(wants: DetailRelations): string {
  const key = `${+wants.village}${+wants.team}${+wants.events}`;
  let sql = statements.get(key);
  if (sql) return sql;
  sql = `SELECT ${HOUSEHOLD_COLUMNS}
      ${wants.village ? `, (SELECT row_to_json(v) FROM (SELECT ${VILLAGE_COLUMNS} FROM village v WHERE v.id = h.village_id) v) AS "villageRow"` : ''}
      ${wants.team ? `, (SELECT row_to_json(t) FROM (SELECT ${TEAM_COLUMNS} FROM work_team t LEFT JOIN district_unit u ON u.id = t.home_unit_id WHERE t.id = h.team_id) t) AS "teamRow"` : ''}
      ${wants.events ? `, (SELECT coalesce(json_agg(e ORDER BY e.version), '[]'::json) FROM (SELECT ${EVENT_COLUMNS} FROM household_event e WHERE e.household_id = h.id) e) AS "eventRows"` : ''}
    FROM household h WHERE h.id = $1::uuid`;
  statements.set(key, sql);
  return sql;
}

/**
 * A household with the relations its selection asks for — village, team, events — in ONE statement (row-level
 * security applies inside the subqueries as everywhere): the detail view's three extra round trips through the
 * loaders were half its statements. The rows found prime the request's loaders, so the field resolvers and any
 * other field of the operation asking for the same rows reuse them.
 */
export async function readHouseholdDetail(
  tx: RequestTransaction,
  id: string,
  wants: DetailRelations,
  prime: (
    household: Household,
    village: Village | null,
    team: Team | null,
    events: HouseholdEvent[] | null,
  ) => void,
): Promise<Household | null> {
  const rows = await tx.query<DetailRow>(detailSql(wants), [id]);
  const row = rows[0];
  if (!row) return null;
  const { villageRow, teamRow, eventRows, ...columns } = row;
  const household = Object.assign(new Household(), columns);
  const village = villageRow ? Object.assign(new Village(), villageRow) : null;
  const team = teamRow ? Object.assign(new Team(), teamRow) : null;
  // JSON carries timestamps as text: back to Date, as the driver gives them on every other path.
  const events = eventRows
    ? eventRows.map((e) => Object.assign(new HouseholdEvent(), e, { occurredAt: new Date(e.occurredAt) }))
    : null;
  prime(household, village, team, events);
  return household;
}
