import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import { HOUSEHOLD_ALWAYS, HOUSEHOLD_COLUMNS, HOUSEHOLD_FIELD_COLUMNS } from './household.sql.js';

export interface HouseholdProjection {
  /** The SELECT list (prefixed `h.`). */
  readonly columns: string;
  /** Whether the page should bring its villages / teams along. */
  readonly village: boolean;
  readonly team: boolean;
}

export const EVERY_COLUMN: HouseholdProjection = { columns: HOUSEHOLD_COLUMNS, village: true, team: true };

/**
 * What `households { edges { node { … } } }` asks of each household, so a page reads only those columns (a
 * portal list asks for a handful of the 20 fields): less for PostgreSQL to produce and the gateway to parse. Fragments are followed; directives are
 * ignored (reading a column that `@skip` drops is harmless). A field this table does not know reads everything.
 */
export function householdProjection(
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>,
): HouseholdProjection {
  const fields = new Set<string>();
  for (const root of info.fieldNodes) {
    for (const edges of subfields(root.selectionSet, 'edges', info)) {
      for (const node of subfields(edges.selectionSet, 'node', info)) {
        for (const field of subfields(node.selectionSet, null, info)) fields.add(field.name.value);
      }
    }
  }
  const columns = new Set<string>([HOUSEHOLD_ALWAYS]);
  for (const field of fields) {
    const column = HOUSEHOLD_FIELD_COLUMNS[field];
    if (column === undefined) return EVERY_COLUMN;
    if (column !== null) columns.add(column);
  }
  return { columns: [...columns].join(', '), village: fields.has('village'), team: fields.has('team') };
}

/** Fields of a selection set named `name` (all when null), through inline fragments and fragment spreads. */
function subfields(
  set: SelectionSetNode | undefined,
  name: string | null,
  info: Pick<GraphQLResolveInfo, 'fragments'>,
  seen = new Set<string>(),
): FieldNode[] {
  const found: FieldNode[] = [];
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      if (name === null || selection.name.value === name) found.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      found.push(...subfields(selection.selectionSet, name, info, seen));
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      found.push(...subfields(info.fragments[selection.name.value]?.selectionSet, name, info, seen));
    }
  }
  return found;
}
