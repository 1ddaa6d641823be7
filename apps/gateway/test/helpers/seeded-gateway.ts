import type pg from 'pg';
import type { Gateway } from '../../src/server.js';
import { createSeededDatabase, type TestDatabase, testPool } from './database.js';
import { startTestGateway } from './in-process.js';

export interface SeededGateway {
  db: TestDatabase;
  gateway: Gateway;
  /** The table owner's pool: sees every row (no RLS), for independent counts and fault injection. */
  owner: pg.Pool;
}

/** A clone of the seeded database, the real gateway on it, and an owner pool beside it. */
export async function openSeededGateway(
  env: Record<string, string> = {},
  ownerPoolSize = 2,
): Promise<SeededGateway> {
  const db = await createSeededDatabase();
  const gateway = await startTestGateway(db.url, env);
  return { db, gateway, owner: testPool(db.url, ownerPoolSize) };
}

export async function closeSeededGateway(opened: Partial<SeededGateway>): Promise<void> {
  await opened.owner?.end();
  await opened.gateway?.stop();
  await opened.db?.drop();
}
