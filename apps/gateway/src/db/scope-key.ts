import type pg from 'pg';

/**
 * The scope key travels with the request pool it signs for: every transaction opened on that pool signs its
 * tenant settings with it (request-transaction.ts). A pool without one cannot open a request transaction — fail
 * closed rather than run unsigned (which the database would answer with nothing visible anyway).
 */
const keys = new WeakMap<pg.Pool, Buffer>();

export function attachScopeKey(pool: pg.Pool, key: Buffer): void {
  keys.set(pool, key);
}

export function scopeKeyOf(pool: pg.Pool): Buffer {
  const key = keys.get(pool);
  if (!key) throw new Error('this pool has no scope key: open the database with openDatabase()');
  return key;
}
