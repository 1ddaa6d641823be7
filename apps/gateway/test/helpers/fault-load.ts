// Load for fault tests and the soak: signers that retry with the same idempotency key until they get an answer,
// and screens that resubscribe after a drop (milestones by cursor, boards from scratch). Every outcome is recorded
// so the test can compare what clients were told with what the database kept.
import { randomUUID } from 'node:crypto';
import { computeProgressCounters, computeProgressDaily, verifyAuditChain } from '@hanjiang/db';
import { type Client, createClient } from 'graphql-ws';
import type pg from 'pg';
import WebSocket from 'ws';

// Kept here rather than imported from workflow.ts: the soak runs this file under tsx without the gateway's code.
const ADVANCE = `mutation ($input: AdvanceStageInput!) { advanceStage(input: $input) { id stage version } }`;
const SIGNED_PAYLOAD = { agreedAmountYuan: '1250000.00', compensationChoice: 'CASH' };

export interface Target {
  id: string;
  version: number;
}

export interface Signing {
  householdId: string;
  key: string;
  /** Attempts sent with this key (1 = no retry). */
  attempts: number;
  /** The version the gateway acknowledged, or null when no attempt was answered before the load stopped. */
  acknowledged: number | null;
  /** A business refusal (CONFLICT…) is an answer too: the write did not happen. */
  refused: string | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One client signing its households in turn. A network error, a 5xx or SERVICE_UNAVAILABLE is an unknown
 * outcome: it retries the same request with the same key until answered or `stopAt` passes.
 */
export async function signAll(
  url: () => string,
  token: string,
  targets: Target[],
  options: { stopAt: number; retryMs?: number; onAck?: (s: Signing) => void; stop?: () => boolean },
): Promise<Signing[]> {
  const done: Signing[] = [];
  for (const target of targets) {
    if (options.stop?.() || Date.now() > options.stopAt) break;
    const signing: Signing = {
      householdId: target.id,
      key: randomUUID(),
      attempts: 0,
      acknowledged: null,
      refused: null,
    };
    done.push(signing);
    const body = JSON.stringify({
      query: ADVANCE,
      variables: {
        input: {
          householdId: target.id,
          toStage: 'SIGNED',
          idempotencyKey: signing.key,
          expectedVersion: target.version,
          ...SIGNED_PAYLOAD,
        },
      },
    });
    while (Date.now() < options.stopAt) {
      signing.attempts += 1;
      const answer = await post(url(), body, token);
      if (answer === 'unknown') {
        await sleep(options.retryMs ?? 100);
        continue;
      }
      if (answer.version !== undefined) signing.acknowledged = answer.version;
      else signing.refused = answer.code ?? 'ERROR';
      if (signing.acknowledged !== null) options.onAck?.(signing);
      break;
    }
  }
  return done;
}

type Answer = 'unknown' | { version?: number; code?: string };

async function post(url: string, body: string, token: string): Promise<Answer> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
      signal: AbortSignal.timeout(15_000),
    });
    if (response.status >= 500) return 'unknown';
    const json = (await response.json()) as {
      data?: { advanceStage?: { version: number } } | null;
      errors?: { extensions?: { code?: string } }[];
    };
    const code = json.errors?.[0]?.extensions?.code;
    if (code === 'SERVICE_UNAVAILABLE' || code === 'INTERNAL_SERVER_ERROR') return 'unknown';
    const version = json.data?.advanceStage?.version;
    return version !== undefined ? { version } : { code: code ?? `HTTP_${response.status}` };
  } catch {
    return 'unknown';
  }
}

type Reached = { milestoneReached: { id: string; cursor: string } };
type Board = { leaderboardChanged: { scopeCode: string; signed: number }[] };
const REACHED = 'subscription ($after: String) { milestoneReached(after: $after) { id cursor } }';
const BOARD = 'subscription { leaderboardChanged(board: HEADQUARTERS) { scopeCode signed } }';

/** A screen: a milestone feed and a board; after a drop it reconnects and replays from its last cursor. */
export class Screen {
  readonly milestones: string[] = [];
  board: Board['leaderboardChanged'] | null = null;
  boards = 0;
  reconnects = 0;
  private cursor: string | null = null;
  private client: Client | null = null;
  private closedAt: number | null = null;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  get connected(): boolean {
    return this.client !== null && this.closedAt === null;
  }

