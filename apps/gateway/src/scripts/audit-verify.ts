// `pnpm audit:verify`: walks the hash-chained audit log and reports the first broken link (exit 1), or OK.
import { verifyAuditChain } from '@hanjiang/db';
import { openDatabase, runningEmbeddedDatabaseUrl } from '../db/database.js';
import { readProcessEnv } from '../env.js';
import { createLogger } from '../logger.js';

async function main(): Promise<number> {
  const env = readProcessEnv();
  // Beside a running gateway, its embedded server holds DATA_DIR: use it rather than starting another.
  const beside = await runningEmbeddedDatabaseUrl(env);
  const db = await openDatabase(
    beside ? { ...env, DATABASE_URL: beside } : env,
    createLogger({ ...env, LOG_LEVEL: 'warn' }),
  );
  try {
    const report = await verifyAuditChain(db.admin);
    if (report.ok) {
      process.stdout.write(`audit:verify: OK — ${report.rows} rows, chain intact (${db.displayUrl})\n`);
      return 0;
    }
    process.stdout.write(
      `audit:verify: BROKEN at audit_log.id ${report.firstBroken?.id}: ${report.firstBroken?.reason} (checked ${report.rows} rows)\n`,
    );
    return 1;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`audit:verify: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
