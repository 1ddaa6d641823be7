// Off-hours visits (错时走访): owners are out by day, so teams visit after working hours. Whether a visit was
// off-hours is decided here only, in Asia/Shanghai wall-clock time whatever the server's zone, so the visit log,
// the nightly summary and the cadre records all count the same visits.

/** A working day's window in Shanghai wall-clock minutes since midnight: [startMinute, endMinute). */
export interface WorkingHours {
  readonly startMinute: number;
  readonly endMinute: number;
}

/** 08:30–17:30, the district offices' day; deployments set their own (WORKING_HOURS=08:00-18:00). */
export const DEFAULT_WORKING_HOURS: WorkingHours = { startMinute: 8 * 60 + 30, endMinute: 17 * 60 + 30 };

const MINUTES_PER_DAY = 24 * 60;
const HOURS_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]|24):([0-5]\d)$/;

/**
 * Parses 'HH:MM-HH:MM' (e.g. '08:30-17:30'); the end may be 24:00. Refuses a window that is empty or runs past
 * midnight: a working day that wraps would make "off-hours" mean the middle of the day.
 */
export function parseWorkingHours(text: string): WorkingHours {
  const match = HOURS_PATTERN.exec(text.trim());
  if (match === null)
    throw new RangeError(`Working hours must look like 08:30-17:30, got ${JSON.stringify(text)}`);
  const [, sh, sm, eh, em] = match;
  const startMinute = Number(sh) * 60 + Number(sm);
  const endMinute = Number(eh) * 60 + Number(em);
  if (endMinute > MINUTES_PER_DAY)
    throw new RangeError(`Working hours end after 24:00: ${JSON.stringify(text)}`);
  if (endMinute <= startMinute)
    throw new RangeError(`Working hours must end after they start: ${JSON.stringify(text)}`);
  return { startMinute, endMinute };
}

export function formatWorkingHours(hours: WorkingHours): string {
  const hhmm = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return `${hhmm(hours.startMinute)}-${hhmm(hours.endMinute)}`;
}

/** China has kept UTC+8 all year since 1992 (it had daylight saving 1986–1991): after that, no Intl needed. */
const FIXED_OFFSET_SINCE = Date.UTC(1992, 0, 1);
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const shanghaiClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Minutes since Shanghai midnight of an instant (0–1439). */
export function shanghaiMinuteOfDay(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid date');
  if (ms >= FIXED_OFFSET_SINCE) {
    const local = new Date(ms + SHANGHAI_OFFSET_MS);
    return local.getUTCHours() * 60 + local.getUTCMinutes();
  }
  // Before 1992 the zone database knows the summers of UTC+9: let Intl apply them.
  const parts = shanghaiClock.formatToParts(instant);
  const read = (type: 'hour' | 'minute') => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return read('hour') * 60 + read('minute');
}

/** Off-hours: before the working day starts or at/after it ends, in Shanghai time. */
export function isOffHours(instant: Date, hours: WorkingHours = DEFAULT_WORKING_HOURS): boolean {
  const minute = shanghaiMinuteOfDay(instant);
  return minute < hours.startMinute || minute >= hours.endMinute;
}
