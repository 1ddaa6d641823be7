import { milestonesCrossed } from '../src/progress/milestones-crossed.js';

const counts = (measured: number, signed: number, signedAreaM2 = 0) => ({ measured, signed, signedAreaM2 });

describe('milestonesCrossed (the rule the write path and the seed replay share)', () => {
  it('percentages of households measured and signed, only those crossed by this change', () => {
    const village = { kind: 'village', code: 'v1', households: 10 };
    expect(milestonesCrossed(village, counts(4, 0), counts(5, 0), null)).toEqual([
      { kind: 'MEASURED_PCT', threshold: 50 },
    ]);
    expect(milestonesCrossed(village, counts(7, 7), counts(7, 8), null)).toEqual([
      { kind: 'SIGNED_PCT', threshold: 80 },
    ]);
    expect(milestonesCrossed(village, counts(5, 0), counts(6, 0), null)).toEqual([]);
    // A correction back below a threshold crosses nothing (the milestone stays recorded).
    expect(milestonesCrossed(village, counts(5, 0), counts(4, 0), null)).toEqual([]);
    // Going from 0 to all of 1 household crosses every threshold at once, in order.
    expect(
      milestonesCrossed({ kind: 'team', code: 't', households: 1 }, counts(0, 0), counts(0, 1), null),
    ).toEqual([
      { kind: 'SIGNED_PCT', threshold: 50 },
      { kind: 'SIGNED_PCT', threshold: 80 },
      { kind: 'SIGNED_PCT', threshold: 90 },
      { kind: 'SIGNED_PCT', threshold: 100 },
    ]);
  });

  it('area steps on the campaign only', () => {
    const before = counts(0, 3, 499_999.5);
    const after = counts(0, 4, 1_000_000.25);
    expect(
      milestonesCrossed({ kind: 'campaign', code: 'main', households: 100 }, before, after, null),
    ).toEqual([
      { kind: 'CAMPAIGN_AREA', threshold: 500_000 },
      { kind: 'CAMPAIGN_AREA', threshold: 1_000_000 },
    ]);
    expect(milestonesCrossed({ kind: 'township', code: 'x', households: 100 }, before, after, null)).toEqual(
      [],
    );
  });

  it('a full measurement counts for the leaf team that works the household, when this change completes it', () => {
    const team = { kind: 'team', code: 'leaf', households: 3 };
    const full = { kind: 'FIRST_TEAM_FULL_MEASUREMENT', threshold: 100 };
    expect(milestonesCrossed(team, counts(2, 0), counts(3, 0), 'leaf')).toContainEqual(full);
    expect(milestonesCrossed(team, counts(2, 0), counts(3, 0), 'other')).not.toContainEqual(full);
    expect(
      milestonesCrossed({ ...team, kind: 'village' }, counts(2, 0), counts(3, 0), 'leaf'),
    ).not.toContainEqual(full);
    // Already complete before (a signing in a fully measured team) is not a new completion.
    expect(milestonesCrossed(team, counts(3, 1), counts(3, 2), 'leaf')).not.toContainEqual(full);
    expect(milestonesCrossed({ ...team, households: 0 }, counts(0, 0), counts(0, 0), 'leaf')).toEqual([]);
  });
});
