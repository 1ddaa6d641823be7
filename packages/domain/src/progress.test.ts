import { campaignDay } from './calendar.js';
import {
  CAMPAIGN_AREA_STEP_M2,
  DEFAULT_CAMPAIGN,
  PCT_THRESHOLDS,
  areaStepsCrossed,
  campaignPercentages,
  pctThresholdsCrossed,
  percent,
  rankChange,
  rankRows,
  scopePercentages,
} from './progress.js';

describe('DEFAULT_CAMPAIGN', () => {
  it('is 100 days for 3,000,000 m²', () => {
    expect(DEFAULT_CAMPAIGN).toEqual({
      nameZh: '奋战100天,征迁300万',
      startDate: '2020-09-01',
      lengthDays: 100,
      targetAreaM2: 3_000_000,
    });
  });

  it.each([
    ['2020-09-27T10:00:00+08:00', 27],
    ['2020-10-23T09:59:07+08:00', 53], // the article's timestamp
  ])('makes %s day %i', (instant, day) => {
    expect(campaignDay(DEFAULT_CAMPAIGN.startDate, new Date(instant))).toBe(day);
  });
});

describe('percent', () => {
  it.each([
    [0, 0, 0],
    [5, 0, 0],
    [0, 100, 0],
    [1, 3, 33.3],
    [2, 3, 66.7],
    [1, 8, 12.5],
    [50, 100, 50],
    [9999, 10000, 99.9], // rounds to 100.0 but is not done
    [3875, 3875, 100],
    [4000, 3875, 100],
    [-1, 10, 0],
  ])('%i of %i is %f %', (part, total, pct) => {
    expect(percent(part, total)).toBe(pct);
  });
});

describe('pctThresholdsCrossed', () => {
  it('uses 50, 80, 90 and 100', () => {
    expect(PCT_THRESHOLDS).toEqual([50, 80, 90, 100]);
  });

  it.each([
    [49, 50, 100, [50]],
    [50, 51, 100, []],
    [0, 100, 100, [50, 80, 90, 100]],
    [79, 95, 100, [80, 90]],
    [99, 100, 100, [100]],
    [1998, 1999, 3999, []], // 49.99 %: rounds to 50.0 but has not reached it
    [1999, 2000, 3999, [50]],
    [0, 0, 0, []],
    [0, 5, 0, []],
    [60, 40, 100, []], // a revert reaches nothing
    [2, 3, 3, [80, 90, 100]],
    [1, 2, 3, [50]],
  ])('%i → %i of %i crosses %j', (before, after, total, crossed) => {
    expect(pctThresholdsCrossed(before, after, total)).toEqual(crossed);
  });
});

describe('areaStepsCrossed', () => {
  it('steps every 500,000 m² by default', () => {
    expect(CAMPAIGN_AREA_STEP_M2).toBe(500_000);
  });

  it.each([
    [499_000, 1_000_001, [500_000, 1_000_000]],
    [0, 499_999, []],
    [499_999.5, 500_000, [500_000]],
    [500_000, 600_000, []],
    [0, 3_000_000, [500_000, 1_000_000, 1_500_000, 2_000_000, 2_500_000, 3_000_000]],
    [2_900_000, 3_600_000, [3_000_000, 3_500_000]],
    [600_000, 400_000, []],
    [0, 0, []],
  ])('%i → %i m² crosses %j', (before, after, crossed) => {
    expect(areaStepsCrossed(before, after)).toEqual(crossed);
  });

  it.each([
    [0, 25, 10, [10, 20]],
    [-15, 5, 10, []],
  ])('%i → %i with step %i crosses %j', (before, after, step, crossed) => {
    expect(areaStepsCrossed(before, after, step)).toEqual(crossed);
  });

  it.each([0, -1, NaN])('rejects step %f', (step) => {
    expect(() => areaStepsCrossed(0, 10, step)).toThrow(new RangeError(`Step must be positive, got ${step}`));
  });
});

describe('rankRows', () => {
  const ranksOf = (scores: number[], order?: 'asc' | 'desc'): string[] =>
    rankRows(
      scores.map((score, i) => ({ id: `r${i}`, score })),
      (r) => r.score,
      order,
    ).map((r) => `${r.id}:${r.rank}`);

  it.each<[number[], 'asc' | 'desc' | undefined, string[]]>([
    [[], undefined, []],
    [[7], undefined, ['r0:1']],
    [[10, 30, 20], undefined, ['r1:1', 'r2:2', 'r0:3']],
    [[30, 20, 20, 10], undefined, ['r0:1', 'r1:2', 'r2:2', 'r3:4']],
    [[20, 30, 20, 10], undefined, ['r1:1', 'r0:2', 'r2:2', 'r3:4']], // ties keep input order
    [[5, 5, 5], undefined, ['r0:1', 'r1:1', 'r2:1']],
    [[30, 20, 20, 10], 'asc', ['r3:1', 'r1:2', 'r2:2', 'r0:4']],
  ])('ranks %j (%s) as %j', (scores, order, ranks) => {
    expect(ranksOf(scores, order)).toEqual(ranks);
  });

  it('keeps the row fields and does not touch the input', () => {
    const rows = [{ id: 'a', signed: 3, nameZh: '白沙拆迁组' }];
    expect(rankRows(rows, (r) => r.signed)).toEqual([{ id: 'a', signed: 3, nameZh: '白沙拆迁组', rank: 1 }]);
    expect(rows[0]).not.toHaveProperty('rank');
  });
});

describe('rankChange', () => {
  const previous = new Map([
    ['a', 1],
    ['b', 4],
  ]);

  it.each<[string, number, number | null]>([
    ['b', 2, 2],
    ['a', 3, -2],
    ['a', 1, 0],
    ['c', 1, null],
  ])('%s now at %i moved %p', (id, rank, change) => {
    expect(rankChange(previous, id, rank)).toBe(change);
  });
});

describe('scopePercentages: households and area, each named by what it counts', () => {
  it('gives 白塘湖片区’s board numbers: 1,143 of 3,875 households, area of its own buildings', () => {
    expect(
      scopePercentages({
        households: 3875,
        measured: 3061,
        signed: 1143,
        buildingAreaM2: 1_850_000,
        signedAreaM2: 462_500,
      }),
    ).toEqual({ measuredPct: 79, signedHouseholdsPct: 29.5, signedAreaPct: 25 });
  });

  it('keeps households and area apart: one signed factory is 1 of 10 households but most of the area', () => {
    const pct = scopePercentages({
      households: 10,
      measured: 10,
      signed: 1,
      buildingAreaM2: 10_000,
      signedAreaM2: 9_100,
    });
    expect(pct.signedHouseholdsPct).toBe(10);
    expect(pct.signedAreaPct).toBe(91);
  });

  it('is 0 for an empty scope', () => {
    expect(
      scopePercentages({ households: 0, measured: 0, signed: 0, buildingAreaM2: 0, signedAreaM2: 0 }),
    ).toEqual({ measuredPct: 0, signedHouseholdsPct: 0, signedAreaPct: 0 });
  });
});

describe('campaignPercentages', () => {
  it('counts area against the 3,000,000 m² target and households against all households', () => {
    expect(
      campaignPercentages({
        signedAreaM2: 672_997.25,
        targetAreaM2: 3_000_000,
        signed: 1_900,
        households: 8_600,
      }),
    ).toEqual({ signedAreaPctOfTarget: 22.4, signedHouseholdsPct: 22.1 });
  });
});
