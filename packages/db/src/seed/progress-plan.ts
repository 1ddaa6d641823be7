// How far each team has got by day 27. Fractions are cumulative: `measured` is the share of a team's
// households at or past MEASURED, and so on. District-wide this comes to ≈ SURVEYED 20 %, MEASURED 28 %,
// ASSESSED 20 %, SIGNED 22 %, VACATED 7 %, DEMOLISHED 3 %, and each team varies around its headquarters.
import type { Rng } from './prng.js';

export interface StageProfile {
  readonly measured: number;
  readonly assessed: number;
  readonly signed: number;
  readonly vacated: number;
  readonly demolished: number;
}

export interface TeamPace {
  readonly profile: StageProfile;
  /** Campaign days over which the team measures its households, first to last. */
  readonly measureDays: readonly [number, number];
  /**
   * When set, the team has measured at least this share but never all of its households, whatever the
   * rounding: 集奎分组 is "90 % and more, not yet all" in the article; other unpinned teams are below 100 %.
   */
  readonly notAllMeasured?: { readonly atLeast: number };
}

const HQ_PROFILES: Readonly<Record<string, StageProfile>> = {
  'baitang-lake': { measured: 0.79, assessed: 0.5, signed: 0.3, vacated: 0.09, demolished: 0.025 },
  'university-town': { measured: 0.84, assessed: 0.55, signed: 0.32, vacated: 0.1, demolished: 0.03 },
  'hanjiang-station': { measured: 0.82, assessed: 0.56, signed: 0.36, vacated: 0.12, demolished: 0.04 },
  'food-park': { measured: 0.78, assessed: 0.5, signed: 0.33, vacated: 0.11, demolished: 0.035 },
  'north-equipment-park': { measured: 0.72, assessed: 0.45, signed: 0.28, vacated: 0.08, demolished: 0.02 },
  'coastal-park': { measured: 0.7, assessed: 0.42, signed: 0.26, vacated: 0.07, demolished: 0.02 },
  'old-community-renewal': { measured: 0.88, assessed: 0.62, signed: 0.42, vacated: 0.14, demolished: 0.05 },
};

/**
 * The article's teams, pinned: 江尾分组 has measured every household (finishing after day 13), 集奎分组 more
 * than 90 % but not all, and 区委办's 大学城片区征迁一组 was the first team to measure all of its
 * households, on day 13 — its window ends on day 13 and every other window that reaches 100 % ends later.
 */
const PINNED: Readonly<Record<string, TeamPace>> = {
  'baisha-helper-jiangwei': {
    profile: { measured: 1, assessed: 0.6, signed: 0.34, vacated: 0.1, demolished: 0.03 },
    measureDays: [3, 22],
  },
  'baisha-helper-jikui': {
    profile: { measured: 0.93, assessed: 0.55, signed: 0.3, vacated: 0.08, demolished: 0.02 },
    measureDays: [4, 26],
    notAllMeasured: { atLeast: 0.9 },
  },
  'qwb-squad-1': {
    profile: { measured: 1, assessed: 0.74, signed: 0.52, vacated: 0.16, demolished: 0.05 },
    measureDays: [2, 13],
  },
  // 哆中路, where the article photographed a signing: the one village past half signed by day 27.
  'sanjiangkou-renewal': {
    profile: { measured: 0.95, assessed: 0.76, signed: 0.56, vacated: 0.2, demolished: 0.06 },
    measureDays: [1, 20],
    notAllMeasured: { atLeast: 0 },
  },
};

/** Highest measured share a team that is not pinned may reach: no accidental "100 %" teams. */
const MAX_UNPINNED_MEASURED = 0.96;

export function teamPace(teamCode: string, headquartersCode: string, rng: Rng): TeamPace {
  const pinned = PINNED[teamCode];
  if (pinned !== undefined) return pinned;
  const base = HQ_PROFILES[headquartersCode];
  if (base === undefined) throw new Error(`no stage profile for headquarters ${headquartersCode}`);
  // One multiplier per team so that a fast team is fast at every stage, and a little noise per stage.
  const team = rng.between(0.85, 1.15);
  const jitter = (value: number, cap: number): number =>
    Math.min(cap, value * team * rng.between(0.93, 1.07));
  const measured = jitter(base.measured, MAX_UNPINNED_MEASURED);
  const assessed = jitter(base.assessed, measured);
  const signed = jitter(base.signed, assessed);
  const vacated = jitter(base.vacated, signed);
  const demolished = jitter(base.demolished, vacated);
  return {
    profile: { measured, assessed, signed, vacated, demolished },
    measureDays: [rng.int(1, 3), rng.int(21, 27)],
    notAllMeasured: { atLeast: 0 },
  };
}

/** Households of `n` at or past each stage from MEASURED on, honouring the bounds and staying monotonic. */
export function stageCounts(pace: TeamPace, n: number): [number, number, number, number, number] {
  const { profile, notAllMeasured } = pace;
  let measured = Math.round(profile.measured * n);
  if (notAllMeasured !== undefined) {
    measured = Math.min(Math.max(measured, Math.ceil(notAllMeasured.atLeast * n)), Math.max(0, n - 1));
  }
  const assessed = Math.min(measured, Math.round(profile.assessed * n));
  const signed = Math.min(assessed, Math.round(profile.signed * n));
  const vacated = Math.min(signed, Math.round(profile.vacated * n));
  const demolished = Math.min(vacated, Math.round(profile.demolished * n));
  return [measured, assessed, signed, vacated, demolished];
}
