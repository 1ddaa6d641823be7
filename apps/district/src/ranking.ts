import type { InspectionRankingQuery } from '@hanjiang/client';

export type RankedUnit = InspectionRankingQuery['inspections'][number];

/** What a scored unit is called: the team (with its headquarters), or the headquarters. */
export function unitName(row: RankedUnit): string {
  return row.team ? `${row.team.name}(${row.headquarters.nameZh})` : row.headquarters.nameZh;
}

/** The class that highlights a row: units the gateway flags as ranked last repeatedly (flaggedLast). */
export function rankingRowClass(row: RankedUnit): string {
  return row.flaggedLast ? 'flagged-last' : '';
}

/** The colour of a unit's bar: the flagged ones stand out, the others keep the series colour. */
export function rankingBarColor(row: RankedUnit): string | undefined {
  return row.flaggedLast ? '#cf1322' : undefined;
}
