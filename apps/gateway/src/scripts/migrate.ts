// `pnpm --filter @hanjiang/gateway migrate`: migrations, the catalogue and the gateway's login role on
// DATABASE_URL, then exit — the Kubernetes Job run before a rollout (infra/k8s/migrate-job.yaml), so new pods
// start on a schema that is already there. Gateways migrate on start too (under an advisory lock); this only
// moves the wait out of the rollout. Never seeds.
import { upsertCatalogue } from '@hanjiang/db';
import { openDatabase } from '../db/database.js';
import { EnvError, readProcessEnv } from '../env.js';
import { createLogger } from '../logger.js';

async function main(): Promise<number> {
  const env = readProcessEnv();
  if (!env.DATABASE_URL) {
    process.stderr.write('migrate: DATABASE_URL is required (the embedded database migrates on start)\n');
    return 1;
  }
  const started = Date.now();
  const db = await openDatabase(env, createLogger(env));
  try {
    await upsertCatalogue(db.admin);
    process.stdout.write(`migrate: ${db.displayUrl} is current (${Date.now() - started} ms)\n`);
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof EnvError ? error.message : String((error as Error)?.message ?? error);
    process.stderr.write(`migrate: ${message}\n`);
    process.exit(1);
  },
);
