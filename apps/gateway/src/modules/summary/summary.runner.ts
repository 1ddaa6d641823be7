import { type ScopeSettings, summariseDays, type SummaryRunResult, type SummaryTrigger } from '@hanjiang/db';
import type pg from 'pg';
import { RequestTransaction } from '../../db/request-transaction.js';
import { encodeLiveEvent, LIVE_CHANNEL } from '../../live/live-events.js';

declare module '../../context.js' {
  interface Services {
    /** Tonight's summary: runs a day under the district's scope (the nightly job and `runDailySummary`). */
    readonly summaries: SummaryRunner;
  }
}

/**
 * The scope the summary is counted under: the district admin's, signed like a request's, so the job reads every
 * team's events through the same row-level security as everyone else (no owner connection, no BYPASSRLS) and the
 * write policies on team_day_summary admit it and nobody below the district.
 */
function systemScope(subject: string): ScopeSettings {
  return {
    'app.tenant_kind': 'district',
    'app.tenant_id': 'district',
    'app.role': 'admin',
    'app.team_id': '',
    'app.subject': subject,
  };
}

/** Runs one day's summary in its own transaction, for the nightly job and for `runDailySummary`. */
export class SummaryRunner {
  constructor(private readonly pool: () => pg.Pool) {}

  async run(
    day: string,
    trigger: SummaryTrigger,
    requestedBy: string,
    teamIds: readonly string[] | null = null,
  ): Promise<SummaryRunResult> {
    const tx = new RequestTransaction(this.pool(), systemScope(requestedBy));
    try {
      const result = await summariseDays(await tx.connection(), day, day, trigger, requestedBy, teamIds);
      // Announced on COMMIT only, like every live event: the district console then fetches the day again.
      if (result.ran)
        tx.deferToCommit('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, encodeLiveEvent({ t: 'summary', day })]);
      await tx.commit();
      return result;
    } catch (error) {
      await tx.rollback().catch(() => undefined);
      throw error;
    }
  }
}
