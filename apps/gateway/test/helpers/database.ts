import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase, withDatabase } from '@hanjiang/db';

export function adminUrl(): string {
  const url = process.env.TEST_ADMIN_URL;
  if (!url) throw new Error('TEST_ADMIN_URL is not set: run tests through jest (global-setup.mjs)');
  return url;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database on the test server; dropped by `drop()`. */
export async function createTestDatabase(prefix = 'hj_t'): Promise<TestDatabase> {
  const url = withDatabase(adminUrl(), `${prefix}_${randomBytes(5).toString('hex')}`);
  await ensureDatabase(url);
  return { url, drop: () => dropDatabase(url) };
}
