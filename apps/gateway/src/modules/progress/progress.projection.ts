import { type SelectionInfo, selectedFields } from '../../graphql/selected-fields.js';

/**
 * Which statement a board needs: `slim` reads the seven columns a wall screen and the portals ask for (code,
 * name, households, measured, signed, signed area, today's signings — and what rank and the percentages derive
 * from them); `full` every counter. A 300-row team board that reads only what it shows costs PostgreSQL and the
 * gateway's row parsing about a third less.
 */
export type BoardColumns = 'slim' | 'full';

const SLIM_FIELDS: ReadonlySet<string> = new Set([
  '__typename',
  'rank',
  'rankChange',
  'name',
  'scopeCode',
  'households',
  'measured',
  'signed',
  'signedAreaM2',
  'signedToday',
  'measuredPct',
  'signedHouseholdsPct',
  'signedPct',
]);

/** `slim` when every field the board's selection asks for is one the slim statement answers. */
export function boardColumns(info: SelectionInfo): BoardColumns {
  for (const field of selectedFields(info)) if (!SLIM_FIELDS.has(field)) return 'full';
  return 'slim';
}

/** Whether a gauge's selection asks for the recent pace, the one field that needs the last seven days summed. */
export function gaugeNeedsRecentPace(info: SelectionInfo): boolean {
  return selectedFields(info).has('paceLast7DaysM2');
}
