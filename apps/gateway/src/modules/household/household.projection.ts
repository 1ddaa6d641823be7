import { type SelectionInfo, selectedFields } from '../../graphql/selected-fields.js';
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
export function householdProjection(info: SelectionInfo): HouseholdProjection {
  const fields = selectedFields(info, ['edges', 'node']);
  const columns = new Set<string>([HOUSEHOLD_ALWAYS]);
  for (const field of fields) {
    const column = HOUSEHOLD_FIELD_COLUMNS[field];
    if (column === undefined) return EVERY_COLUMN;
    if (column !== null) columns.add(column);
  }
  return { columns: [...columns].join(', '), village: fields.has('village'), team: fields.has('team') };
}
