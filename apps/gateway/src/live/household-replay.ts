import type pg from 'pg';
import { LRUCache } from 'lru-cache';
import { tenantSettings } from '../credentials/tenant-settings.js';
import { RequestTransaction } from '../db/request-transaction.js';
import type { Logger } from '../logger.js';
import type { EventSink } from './live-bus.js';
import type { LiveEvent } from './live-events.js';

type HouseholdEvent = Extract<LiveEvent, { t: 'household' }>;

/**
 * How far before a drop the replay starts reading. An event's `occurred_at` is its transaction's start, so a write
 * that began before the drop and committed during it is older than the drop: the margin covers any transaction
 * the gateway lets live (statement and idle-in-transaction timeouts are well under it).
 */
export const REPLAY_MARGIN_MS = 60_000;
const REPLAY_LIMIT = 10_000;

/**
 * Household events committed while this replica's bus was down are not lost (issue 16): household_event is the
 * outbox. While connected, every household event handed on is remembered (by id, bounded); when the bus reports a
 * drop the time is noted, and when it reports recovery the events since shortly before the drop are read
 * (app.household_events_since: ids and tenant ids only, as a NOTIFY carries) and those not delivered yet are handed
 * on, in commit-time order — subscribers re-read each household under their own row-level security as usual.
 * Boards and milestones recover by themselves (resync tick, milestone cursor); this closes the household gap.
 */
export class HouseholdReplay {
  private readonly delivered = new LRUCache<string, true>({ max: 50_000 });
  /** Events handed on by a replay, so that their live copy, should it arrive after all, is not handed on again. */
  private readonly replayed = new LRUCache<string, true>({ max: 10_000 });
  private droppedAt: number | null = null;
  private repairing: Promise<void> | null = null;
  /**
   * Nothing older than this replica's start is replayed: it never delivered those, and a subscriber that joined
   * after them got the current state anyway. (Epoch ms of this host; PostgreSQL's clock is assumed close to it.)
   */
  private readonly startedAt = Date.now();

  constructor(
    private readonly pool: pg.Pool,
    private readonly sink: EventSink,
    private readonly logger: Logger,
  ) {}

  /** The bus's sink: household events are remembered; a live copy of one a replay already handed on is dropped. */
  readonly receive: EventSink = (event) => {
    if (event.t === 'household') {
      if (this.replayed.delete(event.eventId)) return;
      this.delivered.set(event.eventId, true);
    }
    this.sink(event);
  };

  /** The bus lost its connection: the first drop of an outage marks where the replay will start. */
  dropped(): void {
    this.droppedAt ??= Date.now();
  }

  /** The bus is back: replay what was committed meanwhile (serialised; a failure keeps the mark for the next try). */
  recovered(): Promise<void> {
    this.repairing ??= this.replay().finally(() => {
      this.repairing = null;
    });
    return this.repairing;
  }

  private async replay(): Promise<void> {
    const since = this.droppedAt;
    if (since === null) return;
    const tx = new RequestTransaction(this.pool, tenantSettings(null));
    try {
      const rows = await tx.query<{
        id: string;
        household_id: string;
        township_id: string;
        headquarters_id: string;
        team_home_township_id: string | null;
      }>('SELECT * FROM app.household_events_since($1, $2)', [
        new Date(Math.max(since - REPLAY_MARGIN_MS, this.startedAt)),
        REPLAY_LIMIT,
      ]);
      await tx.commit();
      // The mark goes only once the read succeeded: a failed replay is retried at the next recovery.
      if (this.droppedAt === since) this.droppedAt = null;
      let replayed = 0;
      for (const row of rows) {
        if (this.delivered.has(row.id)) continue;
        replayed += 1;
        const event: HouseholdEvent = {
          t: 'household',
          eventId: row.id,
          householdId: row.household_id,
          townshipId: row.township_id,
          headquartersId: row.headquarters_id,
          teamHomeTownshipId: row.team_home_township_id,
        };
        this.delivered.set(row.id, true);
        this.replayed.set(row.id, true);
        this.sink(event);
      }
      this.logger.info(
        { replayed, read: rows.length },
        'live bus: household events replayed after an outage',
      );
    } catch (error) {
      await tx.rollback().catch(() => undefined);
      this.logger.error({ err: error }, 'live bus: household replay failed; retried at the next recovery');
    }
  }
}
