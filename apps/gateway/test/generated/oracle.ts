// The independent oracle: which rows, and whose personal data, a principal may see — computed from the database
// as its superuser (no RLS) with the scoping rules written out here, not by asking the gateway or the policies.
// Rules (DESIGN §3, packages/db/src/migrations/sql/tenancy-policies.ts and later migrations): the district sees
// all; a headquarters its rows; a township its rows and rows worked by its own teams elsewhere (households,
// events, team assignments; villages its teams work in; resettlement sites of headquarters its teams serve).
import { type Principal, can, canSeePii } from '@hanjiang/authz';
import type pg from 'pg';

/** How a table's rows are scoped. A table not named here is scoped by its columns; without them, district only. */
export type Rule = 'public' | 'own' | 'key' | 'supervision' | 'scoped' | 'district-only';
const RULES: Readonly<Record<string, Rule>> = {
  // The catalogue, teams, counters, milestones, inspections and the gauge are public to every principal.
  township: 'public',
  headquarters: 'public',
  district_unit: 'public',
  work_team: 'public',
  progress_counter: 'public',
  progress_daily: 'public',
  milestone: 'public',
  inspection: 'public',
  campaign: 'public',
  // Credentials: a principal sees only its own (me, memberships).
  user_account: 'own',
  membership: 'own',
  // Integrator keys: the key itself, and whoever may manage its tenant's keys (apiKeys, apiKeyUsage).
  api_key: 'key',
  audit_log: 'supervision',
};

export interface Row {
  table: string;
  rule: Rule;
  township: string | null;
  headquarters: string | null;
  helper: string | null;
  owner: string | null;
  /** An integrator key's tenant code (null for other tables). */
  keyTenant: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The principal subject (username, or `apikey:<id>`) that owns a credential row. */
export const OWNER: Readonly<Record<string, string>> = {
  user_account: 'username',
  membership: '(SELECT username FROM user_account u WHERE u.id = membership.user_id)',
  api_key: "'apikey:' || id",
};

export class Oracle {
  private constructor(
    private readonly rows: Map<string, Row>,
    private readonly tenantIds: Map<string, string>,
    private readonly villageHelpers: Set<string>,
    private readonly siteHelpers: Set<string>,
    private readonly pii: Map<string, { townshipCode: string; teamId: string | null }[]>,
    readonly tables: string[],
  ) {}

  /** Reads every row id of every table with an `id` column, and the households' personal data. */
  static async load(owner: pg.Pool): Promise<Oracle> {
    const columns = await owner.query<{ table_name: string; cols: string[] }>(
      `SELECT table_name, array_agg(column_name::text) AS cols FROM information_schema.columns
       WHERE table_schema = 'public' GROUP BY table_name HAVING 'id' = ANY (array_agg(column_name::text))`,
    );
    const rows = new Map<string, Row>();
    for (const { table_name: table, cols } of columns.rows) {
      const has = (c: string) => cols.includes(c);
      const scoped = has('township_id') || has('headquarters_id');
      const rule = RULES[table] ?? (scoped ? 'scoped' : 'district-only');
      const col = (c: string | undefined) => (c && has(c) ? `${c}::text` : 'NULL');
      const result = await owner.query<Omit<Row, 'table' | 'rule'> & { id: string }>(
        `SELECT id::text, ${col('township_id')} AS township, ${col('headquarters_id')} AS headquarters,
         ${col('team_home_township_id')} AS helper, ${OWNER[table] ?? 'NULL'} AS owner,
         ${table === 'api_key' ? 'tenant_code' : 'NULL'} AS "keyTenant" FROM ${table}`,
      );
      for (const r of result.rows) rows.set(idKey(table, r.id), { table, rule, ...r });
    }
    const tenants = await owner.query<{ code: string; id: string }>(
      `SELECT code, id::text FROM township UNION ALL SELECT code, id::text FROM headquarters`,
    );
    const villages = await owner.query<{ k: string }>(
      `SELECT village_id || '|' || team_home_township_id AS k FROM team_village`,
    );
    const sites = await owner.query<{ k: string }>(
      `SELECT headquarters_id || '|' || township_id AS k FROM work_team WHERE township_id IS NOT NULL`,
    );
    const households = await owner.query<{
      id_number: string;
      phone: string | null;
      code: string;
      team: string;
    }>(
      `SELECT h.owner_id_number AS id_number, h.phone, t.code, h.team_id::text AS team
       FROM household h JOIN township t ON t.id = h.township_id`,
    );
    const pii = new Map<string, { townshipCode: string; teamId: string | null }[]>();
    for (const h of households.rows) {
      for (const value of [h.id_number, h.phone]) {
        if (!value) continue;
        pii.set(value, [...(pii.get(value) ?? []), { townshipCode: h.code, teamId: h.team }]);
      }
    }
    return new Oracle(
      rows,
      new Map(tenants.rows.map((t) => [t.code, t.id])),
      new Set(villages.rows.map((v) => v.k)),
      new Set(sites.rows.map((s) => s.k)),
      pii,
      columns.rows.map((c) => c.table_name).sort(),
    );
  }

