// `pnpm --filter @hanjiang/gateway display-key [name]`: creates a read-only display credential for a big screen —
// an API key of role viewer for the district (it reads only the public boards, gauge and milestones) — and prints
// the screen URL that sets it up once. Only the key's hash is stored; revoke it with
// `UPDATE api_key SET revoked_at = now() WHERE prefix = '<prefix>'`.
import { generateApiKey } from '../credentials/api-keys.js';
import { openDatabase } from '../db/database.js';
import { readProcessEnv } from '../env.js';
import { createLogger } from '../logger.js';

async function main(): Promise<void> {
  const env = readProcessEnv();
  const name = process.argv[2] ?? '指挥大厅大屏 command-hall screen';
  const db = await openDatabase(env, createLogger({ ...env, LOG_LEVEL: 'warn' }));
  try {
    const { key, prefix, secretHash } = generateApiKey();
    await db.admin.query(
      `INSERT INTO api_key (prefix, secret_hash, name, tenant_kind, tenant_code, role, created_by)
       VALUES ($1, $2, $3, 'district', 'district', 'viewer', 'display-key script')`,
      [prefix, secretHash, name],
    );
    process.stdout.write(
      `display key "${name}" (prefix ${prefix}) created.\n` +
        `Open once on the screen (the key stays in its browser):\n  http://<gateway>:${env.PORT}/screen/#key=${key}\n`,
    );
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`display-key: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
