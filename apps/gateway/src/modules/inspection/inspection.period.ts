// Inspection periods as the supervision group writes them: an ISO week ("2020-W43"), a month ("2020-10"), or a
// date interval ("2020-10-19/2020-10-25", as the demo data has them). Each has a first day, which orders them.
import { shanghaiDate } from '@hanjiang/domain';
import { ErrorCode, publicError } from '../../errors/public-error.js';

export interface Period {
  /** Canonical text, as stored. */
  readonly text: string;
  /** First day, YYYY-MM-DD. */
  readonly start: string;
}

const WEEK = /^(\d{4})-W(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const INTERVAL = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/;

const iso = (d: Date) => d.toISOString().slice(0, 10);

function isRealDate(text: string): boolean {
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && iso(d) === text;
}

/** Monday of ISO week `week` of `year`, or null when the year has no such week. */
export function isoWeekMonday(year: number, week: number): string | null {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000);
  const start = new Date(monday.getTime() + (week - 1) * 7 * 86_400_000);
  // Week 53 exists only when the following Thursday is still in `year`.
  const thursday = new Date(start.getTime() + 3 * 86_400_000);
  return week >= 1 && thursday.getUTCFullYear() === year ? iso(start) : null;
}

/** The period's first day, or null for text that is not a period. Never throws (used on stored rows). */
export function periodStart(text: string): string | null {
  const week = WEEK.exec(text);
  if (week) return isoWeekMonday(Number(week[1]), Number(week[2]));
  const month = MONTH.exec(text);
  if (month) return Number(month[2]) >= 1 && Number(month[2]) <= 12 ? `${text}-01` : null;
  const interval = INTERVAL.exec(text);
  if (interval && isRealDate(interval[1]!) && isRealDate(interval[2]!) && interval[1]! <= interval[2]!) {
    return interval[1]!;
  }
  return null;
}

/** A period from user input in canonical form ("2020w43" → "2020-W43"), else BAD_USER_INPUT. */
export function canonicalPeriod(input: string): Period {
  const text = input
    .trim()
    .toUpperCase()
    .replace(/^(\d{4})W/, '$1-W');
  const start = periodStart(text);
  if (start === null) {
    throw publicError(ErrorCode.BAD_USER_INPUT, {
      zh: `考评周期“${input}”格式不正确:请用 2020-W43(周)、2020-10(月)或 2020-10-19/2020-10-25`,
      en: `Period "${input}" is malformed: use 2020-W43 (week), 2020-10 (month) or 2020-10-19/2020-10-25`,
    });
  }
  return { text, start };
}

/** A period to record a score for: well-formed and already begun (Asia/Shanghai), else BAD_USER_INPUT. */
export function parsePeriod(input: string, now = new Date()): Period {
  const { text, start } = canonicalPeriod(input);
  if (start > shanghaiDate(now)) {
    throw publicError(ErrorCode.BAD_USER_INPUT, {
      zh: `考评周期“${text}”尚未开始`,
      en: `Period "${text}" has not begun yet`,
    });
  }
  return { text, start };
}

/** Orders periods by first day, then text; unknown shapes last. */
export function comparePeriods(a: string, b: string): number {
  const sa = periodStart(a) ?? '9999-12-31';
  const sb = periodStart(b) ?? '9999-12-31';
  return sa === sb ? a.localeCompare(b) : sa < sb ? -1 : 1;
}
