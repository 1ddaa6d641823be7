import { LRUCache } from 'lru-cache';
import type pg from 'pg';
import { asNobody } from '../credentials/credential-lookup.js';
import type { Logger } from '../logger.js';

/** Apollo's automatic persisted queries key their entries `apq:<sha256>`. */
const hashOf = (key: string) => key.slice(key.lastIndexOf(':') + 1);

/** How often a text served from memory is marked used in the database (which moves it at most daily). */
const TOUCH_EVERY_MS = 6 * 60 * 60 * 1000;

interface Cached {
  readonly text: string;
  /** When the database last heard of this text's use from this process (`Date.now()`). */
  touchedAt: number;
}

/**
 * The store behind Apollo's automatic persisted queries, shared by every replica: a client that registered a
 * hash on one replica can send only the hash to another (before, each process kept its own memory and a
 * replica that had not seen the text answered PERSISTED_QUERY_NOT_FOUND). Texts are cached in memory in front of
 * PostgreSQL's `persisted_query`, which stores a text only under its own SHA-256 (the database checks it).
 * Registered allow-list operations are stored there too (app.register_operation).
 *
 * The table is bounded (PERSISTED_QUERY_MAX_ROWS, enforced by app.persist_query: least recently used texts go,
 * registered operations never). A text served from memory is reported as used every few hours, so a busy text
 * is not evicted because this cache hid its use; one the database evicted meanwhile is stored again.
 */
export function persistedQueryStore(pool: () => pg.Pool, logger: Logger, maxRows: number) {
  const memory = new LRUCache<string, Cached>({
    max: 5_000,
    maxSize: 50_000_000,
    sizeCalculation: (value) => value.text.length + 1,
  });
  const store = (hash: string, text: string) =>
    asNobody(pool(), (client) =>
      client.query('SELECT app.persist_query($1, $2, $3)', [hash, text, maxRows]),
    ).catch(
      // Not fatal: this replica has it in memory, and the client sends the text again elsewhere if needed.
      (error: unknown) => logger.warn({ err: error }, 'persisted query not stored'),
    );
  const lookUp = (hash: string) =>
    asNobody(pool(), async (client) => {
      const { rows } = await client.query<{ q: string | null }>('SELECT app.persisted_query($1) AS q', [
        hash,
      ]);
      return rows[0]?.q ?? undefined;
    });
  const touch = (hash: string, cached: Cached) => {
    cached.touchedAt = Date.now();
    void lookUp(hash).then(
      (text) => (text === undefined ? store(hash, cached.text) : undefined),
      (error: unknown) => logger.warn({ err: error }, 'persisted query use not recorded'),
    );
  };
  return {
    async get(key: string): Promise<string | undefined> {
      const hash = hashOf(key);
      const cached = memory.get(hash);
      if (cached !== undefined) {
        if (Date.now() - cached.touchedAt > TOUCH_EVERY_MS) touch(hash, cached);
        return cached.text;
      }
      const text = await lookUp(hash);
      if (text !== undefined) memory.set(hash, { text, touchedAt: Date.now() });
      return text;
    },
    async set(key: string, value: string): Promise<void> {
      const hash = hashOf(key);
      if (memory.get(hash)?.text === value) return;
      memory.set(hash, { text: value, touchedAt: Date.now() });
      await store(hash, value);
    },
    delete(key: string): Promise<boolean> {
      return Promise.resolve(memory.delete(hashOf(key)));
    },
  };
}
