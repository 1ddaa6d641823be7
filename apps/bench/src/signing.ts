// The signing scenario (advanceStage ASSESSED → SIGNED): each measured run signs the same list of households
// on one system, and the database is reset to its state before the run after every run, so each system
// writes against the same data size and the same counters.
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import pg from 'pg';
import type { Measurement } from './load.js';
import type { GraphQLBody } from './scenarios.js';

export const SIGN_QUERY = `mutation Sign($input: AdvanceStageInput!) { advanceStage(input: $input) { id stage version } }`;

export interface SigningTarget {
  id: string;
  version: number;
}

export function signBody(target: SigningTarget, key: string): GraphQLBody {
  return {
    operationName: 'Sign',
    query: SIGN_QUERY,
    variables: {
      input: {
        householdId: target.id,
        toStage: 'SIGNED',
        idempotencyKey: key,
        expectedVersion: target.version,
        agreedAmountYuan: '1234567.89',
        compensationChoice: 'CASH',
      },
    },
  };
}

/** What a signing leaves behind, to compare two systems' writes. */
export interface SigningFootprint {
  stage: string;
  version: number;
  events: number;
  campaignSigned: number;
  dailySigned: number;
  auditRows: number;
  notifications: number;
}

export class SigningFixture {
  private constructor(
    private readonly pool: pg.Pool,
    readonly targets: SigningTarget[],
    private readonly marks: { event: string; milestone: string; audit: string },
  ) {}

  /** Picks ASSESSED households of the township and snapshots everything a signing changes. */
  static async create(url: string, townshipCode: string, count: number): Promise<SigningFixture> {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    const { rows } = await pool.query<SigningTarget>(
      `SELECT h.id, h.version FROM household h JOIN township t ON t.id = h.township_id
       WHERE t.code = $1 AND h.stage = 'ASSESSED' ORDER BY h.code LIMIT $2`,
      [townshipCode, count],
    );
    await pool.query(`CREATE SCHEMA IF NOT EXISTS bench`);
    await pool.query(
      `DROP TABLE IF EXISTS bench.household, bench.progress_counter, bench.progress_daily, bench.resettlement_site`,
    );
    await pool.query(`CREATE TABLE bench.household AS SELECT * FROM household WITH NO DATA`);
    await pool.query(`INSERT INTO bench.household SELECT * FROM household WHERE id = ANY($1::uuid[])`, [
      rows.map((r) => r.id),
    ]);
    await pool.query(`CREATE TABLE bench.progress_counter AS SELECT * FROM progress_counter`);
    await pool.query(`CREATE TABLE bench.progress_daily AS SELECT * FROM progress_daily`);
    await pool.query(`CREATE TABLE bench.resettlement_site AS SELECT * FROM resettlement_site`);
    const marks = await pool.query<{ event: string; milestone: string; audit: string }>(
      `SELECT (SELECT coalesce(max(seq), 0) FROM household_event)::text AS event,
              (SELECT coalesce(max(seq), 0) FROM milestone)::text AS milestone,
              (SELECT coalesce(max(id), 0) FROM audit_log)::text AS audit`,
    );
    return new SigningFixture(pool, rows, marks.rows[0]!);
  }

  /** Back to the snapshot (superuser; triggers off so the append-only tables can lose the bench's rows). */
  async reset(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL session_replication_role = replica`);
      await client.query(`DELETE FROM household_event WHERE seq > $1`, [this.marks.event]);
      await client.query(`DELETE FROM milestone WHERE seq > $1`, [this.marks.milestone]);
      await client.query(`DELETE FROM audit_log WHERE id > $1`, [this.marks.audit]);
      await client.query(
        `UPDATE household h SET stage = s.stage, version = s.version, updated_at = s.updated_at,
           assessed_amount_fen = s.assessed_amount_fen, agreed_amount_fen = s.agreed_amount_fen,
           compensation_choice = s.compensation_choice, resettlement_site_id = s.resettlement_site_id,
           signed_at = s.signed_at
         FROM bench.household s WHERE s.id = h.id AND h.version <> s.version`,
      );
      await client.query(`DELETE FROM progress_counter`);
      await client.query(`INSERT INTO progress_counter SELECT * FROM bench.progress_counter`);
      await client.query(`DELETE FROM progress_daily`);
      await client.query(`INSERT INTO progress_daily SELECT * FROM bench.progress_daily`);
      await client.query(
        `UPDATE resettlement_site r SET allocated_units = s.allocated_units FROM bench.resettlement_site s
         WHERE s.id = r.id AND r.allocated_units <> s.allocated_units`,
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Signs through `sign`, then reads what it left (LISTENing for its notifications meanwhile). */
  async footprint(target: SigningTarget, sign: () => Promise<void>): Promise<SigningFootprint> {
    const listener = await this.pool.connect();
    let notifications = 0;
    const onNotification = () => (notifications += 1);
    try {
      await listener.query('LISTEN hanjiang_live');
      listener.on('notification', onNotification);
      await sign();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const { rows } = await listener.query<Omit<SigningFootprint, 'notifications'>>(
        `SELECT h.stage, h.version,
           (SELECT count(*)::int FROM household_event e WHERE e.household_id = h.id AND e.seq > $2) AS events,
           (SELECT signed FROM progress_counter WHERE scope_kind = 'campaign' AND scope_code = 'main') AS "campaignSigned",
           (SELECT coalesce(sum(signed), 0)::int FROM progress_daily WHERE scope_kind = 'campaign') AS "dailySigned",
           (SELECT count(*)::int FROM audit_log WHERE id > $3 AND operation = 'Sign') AS "auditRows"
         FROM household h WHERE h.id = $1`,
        [target.id, this.marks.event, this.marks.audit],
      );
      return { ...rows[0]!, notifications };
    } finally {
      listener.removeListener('notification', onNotification);
      await listener.query('UNLISTEN *').catch(() => undefined);
      listener.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.query(`DROP SCHEMA IF EXISTS bench CASCADE`).catch(() => undefined);
    await this.pool.end();
  }
}

/** Signs `amount` households (each once) with autocannon; GraphQL errors count as failures. */
export async function measureSigning(options: {
  url: string;
  token: string;
  targets: SigningTarget[];
  amount: number;
  connections: number;
  runId: string;
}): Promise<Measurement> {
  let next = 0;
  let failures = 0;
  let firstFailure: string | undefined;
  const started = performance.now();
  let lastAnswer = started;
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    connections: options.connections,
    amount: options.amount,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const i = next;
          next += 1;
          const target = options.targets[i % options.targets.length]!;
          return { ...request, body: JSON.stringify(signBody(target, `bench-${options.runId}-${i}`)) };
        },
        onResponse: (status, body) => {
          lastAnswer = performance.now();
          if (status !== 200 || body.includes('"errors"')) {
            failures += 1;
            firstFailure ??= `${status} ${body.slice(0, 300)}`;
          }
        },
      },
    ],
  });
  // Timed here, to the last answer: autocannon ends an `amount` run on its one-second tick, so its duration (and
  // even the time until it resolves) quantised the signing's req/s to 1,590/5 or 1,590/6 — ratios of 0.83, 1.0
  // or 1.2 whatever the systems did.
  const seconds = (lastAnswer - started) / 1000;
  return {
    reqPerSec: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: failures + result.non2xx + result.errors,
    ...(firstFailure ? { firstFailure } : {}),
  };
}
