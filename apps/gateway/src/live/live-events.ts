/**
 * What a committed write announces. Sent with pg_notify inside the write's transaction, so PostgreSQL
 * delivers it only on commit: every committed signing produces its live update and no rolled-back one does.
 * Payloads carry ids only (NOTIFY payloads are limited to 8 kB and are not access-controlled); receivers re-read
 * current state under the subscriber's own row-level security.
 */
export const LIVE_CHANNEL = 'hanjiang_live';

export type LiveEvent =
  /** A household changed stage (advance or revert). Tenant ids let receivers filter without SQL. */
  | {
      t: 'household';
      eventId: string;
      householdId: string;
      townshipId: string;
      headquartersId: string;
      teamHomeTownshipId: string | null;
    }
  /** Progress counters changed (boards and the campaign gauge must be recomputed). */
  | { t: 'progress' }
  /** A milestone was recorded; `seq` orders milestones for replay (`milestoneReached(after:)`). */
  | { t: 'milestone'; milestoneId: string; seq: string };

export function encodeLiveEvent(event: LiveEvent): string {
  return JSON.stringify(event);
}

export function decodeLiveEvent(payload: string): LiveEvent | null {
  try {
    const value = JSON.parse(payload) as { t?: unknown };
    return value && (value.t === 'household' || value.t === 'progress' || value.t === 'milestone')
      ? (value as LiveEvent)
      : null;
  } catch {
    return null;
  }
}
