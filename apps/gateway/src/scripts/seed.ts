// `pnpm seed [--scale N]`: migrate and seed the configured database (embedded when DATABASE_URL is unset),
// with a progress bar. An already seeded database is left as it is.
import { parseArgs } from 'node:util';
import { upsertCatalogue } from '@hanjiang/db';
import { isSeeded, seedDemo } from '@hanjiang/db/seed';
import { SingleBar, Presets } from 'cli-progress';
import { openDatabase } from '../db/database.js';
import { EnvError, isDemoMode, readProcessEnv } from '../env.js';
import { createLogger } from '../logger.js';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { scale: { type: 'string' } } });
  const env = readProcessEnv();
  const scale = values.scale === undefined ? env.SEED_SCALE : Number(values.scale);
  if (!Number.isInteger(scale) || scale < 1 || scale > 1000) {
    process.stderr.write(
      'seed: --scale must be a whole number from 1 to 1000 (e.g. --scale 6 for ≈50k households)\n',
    );
    return 1;
  }
  const db = await openDatabase(env, createLogger({ ...env, LOG_LEVEL: 'warn' }));
  try {
    await upsertCatalogue(db.admin);
    if (await isSeeded(db.admin)) {
      process.stdout.write(
        `seed: ${db.displayUrl} already holds the demo data; nothing written.\n` +
          '      Use a fresh DATABASE_URL (or delete apps/gateway/.data) to seed again.\n',
      );
      return 0;
    }
    const bar = new SingleBar(
      { format: '  {phase} [{bar}] {percentage}% | {value}/{total} rows' },
      Presets.shades_classic,
    );
    let started = false;
    const summary = await seedDemo(db.admin, {
      scale,
      demoPassword: env.DEMO_PASSWORD,
      demoDisplayKey: isDemoMode(env),
      onProgress: (done, total, phase) => {
        if (!started) {
          bar.start(total, 0, { phase });
          started = true;
        }
        bar.update(done, { phase });
      },
    });
    if (started) bar.stop();
    process.stdout.write(`seed: done — ${JSON.stringify(summary)}\n`);
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message =
      error instanceof EnvError ? error.message : error instanceof Error ? error.message : String(error);
    process.stderr.write(`seed: ${message}\n`);
    process.exit(1);
  },
);