  open(): void {
    if (this.stopped) return;
    this.closedAt = null;
    const client = createClient({
      url: this.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${this.token}` },
      retryAttempts: 0,
      lazy: true,
      on: { closed: () => this.dropped(client) },
    });
    this.client = client;
    const lost = () => this.dropped(client);
    client.subscribe<Reached>(
      { query: REACHED, variables: { after: this.cursor } },
      {
        next: (r) => {
          const m = r.data?.milestoneReached;
          if (!m) return;
          this.milestones.push(m.id);
          this.cursor = m.cursor;
        },
        error: lost,
        complete: () => undefined,
      },
    );
    client.subscribe<Board>(
      { query: BOARD },
      {
        next: (r) => {
          if (!r.data?.leaderboardChanged) return;
          this.board = r.data.leaderboardChanged;
          this.boards += 1;
        },
        error: lost,
        complete: () => undefined,
      },
    );
  }

  /** Reopens after a drop, at most every `afterMs`. */
  retry(afterMs = 500): void {
    if (this.stopped || this.connected || this.closedAt === null) return;
    if (Date.now() - this.closedAt < afterMs) return;
    this.reconnects += 1;
    this.open();
  }

  private dropped(client: Client): void {
    if (this.client !== client || this.closedAt !== null) return;
    this.closedAt = Date.now();
    // dispose() rejects when the connection never opened: that is the drop already being handled.
    void Promise.resolve(client.dispose()).catch(() => undefined);
  }

  async close(): Promise<void> {
    this.stopped = true;
    await Promise.resolve(this.client?.dispose()).catch(() => undefined);
  }
}

/** Counter and daily rows that differ from a recount of the events (as the owner, no RLS). */
export async function counterMismatches(owner: pg.Pool): Promise<string[]> {
  const show = (row: object) => JSON.stringify(Object.values(row).map(String));
  const expected = [...(await computeProgressCounters(owner)), ...(await computeProgressDaily(owner))].map(
    show,
  );
  const counters = await owner.query(
    `SELECT scope_kind, scope_code, households, measured, assessed, signed, vacated, demolished,
            building_area_m2::text, signed_area_m2::text FROM progress_counter`,
  );
  const daily = await owner.query(
    `SELECT scope_kind, scope_code, day::text, signed, signed_area_m2::text FROM progress_daily WHERE signed <> 0`,
  );
  const actual = new Set([...counters.rows, ...daily.rows].map(show));
  return expected.filter((row) => !actual.has(row));
}

export interface LedgerCheck {
  acknowledged: number;
  /** Acknowledged signings without exactly one stored event for their key. */
  ackedNotOnce: string[];
  /** Keys (acknowledged or not) stored more than once. */
  doubled: string[];
  /** Households signed more than once. */
  householdsDoubled: string[];
  retried: number;
  unanswered: number;
  stored: number;
}

/** What clients were told against what the database kept. */
export async function checkLedger(owner: pg.Pool, signings: Signing[]): Promise<LedgerCheck> {
  const { rows } = await owner.query<{ key: string; n: number }>(
    `SELECT idempotency_key AS key, count(*)::int AS n FROM household_event
     WHERE idempotency_key = ANY($1::text[]) GROUP BY 1`,
    [signings.map((s) => s.key)],
  );
  const stored = new Map(rows.map((r) => [r.key, r.n]));
  const households = await owner.query<{ id: string }>(
    `SELECT household_id::text AS id FROM household_event WHERE household_id = ANY($1::uuid[])
       AND to_stage = 'SIGNED' AND kind = 'ADVANCE' GROUP BY 1 HAVING count(*) > 1`,
    [signings.map((s) => s.householdId)],
  );
  const acked = signings.filter((s) => s.acknowledged !== null);
  return {
    acknowledged: acked.length,
    ackedNotOnce: acked.filter((s) => stored.get(s.key) !== 1).map((s) => s.key),
    doubled: [...stored].filter(([, n]) => n > 1).map(([k]) => k),
    householdsDoubled: households.rows.map((r) => r.id),
    retried: signings.filter((s) => s.attempts > 1).length,
    unanswered: signings.filter((s) => s.acknowledged === null && s.refused === null).length,
    stored: [...stored.values()].reduce((a, b) => a + b, 0),
  };
}

export { verifyAuditChain };