  /** May `p` see this row (by the rules above, not by the policies)? */
  visible(p: Principal, row: Row, id: string): boolean {
    switch (row.rule) {
      case 'public':
        return true;
      case 'own':
        return row.owner === p.subject;
      case 'key':
        return (
          row.owner === p.subject ||
          (row.keyTenant !== null && can(p, 'apikey:read', { tenantCode: row.keyTenant }).allowed)
        );
      case 'supervision':
        return p.tenantKind === 'district' && (p.role === 'inspector' || p.role === 'admin');
      case 'district-only':
        return p.tenantKind === 'district';
      case 'scoped': {
        if (p.tenantKind === 'district') return true;
        const tenant = this.tenantIds.get(p.tenantCode);
        if (p.tenantKind === 'headquarters') return row.headquarters === tenant;
        if (row.township === tenant || row.helper === tenant) return true;
        if (row.table === 'village') return this.villageHelpers.has(`${id}|${tenant}`);
        if (row.table === 'resettlement_site') return this.siteHelpers.has(`${row.headquarters}|${tenant}`);
        return false;
      }
    }
  }

  /** Every row id and raw personal value in `data` that `p` may not see, as readable findings. */
  violations(p: Principal, data: unknown): string[] {
    const found: string[] = [];
    const visit = (value: unknown, path: string, key: string): void => {
      if (typeof value === 'string') {
        const row = UUID.test(value) ? this.findUuid(value) : key === 'id' ? this.findOther(value) : null;
        if (row && !this.visible(p, row, value))
          found.push(`${path}: ${row.table} row ${value} is out of scope`);
        const owners = this.pii.get(value);
        if (owners && !owners.some((h) => canSeePii(p, h))) found.push(`${path}: unmasked personal data`);
      } else if (Array.isArray(value)) {
        value.forEach((v, i) => visit(v, `${path}[${i}]`, key));
      } else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) visit(v, `${path}.${k}`, k);
      }
    };
    visit(data, 'data', '');
    return found;
  }

  /** A tenant row (not a public or credential one) that `p` may not see. */
  isForeign(p: Principal, id: string): boolean {
    const row = UUID.test(id) ? this.findUuid(id) : null;
    return row !== null && row.rule === 'scoped' && !this.visible(p, row, id);
  }

  private findUuid(id: string): Row | null {
    return this.rows.get(id.toLowerCase()) ?? null;
  }

  /** Ids that are not uuids (the audit log's bigint) are looked up in each table that has such ids. */
  private findOther(id: string): Row | null {
    for (const table of this.tables) {
      const row = this.rows.get(idKey(table, id));
      if (row) return row;
    }
    return null;
  }
}

function idKey(table: string, id: string): string {
  return UUID.test(id) ? id.toLowerCase() : `${table}:${id}`;
}
