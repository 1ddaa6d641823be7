import {
  DEFAULT_WORKING_HOURS,
  formatWorkingHours,
  isOffHours,
  parseWorkingHours,
  shanghaiMinuteOfDay,
} from './working-hours.js';

describe('parseWorkingHours', () => {
  it.each([
    ['08:30-17:30', { startMinute: 510, endMinute: 1050 }],
    [' 00:00-24:00 ', { startMinute: 0, endMinute: 1440 }],
    ['09:05-09:06', { startMinute: 545, endMinute: 546 }],
  ])('%j', (text, expected) => {
    expect(parseWorkingHours(text)).toEqual(expected);
    expect(formatWorkingHours(expected)).toBe(text.trim());
  });

  it.each(['8:30-17:30', '08:30-08:30', '18:00-08:00', '24:00-24:00', '08:60-17:00', '08:30-24:01', '', 'x'])(
    'refuses %j',
    (text) => {
      expect(() => parseWorkingHours(text)).toThrow(RangeError);
    },
  );
});

describe('isOffHours (Asia/Shanghai, whatever the server zone)', () => {
  // Instants given in UTC: Shanghai is UTC+8.
  it.each([
    ['2020-10-23T00:29:59.999Z', true], // 08:29:59 Shanghai: before the day starts
    ['2020-10-23T00:30:00.000Z', false], // 08:30 exactly: working
    ['2020-10-23T09:29:59.000Z', false], // 17:29:59
    ['2020-10-23T09:30:00.000Z', true], // 17:30 exactly: off-hours (江尾分组's evening round)
    ['2020-10-23T12:00:00.000Z', true], // 20:00
    ['2020-10-22T16:00:00.000Z', true], // Shanghai midnight, UTC the previous day
    ['2020-10-22T15:59:59.000Z', true], // 23:59:59 the evening before
    ['2020-10-23T04:00:00.000Z', false], // noon
  ])('%s → %s', (iso, expected) => {
    expect(isOffHours(new Date(iso), DEFAULT_WORKING_HOURS)).toBe(expected);
  });

  it('a UTC-midnight boundary is mid-morning in Shanghai, not the start of a day', () => {
    expect(shanghaiMinuteOfDay(new Date('2020-10-23T00:00:00Z'))).toBe(8 * 60);
  });

  it('uses configured hours', () => {
    const late = parseWorkingHours('09:00-21:00');
    expect(isOffHours(new Date('2020-10-23T12:00:00Z'), late)).toBe(false);
    expect(isOffHours(new Date('2020-10-23T13:00:00Z'), late)).toBe(true);
  });

  it('agrees with the zone database on every hour of a year (no daylight saving since 1992)', () => {
    const intl = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Shanghai',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    for (let t = Date.UTC(2020, 0, 1); t < Date.UTC(2021, 0, 1); t += 61 * 60 * 1000) {
      const [h, m] = intl.format(new Date(t)).split(':').map(Number);
      expect(shanghaiMinuteOfDay(new Date(t))).toBe(h! * 60 + m!);
    }
  });

  it('applies the 1986–1991 summer time (UTC+9) for old instants', () => {
    // 1991-07-01 08:00Z was 17:00 Shanghai summer time (UTC+9), not 16:00.
    expect(shanghaiMinuteOfDay(new Date('1991-07-01T08:00:00Z'))).toBe(17 * 60);
    expect(isOffHours(new Date('1991-07-01T08:30:00Z'))).toBe(true);
    // In winter 1991 the offset was +8 again.
    expect(shanghaiMinuteOfDay(new Date('1991-12-01T08:00:00Z'))).toBe(16 * 60);
  });

  it('refuses an invalid date', () => {
    expect(() => isOffHours(new Date('nope'))).toThrow(RangeError);
  });
});
