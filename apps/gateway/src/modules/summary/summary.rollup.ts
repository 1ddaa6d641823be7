// Rolling team days up to townships, headquarters and the whole scope: sums of the rows the caller may see, so a
// township's roll-up is its own teams and the district's is every team.
import type { SummaryCounts, SummaryRollup, TeamDaySummary } from './summary.types.js';

type Counts = Omit<SummaryCounts, 'fulfilment'>;
const COUNT_FIELDS = [
  'visits',
  'offHoursVisits',
  'measurements',
  'assessments',
  'signings',
  'signedAreaM2',
  'disputesOpened',
  'disputesResolved',
  'plannedMeasure',
  'plannedAssess',
  'fulfilledMeasure',
  'fulfilledAssess',
] as const satisfies readonly (keyof Counts)[];

export function fulfilment(c: Counts): number | null {
  const planned = c.plannedMeasure + c.plannedAssess;
  return planned === 0 ? null : (c.fulfilledMeasure + c.fulfilledAssess) / planned;
}

export function rollUp(
  scopeKind: string,
  scopeCode: string,
  scopeName: string,
  rows: readonly TeamDaySummary[],
): SummaryRollup {
  const sums = Object.fromEntries(COUNT_FIELDS.map((f) => [f, 0])) as Counts;
  for (const row of rows) for (const f of COUNT_FIELDS) sums[f] += row[f];
  // Areas are NUMERIC(14,2) in the database: keep the sum to the centimetre-square it was counted in.
  sums.signedAreaM2 = Math.round(sums.signedAreaM2 * 100) / 100;
  return { scopeKind, scopeCode, scopeName, teams: rows.length, ...sums, fulfilment: fulfilment(sums) };
}

/** Rows grouped by a key, keys in first-seen order; rows whose key is null are left out. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
