import { createHash } from 'node:crypto';
import { REQUEST_ROLE, SCOPE_SETTING_NAMES, type ScopeSettings, signScope } from '@hanjiang/db';
import { LRUCache } from 'lru-cache';
import pg from 'pg';
import type { ReadRoute } from './read-routing.js';
import { scopeKeyOf } from './scope-key.js';
import { inlineParams } from './sql-literal.js';

/**
 * SQL text → prepared-statement name. The gateway's SQL is templates with parameters, so the set of texts is
 * small and fixed; each pooled connection parses and plans a text once instead of on every request (the planner
 * was a large share of PostgreSQL's time per request). Bounded anyway: past the cap, texts run unnamed.
 */
const statementNames = new Map<string, string>();
const MAX_NAMED_STATEMENTS = 2_000;

function statementName(sql: string): string | undefined {
  let name = statementNames.get(sql);
  if (name === undefined && statementNames.size < MAX_NAMED_STATEMENTS && !sql.includes(';')) {
    name = `hj_${createHash('sha1').update(sql).digest('base64url')}`;
    statementNames.set(sql, name);
  }
  return name;
}

/**
 * One transaction per GraphQL operation. It begins lazily on the first query, in a single round trip that
 * opens the transaction, drops to the request role and sets the tenant settings — so every statement of the
 * operation, DataLoader batches included, runs on this one connection under row-level security, and nothing
 * survives on the pooled connection afterwards (all settings are transaction-local).
 */
export class RequestTransaction {
  private client: pg.PoolClient | null = null;
  private opening: Promise<pg.PoolClient> | null = null;
  private finished = false;
  /** Statements to run in COMMIT's round trip (literal SQL), in order; dropped on rollback. */
  private readonly deferred: string[] = [];
  /** Statements sent, for the N+1 tests and the bench. */
  statements = 0;
  /**
   * The statement in flight. Resolvers run concurrently (a page and its count, DataLoader batches) but one
   * connection runs one statement at a time; pg 8 queued them itself with a deprecation warning, pg 9 will not.
   */
  private inFlight: Promise<unknown> = Promise.resolve();
  /** Set for a read-only operation that may read the replica (db/read-routing.ts); null: the primary. */
  private replica: ReadRoute | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly settings: ScopeSettings,
  ) {}

  async query<R extends pg.QueryResultRow = Record<string, unknown>>(
    sql: string,
    params: unknown[] = [],
  ): Promise<R[]> {
    const client = await this.connection();
    this.statements += 1;
    const name = statementName(sql);
    const config = name ? { name, text: sql, values: params } : { text: sql, values: params };
    const result = this.inFlight.then(() => client.query<R>(config));
    this.inFlight = result.catch(() => undefined);
    return (await result).rows;
  }

  /** The connection, with the transaction open and the settings applied. */
  connection(): Promise<pg.PoolClient> {
    if (this.finished) return Promise.reject(new Error('request transaction already finished'));
    if (this.client) return Promise.resolve(this.client);
    this.opening ??= this.open();
    return this.opening;
  }

  get started(): boolean {
    return this.client !== null || this.opening !== null;
  }

  /**
   * Opens this transaction on the read replica instead of the primary — for an operation that writes nothing,
   * decided before its first statement (later it has no effect). READ ONLY, as a hot standby would insist anyway:
   * a read that wrote would fail here rather than write to a copy.
   */
  readFrom(route: ReadRoute): void {
    if (!this.started) this.replica = route;
  }

  private async open(): Promise<pg.PoolClient> {
    const route = this.replica;
    if (route) {
      try {
        return await this.begin(route.pool, 'BEGIN READ ONLY');
      } catch (error) {
        // The replica is down or refuses: this read, and the next ones for a while, go to the primary.
        route.failed(error);
      }
    }
    return this.begin(this.pool, 'BEGIN');
  }

  private async begin(pool: pg.Pool, begin: 'BEGIN' | 'BEGIN READ ONLY'): Promise<pg.PoolClient> {
    const client = await pool.connect();
    try {
      await client.query(beginStatement(this.settings, scopeKeyOf(pool), begin));
      this.statements += 1;
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    this.client = client;
    return client;
  }

  /**
   * Runs `sql` (parameters inlined as literals) in COMMIT's round trip instead of now — for a write whose result
   * nobody reads and whose place in the transaction does not matter, such as recording milestones and NOTIFY
   * after a signing: the round trip saved is one fewer while the signing holds the campaign counter's row lock.
   * On rollback it never runs.
   */
  deferToCommit(sql: string, params: readonly unknown[]): void {
    if (this.finished) throw new Error('request transaction already finished');
    this.deferred.push(inlineParams(sql, params));
  }

  /**
   * Commits. The deferred statements, then `finalStatement` (fully literal SQL), are sent in the same
   * simple-protocol round trip just before COMMIT; if any fails, COMMIT is not executed, the connection is
   * discarded and this throws.
   */
  async commit(finalStatement?: string): Promise<void> {
    const before = [...this.deferred, ...(finalStatement ? [finalStatement] : [])];
    await this.end('COMMIT', before.length ? before : undefined);
  }

  async rollback(): Promise<void> {
    await this.end('ROLLBACK');
  }

  private async end(statement: 'COMMIT' | 'ROLLBACK', before?: readonly string[]): Promise<void> {
    if (this.finished) return;
    // A final statement needs the transaction even when the operation itself read nothing (e.g. login's audit).
    if (before && !this.started) await this.connection();
    this.finished = true;
    const client = this.client ?? (this.opening ? await this.opening.catch(() => null) : null);
    if (!client) return;
    await this.inFlight;
    try {
      await client.query(before ? `${before.join('; ')}; ${statement}` : statement);
      this.statements += 1 + (before?.length ?? 0);
      client.release();
    } catch (error) {
      // A connection whose transaction state is unknown must not go back to the pool.
      client.release(error as Error);
      if (statement === 'COMMIT') throw error;
    }
  }
}

/**
 * The opening statements per scope key, by begin and settings: a principal's scope is the same on each of its
 * requests, and signing it (two SHA-256) and escaping it every time was measurable on the boards' read path.
 */
const openings = new WeakMap<Buffer, LRUCache<string, string>>();

/**
 * BEGIN, SET LOCAL ROLE and every setting, signed with the scope key, in one simple-protocol round trip; values
 * escaped as literals.
 */
export function beginStatement(
  settings: ScopeSettings,
  scopeKey: Buffer,
  begin: 'BEGIN' | 'BEGIN READ ONLY' = 'BEGIN',
): string {
  let cache = openings.get(scopeKey);
  if (!cache) {
    cache = new LRUCache<string, string>({ max: 10_000 });
    openings.set(scopeKey, cache);
  }
  const id = `${begin}\u001e${SCOPE_SETTING_NAMES.map((name) => settings[name]).join('\u001f')}`;
  let statement = cache.get(id);
  if (statement === undefined) {
    const sets = Object.entries(signScope(settings, scopeKey))
      .map(([key, value]) => `set_config(${pg.escapeLiteral(key)}, ${pg.escapeLiteral(value)}, true)`)
      .join(', ');
    statement = `${begin}; SET LOCAL ROLE ${REQUEST_ROLE};${sets ? ` SELECT ${sets};` : ''}`;
    cache.set(id, statement);
  }
  return statement;
}
