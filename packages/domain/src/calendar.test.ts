import {
  addDays,
  campaignDay,
  daysLeft,
  paceNeededPerDay,
  recentPacePerDay,
  shanghaiDate,
  shanghaiMidnight,
  startOfShanghaiDay,
} from './calendar.js';

// Instants are written in UTC; Shanghai is UTC+8, so 16:00Z is local midnight.
describe('shanghaiDate', () => {
  it.each([
    ['2020-09-26T15:59:59.999Z', '2020-09-26'],
    ['2020-09-26T16:00:00.000Z', '2020-09-27'],
    ['2020-09-27T00:00:00.000Z', '2020-09-27'],
    ['2020-12-31T16:00:00.000Z', '2021-01-01'],
    ['2024-02-28T16:30:00.000Z', '2024-02-29'],
    ['1999-12-31T16:00:00.000Z', '2000-01-01'],
    ['1991-12-31T16:00:00.000Z', '1992-01-01'], // where the fixed offset takes over
    ['9999-12-31T15:59:59.999Z', '9999-12-31'],
    ['9999-12-31T16:00:00.000Z', '10000-01-01'], // five-digit years, which toISOString writes as +010000
    ['+010000-06-01T00:00:00.000Z', '10000-06-01'],
  ])('%s is %s in Shanghai', (instant, date) => {
    expect(shanghaiDate(new Date(instant))).toBe(date);
  });

  it('rejects an invalid date', () => {
    expect(() => shanghaiDate(new Date('nonsense'))).toThrow(new RangeError('Invalid date'));
  });

  // Every 7 hours through the daylight-saving years 1986–1991 and the switch to the fixed offset in 1992, then every
  // 61 hours to 2035 (61 and 24 share no factor, so every hour of the day still comes round): the loop runs once for
  // each of the mutation run's mutants that touch this module, so it samples the fixed-offset decades more thinly.
  it('agrees with the time-zone database from 1985 to 2035 (DST years 1986–1991 included)', () => {
    const zone = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', dateStyle: 'short' });
    const mismatches: string[] = [];
    const hour = 3_600_000;
    for (
      let ms = Date.UTC(1985, 0, 1);
      ms < Date.UTC(2035, 0, 1);
      ms += (ms < Date.UTC(1993, 0, 1) ? 7 : 61) * hour
    ) {
      const instant = new Date(ms);
      if (shanghaiDate(instant) !== zone.format(instant)) mismatches.push(instant.toISOString());
    }
    expect(mismatches).toEqual([]);
  });
});

describe('startOfShanghaiDay', () => {
  it.each([
    ['2020-09-27T03:00:00.000Z', '2020-09-26T16:00:00.000Z'],
    ['2020-09-26T16:00:00.000Z', '2020-09-26T16:00:00.000Z'],
    ['2020-09-26T15:59:59.999Z', '2020-09-25T16:00:00.000Z'],
    ['2021-01-01T00:00:00.000Z', '2020-12-31T16:00:00.000Z'],
  ])('the Shanghai day containing %s began at %s', (instant, midnight) => {
    expect(startOfShanghaiDay(new Date(instant)).toISOString()).toBe(midnight);
  });

  it('agrees with shanghaiMidnight', () => {
    expect(shanghaiMidnight('2020-09-01').toISOString()).toBe('2020-08-31T16:00:00.000Z');
  });
});

describe('addDays', () => {
  it.each([
    ['2020-09-01', 26, '2020-09-27'],
    ['2020-09-01', 99, '2020-12-09'],
    ['2020-03-01', -1, '2020-02-29'],
    ['2020-12-31', 1, '2021-01-01'],
    ['2020-09-01', 0, '2020-09-01'],
  ])('%s + %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('campaignDay and daysLeft', () => {
  const start = '2020-09-01';

  it.each([
    ['2020-08-30T12:00:00Z', -1, 100],
    ['2020-08-31T15:59:59Z', 0, 100],
    ['2020-08-31T16:00:00Z', 1, 100], // Shanghai midnight of the start date
    ['2020-09-01T12:00:00Z', 1, 100],
    ['2020-09-27T04:00:00Z', 27, 74],
    ['2020-10-23T02:00:00Z', 53, 48],
    ['2020-12-09T12:00:00Z', 100, 1], // the last day
    ['2020-12-09T16:00:00Z', 101, 0],
    ['2021-06-01T00:00:00Z', 274, 0],
  ])('at %s it is day %i with %i days left', (instant, day, left) => {
    expect(campaignDay(start, new Date(instant))).toBe(day);
    expect(daysLeft(start, 100, new Date(instant))).toBe(left);
  });

  it.each([
    '2020-9-1',
    '2020-02-30',
    '2020-13-01',
    '20200901',
    '',
    '0099-01-01',
    // A real date with anything before or after it is not a date: the pattern is anchored at both ends.
    '2020-09-01x',
    'x2020-09-01',
    '12020-09-01',
    '2020-09-011',
    ' 2020-09-01',
    '2020-09-01\n',
    '2020-09-01T00:00:00Z',
  ])('rejects start date %j, saying why', (bad) => {
    const message = `Not a calendar date (YYYY-MM-DD): ${JSON.stringify(bad)}`;
    expect(() => campaignDay(bad, new Date())).toThrow(new RangeError(message));
    expect(() => addDays(bad, 1)).toThrow(new RangeError(message));
    expect(() => shanghaiMidnight(bad)).toThrow(new RangeError(message));
  });
});

describe('paceNeededPerDay', () => {
  it.each([
    [3_000_000, 0, 100, 30_000],
    [3_000_000, 1_000_000, 74, 27_028], // 2,000,000 / 74 = 27,027.03 → rounded up
    [3_000_000, 3_000_000, 10, 0],
    [3_000_000, 3_200_000, 10, 0],
    [3_000_000, 2_900_000, 1, 100_000],
    [3_000_000, 2_900_000, 0, 100_000], // nothing left: all of it, now
    [3_000_000, 2_900_000, -3, 100_000],
  ])('target %i, done %i, %i days left: %i m² a day', (target, done, left, pace) => {
    expect(paceNeededPerDay(target, done, left)).toBe(pace);
  });
});

describe('recentPacePerDay', () => {
  it.each([
    [70_000, 30, 10_000], // a full window: 7 days
    [70_001, 30, 10_000], // rounded to a whole m²
    [20_000, 2, 10_000], // day 2: only two days have passed
    [5_000, 1, 5_000],
    [5_000, 0, 0], // before the start there is no pace
    [0, 50, 0],
  ])('%i m² in the window on day %i: %i m² a day', (signed, day, pace) => {
    expect(recentPacePerDay(signed, day)).toBe(pace);
  });
});
