// Where the demo sits in the campaign: `now` is always day 27 in Asia/Shanghai, so the scoreboard shows
// a campaign a quarter of the way through whatever day the demo is started on.
import { addDays, campaignDay, shanghaiDate, shanghaiMidnight } from '@hanjiang/domain';

/** The day of the campaign the demo's `now` falls on. */
export const DEMO_CAMPAIGN_DAY = 27;

const MS_PER_MINUTE = 60_000;
/** Cadres visit from 08:00 to 21:30: many owners are only home in the evening (the article's 错时走访). */
const WORK_START_MIN = 8 * 60;
const WORK_END_MIN = 21 * 60 + 30;

export interface CampaignCalendar {
  readonly now: Date;
  /** Day 1, a Shanghai calendar date. */
  readonly startDate: string;
  readonly today: number;
}

export function campaignCalendar(now: Date): CampaignCalendar {
  const startDate = addDays(shanghaiDate(now), -(DEMO_CAMPAIGN_DAY - 1));
  const today = campaignDay(startDate, now);
  if (today !== DEMO_CAMPAIGN_DAY) throw new Error(`seed: calendar arithmetic gave day ${today}`);
  return { now, startDate, today };
}

/** Shanghai midnight at which campaign day `day` begins (day 0 and below are before the campaign). */
export function dayStart(calendar: CampaignCalendar, day: number): Date {
  return shanghaiMidnight(addDays(calendar.startDate, day - 1));
}

/**
 * An instant in the working hours of campaign day `day`, `fraction` (0..1) of the way through them.
 * Today's window ends at `now` — never in the future; before 08:00 today it is the small hours so far.
 */
export function timeOnDay(calendar: CampaignCalendar, day: number, fraction: number): Date {
  const midnight = dayStart(calendar, day).getTime();
  let startMin = WORK_START_MIN;
  let endMin = WORK_END_MIN;
  if (day >= calendar.today) {
    const nowMin = (calendar.now.getTime() - midnight) / MS_PER_MINUTE;
    endMin = Math.min(endMin, nowMin);
    if (endMin < WORK_START_MIN + 60) startMin = endMin / 2;
  }
  const at = midnight + (startMin + fraction * (endMin - startMin)) * MS_PER_MINUTE;
  return new Date(Math.min(Math.floor(at), calendar.now.getTime()));
}
