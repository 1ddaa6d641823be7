// Phase 1, prepare: a freshly seeded throwaway database, the fixtures the scenarios read, and which scenarios run.
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { shanghaiDate } from '@hanjiang/domain';
import pg from 'pg';
import type { BenchArgs } from '../args.js';
import { createBenchKey } from '../bench-key.js';
import { type BenchDatabase, prepareDatabase } from '../database.js';
import { type Fixtures, type Scenario, scenarios } from '../scenarios.js';
import { DEMO_PASSWORD, env, log, PRINCIPAL } from './context.js';

export interface Prepared {
  db: BenchDatabase;
  /** The JWT secret every system of this run shares, so one token works on all of them. */
  jwtSecret: string;
  /** 1-minute load average when the run started. */
  loadAtStart: number;
}

export async function prepare(args: BenchArgs): Promise<Prepared> {
  const loadAtStart = Math.round(loadavg()[0]! * 10) / 10;
  log(
    `scale ${args.scale}, ${args.rounds} round(s) × ${args.durationSeconds} s (+${args.warmupSeconds} s warm-up), ` +
      `${args.connections} connections, node ${process.version}, ${cpus().length} cpus, load average ${loadAtStart}`,
  );
  const jwtSecret = randomBytes(32).toString('base64url');
  const db = await prepareDatabase({
    databaseUrl: env.databaseUrl,
    scale: args.scale,
    demoPassword: DEMO_PASSWORD,
    log,
  });
  return { db, jwtSecret, loadAtStart };
}

export interface Plan {
  /** The read scenarios to verify and measure. */
  reads: Scenario[];
  wantSigning: boolean;
  wantFanout: boolean;
}

/** The scenarios `--only` selects (all when it is empty), with their fixtures read from the seeded database. */
export async function planScenarios(db: BenchDatabase, args: BenchArgs): Promise<Plan> {
  const fx = await fixtures(db);
  const reads = scenarios(fx).filter((s) => args.only.length === 0 || args.only.includes(s.id));
  const wantFanout = args.only.length === 0 || args.only.includes('fanout');
  const wantSigning = args.only.length === 0 || args.only.includes('signing');
  if (reads.length === 0 && !args.only.includes('signing') && !wantFanout)
    throw new Error(`--only matched no scenario (${args.only.join(', ')})`);
  return { reads, wantSigning, wantFanout };
}

async function fixtures(db: BenchDatabase): Promise<Fixtures> {
  const pool = new pg.Pool({ connectionString: db.url, max: 1 });
  try {
    // A household of the principal's own township, far along (several events), so its commander sees its PII.
    const { rows } = await pool.query<{ id: string }>(
      `SELECT h.id FROM household h JOIN township t ON t.id = h.township_id
       WHERE t.code = $1 AND h.stage IN ('SIGNED', 'VACATED', 'DEMOLISHED') ORDER BY h.version DESC, h.code LIMIT 1`,
      [PRINCIPAL.split('.')[0]],
    );
    if (!rows[0]) throw new Error('no signed household of the principal’s township in the seed');
    // The principal is its township's commander (the verification checks the key's answer equals its answer).
    const apiKey = await createBenchKey(
      db.url,
      { kind: 'township', code: PRINCIPAL.split('.')[0]! },
      'commander',
    );
    return { detailHouseholdId: rows[0].id, today: shanghaiDate(new Date()), apiKey };
  } finally {
    await pool.end();
  }
}
