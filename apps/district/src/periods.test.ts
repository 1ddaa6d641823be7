import { describe, expect, it } from 'vitest';
import { campaignWeeks } from './periods.js';

describe('campaignWeeks', () => {
  it('lists the weeks begun by the given day, newest first, as date intervals', () => {
    expect(campaignWeeks('2025-11-03', 15)).toEqual([
      { n: 3, from: '2025-11-17', to: '2025-11-23', period: '2025-11-17/2025-11-23' },
      { n: 2, from: '2025-11-10', to: '2025-11-16', period: '2025-11-10/2025-11-16' },
      { n: 1, from: '2025-11-03', to: '2025-11-09', period: '2025-11-03/2025-11-09' },
    ]);
  });

  it('has one week on day 7 and two on day 8, and none before the start', () => {
    expect(campaignWeeks('2025-11-03', 7).map((w) => w.n)).toEqual([1]);
    expect(campaignWeeks('2025-11-03', 8).map((w) => w.n)).toEqual([2, 1]);
    expect(campaignWeeks('2025-11-03', 0)).toEqual([]);
  });
});
