import { addDays } from '@hanjiang/domain';

export interface CampaignWeek {
  /** 1 for the campaign's first seven days. */
  readonly n: number;
  readonly from: string;
  readonly to: string;
  /** The period as the gateway takes it: an ISO 8601 interval of Shanghai dates ("2025-11-03/2025-11-09"). */
  readonly period: string;
}

/**
 * The campaign's weeks that have begun by `day` (day 1 is the start date), newest first: the periods the
 * supervision group scores, counted from the campaign's own start rather than calendar weeks.
 */
export function campaignWeeks(startDate: string, day: number): CampaignWeek[] {
  const weeks: CampaignWeek[] = [];
  for (let n = 1; (n - 1) * 7 < day; n += 1) {
    const from = addDays(startDate, (n - 1) * 7);
    const to = addDays(startDate, n * 7 - 1);
    weeks.push({ n, from, to, period: `${from}/${to}` });
  }
  return weeks.reverse();
}
