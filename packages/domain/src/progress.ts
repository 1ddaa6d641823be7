// Progress, milestone and ranking arithmetic for the scoreboard. Thresholds are tested on exact
// integer counts, never on rounded percentages, so 49.96 % does not count as reaching 50 %.

export interface Campaign {
  readonly nameZh: string;
  /** Day 1 of the campaign, a Shanghai calendar date. */
  readonly startDate: string;
  readonly lengthDays: number;
  /** Counted on signed building area. */
  readonly targetAreaM2: number;
}

/** "奋战100天,征迁300万": the article of 2020-10-23 sits near day 53, and 2020-09-27 is day 27. */
export const DEFAULT_CAMPAIGN: Campaign = {
  nameZh: '奋战100天,征迁300万',
  startDate: '2020-09-01',
  lengthDays: 100,
  targetAreaM2: 3_000_000,
};

export const PCT_THRESHOLDS: readonly number[] = [50, 80, 90, 100];
export const CAMPAIGN_AREA_STEP_M2 = 500_000;

/**
 * part / total as a percentage with one decimal, within 0..100; 0 when there is nothing to count.
 * Anything short of complete shows at most 99.9, so "100 %" on a screen always means done.
 */
export function percent(part: number, total: number): number {
  if (!(total > 0)) return 0;
  const rounded = Math.round((part / total) * 1000) / 10;
  const clamped = Math.min(100, Math.max(0, rounded));
  return part < total ? Math.min(clamped, 99.9) : clamped;
}

/** What a scope's counters say, as counted (households) and measured (m² of building area). */
export interface ScopeCounts {
  readonly households: number;
  readonly measured: number;
  readonly signed: number;
  readonly buildingAreaM2: number;
  readonly signedAreaM2: number;
}

/**
 * A scope's percentages, each named by what it measures: households and building area are different
 * questions (a factory is one household and thousands of m²), so a board shows both and never one `signedPct`.
 */
export interface ScopePercentages {
  /** Households measured or further, of the scope's households. */
  readonly measuredPct: number;
  /** Households signed or further, of the scope's households. */
  readonly signedHouseholdsPct: number;
  /** Building area of signed households, of the building area of all the scope's households. */
  readonly signedAreaPct: number;
}

export function scopePercentages(c: ScopeCounts): ScopePercentages {
  return {
    measuredPct: percent(c.measured, c.households),
    signedHouseholdsPct: percent(c.signed, c.households),
    signedAreaPct: percent(c.signedAreaM2, c.buildingAreaM2),
  };
}

/** The campaign gauge's percentages: area against the campaign's target, households against all households. */
export interface CampaignPercentages {
  /** Signed building area, of the campaign's target area (3,000,000 m²) — what 征迁300万 counts. */
  readonly signedAreaPctOfTarget: number;
  /** Households signed or further, of every household in the campaign. */
  readonly signedHouseholdsPct: number;
}

export function campaignPercentages(c: {
  readonly signedAreaM2: number;
  readonly targetAreaM2: number;
  readonly signed: number;
  readonly households: number;
}): CampaignPercentages {
  return {
    signedAreaPctOfTarget: percent(c.signedAreaM2, c.targetAreaM2),
    signedHouseholdsPct: percent(c.signed, c.households),
  };
}

function hasReached(count: number, total: number, thresholdPct: number): boolean {
  // With no households both ends of a change would "reach" every threshold, so none is crossed with or without the
  // guard (counts are never negative); it keeps an empty scope from being reported as complete.
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BooleanLiteral: see above
  if (!(total > 0)) return false;
  return count * 100 >= thresholdPct * total;
}

/** Percentage thresholds reached by going from `beforeCount` to `afterCount` of `total`, ascending. */
export function pctThresholdsCrossed(beforeCount: number, afterCount: number, total: number): number[] {
  return PCT_THRESHOLDS.filter((t) => !hasReached(beforeCount, total, t) && hasReached(afterCount, total, t));
}

/** Multiples of `step` reached by going from `beforeM2` to `afterM2`, ascending (e.g. 499,000 → 1,000,001 gives 500,000 and 1,000,000). */
export function areaStepsCrossed(
  beforeM2: number,
  afterM2: number,
  step: number = CAMPAIGN_AREA_STEP_M2,
): number[] {
  if (!(step > 0)) throw new RangeError(`Step must be positive, got ${step}`);
  const crossed: number[] = [];
  for (let k = Math.max(1, Math.floor(beforeM2 / step) + 1); k * step <= afterM2; k += 1) {
    crossed.push(k * step);
  }
  return crossed;
}

export type Ranked<T> = T & { readonly rank: number };

/**
 * Standard competition ranking ("1, 2, 2, 4"): equal scores share a rank and the next rank skips.
 * Best first (highest score unless `order` is 'asc'); rows with equal scores keep their input order.
 */
export function rankRows<T extends object>(
  rows: readonly T[],
  score: (row: T) => number,
  order: 'desc' | 'asc' = 'desc',
): Ranked<T>[] {
  const direction = order === 'desc' ? -1 : 1;
  const sorted = rows
    .map((row) => ({ row, value: score(row) }))
    .sort((a, b) => direction * (a.value - b.value));
  let rank = 0;
  return sorted.map(({ row, value }, index) => {
    // The first row has no predecessor (undefined), so it always starts a rank.
    if (value !== sorted[index - 1]?.value) rank = index + 1;
    return { ...row, rank };
  });
}

/**
 * Places moved since the previous ranking: positive is up, negative is down, 0 unchanged,
 * null when the row was not ranked before (a newcomer has no movement to show).
 */
export function rankChange(
  previousRanks: ReadonlyMap<string, number>,
  id: string,
  rank: number,
): number | null {
  const previous = previousRanks.get(id);
  return previous === undefined ? null : previous - rank;
}
