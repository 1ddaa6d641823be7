import type { Client } from 'graphql-ws';
import type pg from 'pg';
import { encodeLiveEvent, LIVE_CHANNEL, type LiveEvent } from '../../src/live/live-events.js';
import { testPool } from './database.js';

export type Result<T> = { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };

/** The database owner (no RLS), playing the write path until tests drive it through advanceStage. */
export function ownerPool(url: string): pg.Pool {
  return testPool(url, 4);
}

/**
 * What the write path does: change rows and `pg_notify` inside ONE transaction, then commit — or roll back,
 * in which case PostgreSQL delivers nothing.
 */
export async function writeLive(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<LiveEvent[]>,
  { rollback = false } = {},
): Promise<LiveEvent[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const events = await work(client);
    for (const event of events) {
      await client.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, encodeLiveEvent(event)]);
    }
    await client.query(rollback ? 'ROLLBACK' : 'COMMIT');
    return events;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Puts a headquarters on top of its board: everything signed, and more signed area than anyone. */
export async function leadHeadquarters(
  client: pg.PoolClient,
  code: string,
  area = 90_000_000,
): Promise<void> {
  await client.query(
    `UPDATE progress_counter SET signed = households, signed_area_m2 = $2, updated_at = now()
     WHERE scope_kind = 'headquarters' AND scope_code = $1`,
    [code, area],
  );
}

let thresholdSeed = 1_000 + Math.floor(Math.random() * 1_000_000);

/** A milestone row (unique threshold, so tests never collide); returns the event the write path would send. */
export async function recordMilestone(
  client: pg.PoolClient,
  headquartersCode = 'food-park',
): Promise<Extract<LiveEvent, { t: 'milestone' }>> {
  thresholdSeed += 1;
  const { rows } = await client.query<{ id: string; seq: string }>(
    `INSERT INTO milestone (scope_kind, scope_code, kind, threshold, headquarters_id)
     SELECT 'headquarters', $1, 'SIGNED_PCT', $2, id FROM headquarters WHERE code = $1
     RETURNING id, seq::text`,
    [headquartersCode, thresholdSeed],
  );
  const row = rows[0];
  if (!row) throw new Error(`no headquarters ${headquartersCode}`);
  return { t: 'milestone', milestoneId: row.id, seq: row.seq };
}

/** Moves a household one version on (stage unchanged) and returns its live event. */
export async function touchHousehold(
  client: pg.PoolClient,
  householdId: string,
): Promise<Extract<LiveEvent, { t: 'household' }>> {
  const { rows } = await client.query<{
    township_id: string;
    headquarters_id: string;
    team_home_township_id: string | null;
  }>(
    `UPDATE household SET version = version + 1, updated_at = now() WHERE id = $1
     RETURNING township_id, headquarters_id, team_home_township_id`,
    [householdId],
  );
  const row = rows[0];
  if (!row) throw new Error(`no household ${householdId}`);
  return {
    t: 'household',
    eventId: '00000000-0000-4000-8000-000000000000',
    householdId,
    townshipId: row.township_id,
    headquartersId: row.headquarters_id,
    teamHomeTownshipId: row.team_home_township_id,
  };
}

/** A running subscription whose results accumulate in `items`. */
export class Collector<T> {
  readonly items: Result<T>[] = [];
  completed = false;
  failure: unknown = null;
  private readonly dispose: () => void;

  constructor(client: Client, query: string, variables: Record<string, unknown> = {}) {
    this.dispose = client.subscribe<T>(
      { query, variables },
      {
        next: (value) => void this.items.push(value as Result<T>),
        error: (error) => {
          this.failure = error;
        },
        complete: () => {
          this.completed = true;
        },
      },
    );
  }

  /** Waits until `count` results arrived (or fails after `timeoutMs`). */
  async waitFor(count: number, timeoutMs = 10_000): Promise<Result<T>[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.items.length < count) {
      if (this.failure) throw new Error(`subscription failed: ${JSON.stringify(this.failure)}`);
      if (Date.now() > deadline) {
        throw new Error(`timed out: ${this.items.length}/${count} results: ${JSON.stringify(this.items)}`);
      }
      await sleep(10);
    }
    return this.items;
  }

  /** Waits until the operation is refused (a graphql-ws `error` message) and returns its errors. */
  async refusal(timeoutMs = 10_000): Promise<NonNullable<Result<T>['errors']>> {
    const deadline = Date.now() + timeoutMs;
    while (!this.failure) {
      if (Date.now() > deadline) throw new Error(`not refused; results: ${JSON.stringify(this.items)}`);
      await sleep(10);
    }
    return this.failure as NonNullable<Result<T>['errors']>;
  }

  get last(): Result<T> | undefined {
    return this.items.at(-1);
  }

  stop(): void {
    this.dispose();
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves with the close code of the client's socket. */
export function closeCodeOf(client: Client): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    client.on('closed', (event) => {
      const { code, reason } = event as { code: number; reason: string };
      resolve({ code, reason: String(reason) });
    });
  });
}
