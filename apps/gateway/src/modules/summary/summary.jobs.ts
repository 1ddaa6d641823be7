// The nightly summary on pg-boss: a cron schedule in Asia/Shanghai that pg-boss fires once per tick across
// replicas (its timekeeper claims each tick with a row update and sends with a per-minute singleton key), a
// `stately` queue (at most one summary waiting and one running), and in the summary itself the per-day claim in
// summary_run and UNIQUE (team_id, day) as the last guard.
import { shanghaiDate } from '@hanjiang/domain';
import PgBoss from 'pg-boss';
import pg from 'pg';
import type { Logger } from '../../logger.js';
import type { SummaryRunner } from './summary.runner.js';

export const SUMMARY_QUEUE = 'nightly-summary';
const SCHEMA = 'pgboss';
/** pg-boss's own queue for cron ticks (its timekeeper creates it lazily, which the login role may not). */
const SEND_IT_QUEUE = '__pgboss__send-it';
/** Any constant: replicas starting together install the job queue one after the other. */
const INSTALL_LOCK_KEY = 7_226_414;

export interface SummaryJobOptions {
  /** Cron expression in Asia/Shanghai time. */
  readonly cron: string;
}

/**
 * pg-boss on one of our pools. `open()` turning false makes every later statement a no-op: pg-boss's stop() returns
 * before its polling loops have ended (a loop between two fetches still fetches once more), and the pool is closed
 * right after it.
 */
function dbOf(pool: pg.Pool, open: () => boolean = () => true): PgBoss.Db {
  return {
    executeSql: (text, values) => (open() ? pool.query(text, values) : Promise.resolve({ rows: [] })),
  };
}

/**
 * Creates pg-boss's schema and queues, and (re)registers the schedule, over the migration role's pool while the
 * gateway still holds it: the login role owns nothing and may not run DDL. It then gets the row rights pg-boss
 * needs on pg-boss's own tables only. The schedule is written here, before any replica's timekeeper starts, so the
 * first tick after start-up is not missed.
 */
export async function installJobQueue(
  admin: pg.Pool,
  loginRole: string,
  options: SummaryJobOptions,
  logger: Logger,
): Promise<void> {
  const lock = await admin.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [INSTALL_LOCK_KEY]);
    const boss = new PgBoss({ db: dbOf(admin), schema: SCHEMA, supervise: false, schedule: false });
    boss.on('error', (error: Error) => logger.warn({ err: error }, 'job queue install'));
    await boss.start();
    try {
      if (!(await boss.getQueue(SUMMARY_QUEUE))) {
        await boss.createQueue(SUMMARY_QUEUE, {
          name: SUMMARY_QUEUE,
          policy: 'stately',
          retryLimit: 3,
          retryDelay: 60,
          // A replica that dies mid-run holds the day's only active slot until this expires: a summary takes seconds.
          expireInSeconds: 300,
        });
      }
      if (!(await boss.getQueue(SEND_IT_QUEUE))) {
        await boss.createQueue(SEND_IT_QUEUE, { name: SEND_IT_QUEUE });
      }
      // One key for every tick: the stately queue then holds at most one waiting and one running summary.
      await boss.schedule(
        SUMMARY_QUEUE,
        options.cron,
        {},
        { tz: 'Asia/Shanghai', singletonKey: SUMMARY_QUEUE },
      );
    } finally {
      await boss.stop({ graceful: false, wait: true, close: false });
    }
    const role = pg.escapeIdentifier(loginRole);
    await admin.query(`GRANT USAGE ON SCHEMA ${SCHEMA} TO ${role}`);
    await admin.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${SCHEMA} TO ${role}`);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [INSTALL_LOCK_KEY]).catch(() => undefined);
    lock.release();
  }
}

/** The timekeeper and the worker, on the request pool's login role. */
export class SummaryJobs {
  private boss: PgBoss | null = null;
  private open = false;

  constructor(
    private readonly runner: SummaryRunner,
    private readonly logger: Logger,
  ) {}

  async start(pool: pg.Pool): Promise<void> {
    this.open = true;
    const boss = new PgBoss({
      db: dbOf(pool, () => this.open),
      schema: SCHEMA,
      migrate: false,
      supervise: true,
      schedule: true,
    });
    boss.on('error', (error: Error) => this.logger.warn({ err: error }, 'job queue'));
    await boss.start();
    this.boss = boss;
    const options = { pollingIntervalSeconds: 2, includeMetadata: true as const };
    await boss.work<{ day?: string }>(SUMMARY_QUEUE, options, async (jobs) => {
      const results = [];
      for (const job of jobs) {
        // The day of the tick, not of the run: a retried job may run after midnight.
        const day = job.data?.day ?? shanghaiDate(job.createdOn);
        const result = await this.runner.run(day, 'SCHEDULE', 'system:nightly-summary');
        this.logger.info({ day, ...result, job: job.id }, 'nightly summary');
        results.push({ day, ...result });
      }
      // Stored as the job's output: what each tick did (ran, or found the day done).
      return results.length === 1 ? results[0] : results;
    });
  }

  async stop(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    await boss?.stop({ graceful: true, wait: true, close: false, timeout: 5_000 });
    this.open = false;
  }
}
