// Gives every test file a PostgreSQL server: the one named by DATABASE_URL, or an embedded one started here.
// Test files create their own throwaway databases on it (helpers/database.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '@hanjiang/db/embedded';

export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.TEST_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'hj-jest-'));
  const handle = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), durable: false });
  process.env.TEST_ADMIN_URL = handle.url;
  globalThis.__embeddedPostgres = handle;
  globalThis.__embeddedDir = dir;
}
