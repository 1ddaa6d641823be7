// The big screen's read-only display credential in demo mode: an API key (role viewer, district) whose secret is
// derived from the printed demo password, so `pnpm start` can print a screen URL that works on every demo
// database. Outside demo mode no such key exists: `pnpm --filter @hanjiang/gateway display-key` makes a random one.
import { createHash } from 'node:crypto';
import type pg from 'pg';

export const DEMO_DISPLAY_KEY_PREFIX = 'demoscreen';

/** `hj_demoscreen_<43 chars>`: the API key format of apps/gateway/src/auth/api-keys.ts. */
export function demoDisplayKey(demoPassword: string): string {
  const secret = createHash('sha256')
    .update(`hanjiang demo display key\n${demoPassword}`)
    .digest('base64url');
  return `hj_${DEMO_DISPLAY_KEY_PREFIX}_${secret}`;
}

/** Stores only the SHA-256 of the key's secret, like every API key. */
export async function writeDemoDisplayKey(client: pg.PoolClient, demoPassword: string): Promise<void> {
  const secret = demoDisplayKey(demoPassword).slice(`hj_${DEMO_DISPLAY_KEY_PREFIX}_`.length);
  await client.query(
    `INSERT INTO api_key (prefix, secret_hash, name, tenant_kind, tenant_code, role, created_by)
     VALUES ($1, $2, '演示大屏 demo display', 'district', 'district', 'viewer', 'seed')
     ON CONFLICT (prefix) DO NOTHING`,
    [DEMO_DISPLAY_KEY_PREFIX, createHash('sha256').update(secret).digest('hex')],
  );
}
