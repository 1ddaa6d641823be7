// 四察四看 rankings: targets of one kind ranked by score within a period (ties share a rank), and flagged when
// ranked last in at least two of the recent periods ("对多次考评排名靠后的单位…").
import { rankRows } from '@hanjiang/domain';
import { comparePeriods } from './inspection.period.js';

export interface ScoredTarget {
  readonly period: string;
  readonly headquartersId: string;
  readonly teamId: string | null;
  readonly score: number;
}

export type RankedTarget<T extends ScoredTarget> = T & {
  rank: number;
  /** Periods of the window in which this target was ranked last. */
  lastPlaceCount: number;
  flaggedLast: boolean;
};

/** How many of the recent periods a target must be last in to be flagged. */
export const FLAG_AFTER_LAST_PLACES = 2;

const targetKey = (t: ScoredTarget) => `${t.headquartersId}/${t.teamId ?? ''}`;

/**
 * Ranks the targets of `period` (the latest period when null) and counts, over the `window` most recent periods up
 * to and including it, how often each target was last. A period with a single target has no last place.
 */
export function rankInspections<T extends ScoredTarget>(
  rows: readonly T[],
  period: string | null,
  window: number,
): RankedTarget<T>[] {
  const periods = [...new Set(rows.map((r) => r.period))].sort(comparePeriods);
  const at = period === null ? periods.length - 1 : periods.indexOf(period);
  if (at < 0) return [];
  const recent = new Set(periods.slice(Math.max(0, at - window + 1), at + 1));
  const lastPlaces = new Map<string, number>();
  for (const p of recent) {
    const inPeriod = rows.filter((r) => r.period === p);
    if (inPeriod.length < 2) continue;
    const lowest = Math.min(...inPeriod.map((r) => r.score));
    for (const r of inPeriod.filter((x) => x.score === lowest)) {
      lastPlaces.set(targetKey(r), (lastPlaces.get(targetKey(r)) ?? 0) + 1);
    }
  }
  const current = rows.filter((r) => r.period === periods[at]);
  return rankRows(current, (r) => r.score).map((r) => {
    const lastPlaceCount = lastPlaces.get(targetKey(r)) ?? 0;
    return { ...r, lastPlaceCount, flaggedLast: lastPlaceCount >= FLAG_AFTER_LAST_PLACES };
  });
}
