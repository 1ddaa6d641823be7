// What a write may change, checked from the database as its superuser. Two checks:
// - a fingerprint per table of the rows outside the caller's write scope (an md5 of each row, combined), taken
//   before and after a caller's whole batch: equal, or some write reached another tenant (or a read-only role
//   wrote at all);
// - after every single operation, the rows it inserted or updated (xmin at or after the operation's start), each
//   of which must be inside the caller's write scope — so a failure names the operation that did it.
// Derived and append-only tables are left out: the progress counters, daily counts and milestones move with any
// in-scope signing (their recount is checked by the workflow tests), and every write appends an audit row (the
// chain is verified by audit-chain.test.ts). summary_run is the nightly summary's log of runs (no tenant data; its
// per-team rows, team_day_summary, are checked like any tenant table).
import { can, type Principal } from '@hanjiang/authz';
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { OWNER, type Oracle, type Row } from './oracle.js';

const DERIVED = new Set([
  'progress_counter',
  'progress_daily',
  'milestone',
  'audit_log',
  'schema_migrations',
  'summary_run',
]);

interface Table {
  name: string;
  columns: string[];
}

/** Integrator keys and their allow-lists: written by whoever manages the key's tenant (createApiKey, registerOperation). */
const KEY_TENANT: Readonly<Record<string, string>> = {
  api_key: 'tenant_code',
  persisted_operation: '(SELECT k.tenant_code FROM api_key k WHERE k.id = persisted_operation.key_id)',
};

interface RawRow {
  id: string | null;
  keyTenant: string | null;
  township: string | null;
  headquarters: string | null;
  helper: string | null;
  owner: string | null;
  digest: string;
}

export class WriteScope {
  private constructor(
    private readonly oracle: Oracle,
    private readonly tables: Table[],
  ) {}

  static async load(owner: pg.Pool, oracle: Oracle): Promise<WriteScope> {
    const result = await owner.query<{ name: string; columns: string[] }>(
      `SELECT c.table_name AS name, array_agg(c.column_name::text) AS columns
       FROM information_schema.columns c JOIN information_schema.tables t
         ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
       WHERE c.table_schema = 'public' GROUP BY c.table_name ORDER BY c.table_name`,
    );
    return new WriteScope(
      oracle,
      result.rows.filter((t) => !DERIVED.has(t.name)),
    );
  }

  get tableNames(): string[] {
    return this.tables.map((t) => t.name);
  }

  /** May `p` have inserted or updated this row? Write scope is inside read scope, narrowed by role. */
  writable(p: Principal, table: Table, raw: RawRow): boolean {
    // Any caller may store a query text by its hash (automatic persisted queries): content-addressed, no tenant data.
    if (table.name === 'persisted_query') return true;
    if (raw.keyTenant !== null && can(p, 'apikey:create', { tenantCode: raw.keyTenant }).allowed) return true;
    if (OWNER[table.name]) return raw.owner === p.subject; // a key's last use, a user's own credentials
    const scoped = table.columns.includes('township_id') || table.columns.includes('headquarters_id');
    if (!scoped || p.role === 'viewer') return false;
    if (p.role === 'inspector') return table.name === 'inspection';
    const row: Row = { ...raw, table: table.name, rule: 'scoped' };
    return this.oracle.visible(p, row, raw.id ?? '');
  }

  private select(table: Table, where: string): string {
    const col = (c: string) => (table.columns.includes(c) ? `${c}::text` : 'NULL::text');
    return `SELECT ${col('id')} AS id, ${col('township_id')} AS township, ${col('headquarters_id')} AS headquarters,
      ${col('team_home_township_id')} AS helper, ${OWNER[table.name] ?? 'NULL::text'} AS owner,
      ${KEY_TENANT[table.name] ?? 'NULL::text'} AS "keyTenant",
      md5(${table.name}::text) AS digest FROM ${table.name} WHERE ${where}`;
  }

  private rows(owner: pg.Pool, table: Table): Promise<RawRow[]> {
    return owner.query<RawRow>(this.select(table, 'true')).then((r) => r.rows);
  }

  /** Per table: how many rows lie outside `p`'s write scope, and a hash of them (order-independent). */
  async fingerprint(owner: pg.Pool, p: Principal): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const table of this.tables) {
      const outside = (await this.rows(owner, table)).filter((r) => !this.writable(p, table, r));
      const digests = outside.map((r) => r.digest).sort();
      out[table.name] = `${digests.length}:${createHash('sha256').update(digests.join('')).digest('hex')}`;
    }
    return out;
  }

  /** Up to `limit` ids of rows `p` may write (households first, then any table), for guided generation. */
  async writableIds(owner: pg.Pool, p: Principal, limit: number): Promise<string[]> {
    const out: string[] = [];
    const ordered = [...this.tables].sort(
      (a, b) => Number(b.name === 'household') - Number(a.name === 'household'),
    );
    for (const table of ordered) {
      if (!table.columns.includes('id')) continue;
      const rows = (await this.rows(owner, table)).filter((r) => this.writable(p, table, r));
      out.push(...rows.slice(0, Math.max(0, Math.ceil((limit - out.length) / 2))).map((r) => r.id!));
    }
    return out.slice(0, limit);
  }

  /** A transaction id: rows written after this moment have an xmin at or past it. */
  static async mark(owner: pg.Pool): Promise<bigint> {
    const { rows } = await owner.query<{ xid: string }>(`SELECT pg_current_xact_id()::text AS xid`);
    return BigInt(rows[0]!.xid) & 0xffffffffn;
  }

  /** Rows inserted or updated since `mark` that lie outside `p`'s write scope (one round trip for all tables). */
  async writtenOutside(owner: pg.Pool, p: Principal, mark: bigint): Promise<string[]> {
    const parts = this.tables.map(
      (t, i) => `SELECT ${i} AS t, * FROM (${this.select(t, 'age(xmin) <= age($1::text::xid)')}) x${i}`,
    );
    const { rows } = await owner.query<RawRow & { t: number }>(parts.join(' UNION ALL '), [mark.toString()]);
    return rows
      .filter((r) => !this.writable(p, this.tables[r.t]!, r))
      .map((r) => `${this.tables[r.t]!.name} ${r.id ?? r.digest} written out of scope`);
  }
}
