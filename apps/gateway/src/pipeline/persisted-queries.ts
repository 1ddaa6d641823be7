import { LRUCache } from 'lru-cache';
import type pg from 'pg';
import { asNobody } from '../credentials/credential-lookup.js';
import type { Logger } from '../logger.js';

/** Apollo's automatic persisted queries key their entries `apq:<sha256>`. */
const hashOf = (key: string) => key.slice(key.lastIndexOf(':') + 1);

/**
 * The store behind Apollo's automatic persisted queries, shared by every replica: a client that registered a
 * hash on one replica can send only the hash to another (before, each process kept its own memory and a
 * replica that had not seen the text answered PERSISTED_QUERY_NOT_FOUND). Texts are cached in memory in front of
 * PostgreSQL's `persisted_query`, which stores a text only under its own SHA-256 (the database checks it).
 * Registered allow-list operations are stored there too (app.register_operation).
 */
export function persistedQueryStore(pool: () => pg.Pool, logger: Logger) {
  const memory = new LRUCache<string, string>({
    max: 5_000,
    maxSize: 50_000_000,
    sizeCalculation: (value) => value.length + 1,
  });
  return {
    async get(key: string): Promise<string | undefined> {
      const hash = hashOf(key);
      const cached = memory.get(hash);
      if (cached !== undefined) return cached;
      const text = await asNobody(pool(), async (client) => {
        const { rows } = await client.query<{ q: string | null }>('SELECT app.persisted_query($1) AS q', [
          hash,
        ]);
        return rows[0]?.q ?? undefined;
      });
      if (text !== undefined) memory.set(hash, text);
      return text;
    },
    async set(key: string, value: string): Promise<void> {
      const hash = hashOf(key);
      if (memory.get(hash) === value) return;
      memory.set(hash, value);
      await asNobody(pool(), (client) =>
        client.query('SELECT app.persist_query($1, $2)', [hash, value]),
      ).catch(
        // Not fatal: this replica has it in memory, and the client sends the text again elsewhere if needed.
        (error: unknown) => logger.warn({ err: error }, 'persisted query not stored'),
      );
    },
    delete(key: string): Promise<boolean> {
      return Promise.resolve(memory.delete(hashOf(key)));
    },
  };
}
