// Campaign calendar arithmetic in Asia/Shanghai, whatever the server's own zone: "today's signings" and
// "day 27 of 100" must mean the same thing on a laptop in UTC and on the district's servers.

const SHANGHAI_TIME_ZONE = 'Asia/Shanghai';
/** Shanghai has kept UTC+8 without daylight saving since 1991, so local midnight is a fixed offset away. */
const SHANGHAI_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;
const MS_PER_DAY = 24 * 60 * 60 * 1000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const shanghaiDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: SHANGHAI_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** China has kept UTC+8 all year since 1992 (daylight saving ran 1986–1991): from then on no Intl is needed. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const FIXED_OFFSET_SINCE = Date.UTC(1992, 0, 1);
/** Where toISOString still has a four-digit year. */
const FIXED_OFFSET_UNTIL = Date.UTC(9999, 11, 31);

/** The Shanghai calendar date ('YYYY-MM-DD') of an instant. */
export function shanghaiDate(instant: Date): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid date');
  // Per request on every board and signing: a fixed offset is ~50× cheaper than formatToParts. Intl gives the same
  // dates, so skipping this or moving a bound by one millisecond changes only the speed (a year-10000 test and the
  // daylight-saving sweep catch the bounds moving further).
  // Stryker disable next-line ConditionalExpression,EqualityOperator: an optimisation; Intl agrees at both bounds
  if (ms >= FIXED_OFFSET_SINCE && ms < FIXED_OFFSET_UNTIL)
    return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
  const parts = shanghaiDateFormat.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    // Stryker disable next-line OptionalChaining,StringLiteral: formatToParts always gives year, month and day
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' calendar date; rejects text that is not a real date. */
function epochDay(date: string): number {
  const match = DATE_PATTERN.exec(date);
  if (match === null) throw notACalendarDate(date);
  const [, year, month, day] = match;
  const utc = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  // A real date reads back as itself: Date.UTC rolls 2020-02-30 over to 03-01 and maps years 0–99 to 1900–1999.
  if (utc.toISOString().slice(0, 10) !== `${year}-${month}-${day}`) throw notACalendarDate(date);
  return utc.getTime() / MS_PER_DAY;
}

function notACalendarDate(date: string): RangeError {
  return new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

/** The calendar date `days` after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  return new Date((epochDay(date) + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The UTC instant at which a Shanghai calendar date begins. */
export function shanghaiMidnight(date: string): Date {
  return new Date(epochDay(date) * MS_PER_DAY - SHANGHAI_UTC_OFFSET_MS);
}

/** The instant of the most recent Shanghai midnight at or before `instant`. */
export function startOfShanghaiDay(instant: Date): Date {
  return shanghaiMidnight(shanghaiDate(instant));
}

/** Day N of the campaign: 1 on the start date, 0 or less before it, beyond the length after it ends. */
export function campaignDay(startDate: string, now: Date): number {
  return epochDay(shanghaiDate(now)) - epochDay(startDate) + 1;
}

/**
 * Days still available, counting today: the full length before the start, 1 on the last day, 0 after.
 * Counting today means the pace shown in the morning is achievable by that evening.
 */
export function daysLeft(startDate: string, lengthDays: number, now: Date): number {
  const remaining = lengthDays - campaignDay(startDate, now) + 1;
  return Math.min(lengthDays, Math.max(0, remaining));
}

/**
 * Square metres a day needed to reach the target, rounded up to a whole m² so that keeping the pace
 * finishes on time. With no days left the whole remainder is due now; a met target needs nothing.
 */
export function paceNeededPerDay(targetM2: number, doneM2: number, daysLeftCount: number): number {
  const remaining = Math.max(0, targetM2 - doneM2);
  return Math.ceil(remaining / Math.max(1, daysLeftCount));
}

/** The window of the "recent pace" shown beside the pace needed: the last 7 days, today included. */
export const RECENT_PACE_WINDOW_DAYS = 7;

/**
 * m² signed per day over the recent window (today included, so each signing moves it at once), rounded to a
 * whole m². In the campaign's first days the window is only the days elapsed so far, so day 2's pace is not
 * divided by 7; before the start there is no pace.
 */
export function recentPacePerDay(
  signedInWindowM2: number,
  campaignDayNumber: number,
  windowDays: number = RECENT_PACE_WINDOW_DAYS,
): number {
  const days = Math.min(windowDays, campaignDayNumber);
  if (days < 1) return 0;
  return Math.round(signedInWindowM2 / days);
}
