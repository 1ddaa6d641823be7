import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REQUEST_ROLE as R } from '../roles.js';

const DEFINER = `SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp`;
const HASH_OF = (column: string) => `encode(sha256(convert_to(${column}, 'UTF8')), 'hex')`;
/** A use moves a text's `last_used_at` only when it is older than this: a write per text per day, not per use. */
const TOUCH_AFTER = `interval '1 day'`;

/**
 * `persisted_query` bounded in count (issue 12): any caller, anonymous included, may store texts there (automatic
 * persisted queries), so without a bound its size is whatever a client cares to send. The bound is kept by the
 * database function every replica calls: storing a new text past `p_max_rows` rows evicts the least recently used
 * texts — never one registered for an allow-list key (`persisted_operation`), which would break that key.
 *
 * - `last_used_at` is moved by a lookup (app.persisted_query) or a re-store only when older than a day, so a busy
 *   text costs one write a day, and the bound costs one count per NEW text (texts are few; repeats do nothing).
 * - `p_max_rows` comes from the gateway's env (PERSISTED_QUERY_MAX_ROWS); NULL (the set-up script's registrations
 *   and app.register_operation) stores without evicting.
 */
export class PersistedQueryBound1796080000000 implements MigrationInterface {
  name = 'PersistedQueryBound1796080000000';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE persisted_query ADD COLUMN last_used_at timestamptz NOT NULL DEFAULT now()`,
      `CREATE INDEX persisted_query_last_used ON persisted_query (last_used_at)`,
      // Eviction asks "is this hash registered for any key?"; the primary key starts with key_id.
      `CREATE INDEX persisted_operation_hash ON persisted_operation (hash)`,
      `CREATE OR REPLACE FUNCTION app.persisted_query(p_hash text) RETURNS text
         LANGUAGE plpgsql VOLATILE ${DEFINER} AS $$
         BEGIN
           UPDATE persisted_query SET last_used_at = now()
            WHERE hash = p_hash AND last_used_at < now() - ${TOUCH_AFTER};
           RETURN (SELECT query FROM persisted_query WHERE hash = p_hash);
         END $$`,
      // Replaced by a three-argument version; app.register_operation's call resolves to it (p_max_rows NULL).
      `DROP FUNCTION app.persist_query(text, text)`,
      `CREATE FUNCTION app.persist_query(p_hash text, p_query text, p_max_rows integer DEFAULT NULL)
         RETURNS void LANGUAGE plpgsql VOLATILE ${DEFINER} AS $$
         DECLARE v_excess bigint;
         BEGIN
           IF ${HASH_OF('p_query')} IS DISTINCT FROM p_hash THEN RETURN; END IF;
           INSERT INTO persisted_query AS p (hash, query) VALUES (p_hash, p_query)
           ON CONFLICT (hash) DO UPDATE SET last_used_at = now()
             WHERE p.last_used_at < now() - ${TOUCH_AFTER};
           IF p_max_rows IS NULL THEN RETURN; END IF;
           v_excess := (SELECT count(*) FROM persisted_query) - p_max_rows;
           IF v_excess <= 0 THEN RETURN; END IF;
           DELETE FROM persisted_query WHERE hash IN (
             SELECT e.hash FROM persisted_query e
              WHERE e.hash <> p_hash
                AND NOT EXISTS (SELECT 1 FROM persisted_operation o WHERE o.hash = e.hash)
              ORDER BY e.last_used_at, e.created_at
              LIMIT v_excess);
         END $$`,
      `REVOKE ALL ON FUNCTION app.persist_query(text, text, integer) FROM PUBLIC`,
      `GRANT EXECUTE ON FUNCTION app.persist_query(text, text, integer) TO ${R}`,
    ];
    for (const statement of statements) await q.query(statement);
  }

  down(): Promise<void> {
    return Promise.reject(
      new Error('PersistedQueryBound1796080000000 is not reversible: restore from a backup'),
    );
  }
}
