import { rmSync } from 'node:fs';
import pg from 'pg';

export default async function globalTeardown() {
  if (globalThis.__templateDb && process.env.TEST_ADMIN_URL) {
    const client = new pg.Client({ connectionString: process.env.TEST_ADMIN_URL });
    await client.connect();
    await client
      .query(`DROP DATABASE IF EXISTS "${globalThis.__templateDb}" WITH (FORCE)`)
      .catch(() => undefined);
    await client.end();
  }
  const handle = globalThis.__embeddedPostgres;
  if (handle) await handle.stop();
  if (globalThis.__embeddedDir) rmSync(globalThis.__embeddedDir, { recursive: true, force: true });
}
