// The seed's own consistency check: the counters PostgreSQL recomputed from the written rows must equal
// what the in-memory replay counted event by event. A mismatch aborts the seed (and rolls it back).
import { centsToDecimal } from './areas.js';
import type { ProgressCounterRow } from '../progress/recount.js';
import type { ScopeTally } from './replay-milestones.js';
import { scopeKey } from '../progress/household-scopes.js';

export function checkCounters(
  rows: readonly ProgressCounterRow[],
  tallies: ReadonlyMap<string, ScopeTally>,
): void {
  for (const row of rows) {
    const t = tallies.get(scopeKey(row.scope_kind, row.scope_code));
    const expected = {
      households: t?.households ?? 0,
      measured: t?.reached[0] ?? 0,
      assessed: t?.reached[1] ?? 0,
      signed: t?.reached[2] ?? 0,
      vacated: t?.reached[3] ?? 0,
      demolished: t?.reached[4] ?? 0,
      building_area_m2: centsToDecimal(t?.buildingCents ?? 0),
      signed_area_m2: centsToDecimal(t?.signedCents ?? 0),
    };
    for (const [column, value] of Object.entries(expected)) {
      const actual = row[column as keyof typeof expected];
      if (actual !== value) {
        throw new Error(
          `seed: counter ${row.scope_kind}/${row.scope_code}.${column} is ${actual} in SQL but ${value} by replay`,
        );
      }
    }
  }
  const seen = new Set(rows.map((r) => scopeKey(r.scope_kind, r.scope_code)));
  const missing = [...tallies.keys()].find((key) => !seen.has(key));
  if (missing !== undefined) throw new Error(`seed: scope ${missing} has households but no counter row`);
}
