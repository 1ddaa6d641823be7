// The nightly summary on pg-boss: a cron schedule in Asia/Shanghai that every replica registers but pg-boss fires
// once per tick (its timekeeper takes a row lock on the tick and sends with a per-minute singleton key), a
// `stately` queue with the day as singleton key (at most one queued and one running job per day), and in the
// summary itself the per-day claim in summary_run and UNIQUE (team_id, day) as the last guard.
import { shanghaiDate } from '@hanjiang/domain';
import PgBoss from 'pg-boss';
import pg from 'pg';
import type { Logger } from '../../logger.js';
import type { SummaryRunner } from './summary.runner.js';

export const SUMMARY_QUEUE = 'nightly-summary';
const SCHEMA = 'pgboss';
/** pg-boss's own queue for cron ticks (its timekeeper creates it lazily, which the login role may not). */
const SEND_IT_QUEUE = '__pgboss__send-it';

function dbOf(pool: pg.Pool): PgBoss.Db {
  return { executeSql: (text, values) => pool.query(text, values) };
}

/**
 * Creates pg-boss's schema and queues over the migration role's pool, while the gateway still holds it: the
 * login role owns nothing and may not run DDL. It then gets the row rights pg-boss needs on its own tables only.
 */
export async function installJobQueue(admin: pg.Pool, loginRole: string, logger: Logger): Promise<void> {
  const boss = new PgBoss({
    db: dbOf(admin),
    schema: SCHEMA,
    supervise: false,
    schedule: false,
    migrate: true,
  });
  boss.on('error', (error: Error) => logger.warn({ err: error }, 'job queue install'));
  await boss.start();
  try {
    if (!(await boss.getQueue(SUMMARY_QUEUE))) {
      await boss.createQueue(SUMMARY_QUEUE, {
        name: SUMMARY_QUEUE,
        policy: 'stately',
        retryLimit: 3,
        retryDelay: 60,
      });
    }
    if (!(await boss.getQueue(SEND_IT_QUEUE))) await boss.createQueue(SEND_IT_QUEUE, { name: SEND_IT_QUEUE });
  } finally {
    await boss.stop({ graceful: false, wait: true, close: false });
  }
  const role = pg.escapeIdentifier(loginRole);
  await admin.query(`GRANT USAGE ON SCHEMA ${SCHEMA} TO ${role}`);
  await admin.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${SCHEMA} TO ${role}`);
}

export interface SummaryJobOptions {
  /** Cron expression in Asia/Shanghai time. */
  readonly cron: string;
}

/** The schedule and the worker, on the request pool's login role. */
export class SummaryJobs {
  private boss: PgBoss | null = null;

  constructor(
    private readonly runner: SummaryRunner,
    private readonly logger: Logger,
  ) {}

  async start(pool: pg.Pool, options: SummaryJobOptions): Promise<void> {
    const boss = new PgBoss({
      db: dbOf(pool),
      schema: SCHEMA,
      migrate: false,
      supervise: true,
      schedule: true,
    });
    boss.on('error', (error: Error) => this.logger.warn({ err: error }, 'job queue'));
    await boss.start();
    this.boss = boss;
    // One key for every tick: the stately queue then holds at most one waiting and one running summary.
    await boss.schedule(
      SUMMARY_QUEUE,
      options.cron,
      {},
      { tz: 'Asia/Shanghai', singletonKey: SUMMARY_QUEUE },
    );
    await boss.work<{ day?: string }>(SUMMARY_QUEUE, { pollingIntervalSeconds: 2 }, async (jobs) => {
      for (const job of jobs) {
        // The evening's own day: a tick's job runs within seconds of it.
        const day = job.data?.day ?? shanghaiDate(new Date());
        const result = await this.runner.run(day, 'SCHEDULE', 'system:nightly-summary');
        this.logger.info({ day, ...result, job: job.id }, 'nightly summary');
      }
    });
  }

  async stop(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    await boss?.stop({ graceful: true, wait: true, close: false, timeout: 5_000 });
  }
}
