// Gives every test file a PostgreSQL server — the one named by DATABASE_URL, or an embedded one started here —
// and a seeded template database that test files clone (helpers/database.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '@hanjiang/db/embedded';

export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.TEST_ADMIN_URL = process.env.DATABASE_URL;
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), 'hj-jest-'));
    const handle = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), durable: false });
    process.env.TEST_ADMIN_URL = handle.url;
    globalThis.__embeddedPostgres = handle;
    globalThis.__embeddedDir = dir;
  }
  const template = `hj_template_${process.pid}`;
  const started = Date.now();
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'prepare-template.ts'),
      process.env.TEST_ADMIN_URL,
      template,
      'hanjiang-demo-2020',
    ],
    { stdio: 'inherit', cwd: path.join(import.meta.dirname, '..') },
  );
  process.env.TEST_TEMPLATE_DB = template;
  globalThis.__templateDb = template;
  console.log(`\n[global-setup] seeded template database ${template} in ${Date.now() - started} ms`);
}
