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
  /**
   * Field work changed: a visit recorded, or a dispute opened or moved (`kind` says which row `id` is). Carries
   * the household's tenant ids so receivers filter with the household rule, without SQL.
   */
  | {
      t: 'field';
      kind: 'visit' | 'dispute';
      id: string;
      householdId: string;
      teamId: string | null;
      townshipId: string;
      headquartersId: string;
      teamHomeTownshipId: string | null;
    }
  /** Progress counters changed (boards and the campaign gauge must be recomputed). */
  | { t: 'progress' }
  /** A day's summary was written (the nightly job or `runDailySummary`): consoles showing it fetch it again. */
  | { t: 'summary'; day: string }
  /** A milestone was recorded; `seq` orders milestones for replay (`milestoneReached(after:)`). */
  | { t: 'milestone'; milestoneId: string; seq: string }
  /**
   * A credential lapsed: an API key revoked (or expired, re-scoped, deleted), a user disabled, a membership
   * changed or removed. Sent by database triggers (migration 1764700000200), so however the row was changed,
   * every replica closes the affected sockets at once. `subject` is the principal's subject (`apikey:<id>` or
   * the username); `membershipId` narrows a user's to one membership; `prefix` names the API key's cache entry.
   */
  | { t: 'credential'; subject: string; membershipId?: string | null; prefix?: string | null }
  /**
   * A metrics probe (metrics/bus-probe.ts): a replica publishes it and times its own copy's return, which is the
   * bus's lag. Every stream ignores it; other replicas' probes are ignored by origin.
   */
  | { t: 'probe'; origin: string; sentAt: number };

export function encodeLiveEvent(event: LiveEvent): string {
  return JSON.stringify(event);
}

export function decodeLiveEvent(payload: string): LiveEvent | null {
  try {
    const value = JSON.parse(payload) as {
      t?: unknown;
      subject?: unknown;
      origin?: unknown;
      sentAt?: unknown;
    } | null;
    if (!value) return null;
    if (value.t === 'household' || value.t === 'progress' || value.t === 'milestone' || value.t === 'field')
      return value as LiveEvent;
    if (value.t === 'summary' && typeof (value as { day?: unknown }).day === 'string')
      return value as LiveEvent;
    if (value.t === 'credential' && typeof value.subject === 'string') return value as LiveEvent;
    if (value.t === 'probe' && typeof value.origin === 'string' && typeof value.sentAt === 'number')
      return value as LiveEvent;
    return null;
  } catch {
    return null;
  }
}

export type FieldLiveEvent = Extract<LiveEvent, { t: 'field' }>;

/** The statement a field-work write runs in its own transaction: the event is delivered on COMMIT only. */
export const FIELD_NOTIFY_SQL = 'SELECT pg_notify($1, $2)';

export function fieldNotifyParams(event: Omit<FieldLiveEvent, 't'>): [string, string] {
  return [LIVE_CHANNEL, encodeLiveEvent({ t: 'field', ...event })];
}
