// What the generated tests share: argument samples taken from the database, the properties every response must
// have, and a coverage tally printed at the end.
import { randomUUID } from 'node:crypto';
import { Stage } from '@hanjiang/domain';
import type pg from 'pg';
import type { GeneratedOperation, Samples } from './operations.js';
import type { Oracle } from './oracle.js';
import type { Actor, Outcome } from './principals.js';
import { gql } from '../helpers/graphql.js';

/** Ids of every tenant (a few of every table), tenant and record codes, and real cursors of other tenants. */
export async function loadSamples(owner: pg.Pool, url: string, admin: Actor): Promise<Samples> {
  const tables = await owner.query<{ table_name: string; scoped: boolean }>(
    `SELECT table_name, bool_or(column_name = 'township_id') AS scoped FROM information_schema.columns
     WHERE table_schema = 'public' GROUP BY table_name HAVING bool_or(column_name = 'id')`,
  );
  const ids: string[] = [];
  for (const { table_name: table, scoped } of tables.rows) {
    // A fixed sample for a fixed seed: a few rows of every township where rows have one, else the first by id.
    const rows = await owner.query<{ id: string }>(
      scoped
        ? `SELECT id::text FROM (SELECT id, row_number() OVER (PARTITION BY township_id ORDER BY id) AS n
           FROM ${table}) x WHERE n <= 3 ORDER BY id`
        : `SELECT id::text FROM ${table} ORDER BY id LIMIT 12`,
    );
    ids.push(...rows.rows.map((r) => r.id));
  }
  // Households of every team, so a cadre's own households (which it may write) come up too.
  const teamHouseholds = await owner.query<{ id: string }>(
    `SELECT DISTINCT ON (team_id) id::text FROM household WHERE team_id IS NOT NULL ORDER BY team_id, id`,
  );
  ids.push(...teamHouseholds.rows.map((r) => r.id));
  const codes = await owner.query<{ code: string }>(
    `SELECT code FROM township UNION ALL SELECT code FROM headquarters UNION ALL SELECT code FROM work_team
     UNION ALL (SELECT code FROM household ORDER BY code LIMIT 20) UNION ALL (SELECT code FROM village LIMIT 10)
     UNION ALL SELECT DISTINCT period FROM inspection UNION ALL SELECT DISTINCT scope_kind FROM progress_counter
     UNION ALL SELECT 'district'`,
  );
  const cursors: string[] = [];
  const pages = await gql<{
    households: { edges: { cursor: string }[] };
    milestones: { edges: { cursor: string }[] };
    auditLog: { id: string }[];
  }>(
    url,
    `{ households(first: 30, orderBy: { field: CODE, direction: DESC }) { edges { cursor } }
       milestones(first: 30) { edges { cursor } } auditLog(first: 5) { id } }`,
    {},
    admin.headers,
  );
  if (!pages.data) throw new Error(`cursor sampling failed: ${JSON.stringify(pages.errors)}`);
  cursors.push(...pages.data.households.edges.map((e) => e.cursor));
  cursors.push(...pages.data.milestones.edges.map((e) => e.cursor));
  cursors.push(...pages.data.auditLog.map((a) => a.id));
  return { ids, codes: [...codes.rows.map((r) => r.code), ...Object.values(Stage)], cursors };
}

/** Everything wrong with one response: 5xx, INTERNAL, a closed socket, or anything the oracle forbids. */
export function problems(oracle: Oracle, actor: Actor, outcome: Outcome): string[] {
  const found: string[] = [];
  if (outcome.transportError) found.push(`transport: ${outcome.transportError}`);
  if (outcome.status >= 500) found.push(`HTTP ${outcome.status}`);
  for (const error of outcome.errors) {
    const code = error.extensions?.code;
    if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
      found.push(`error ${String(code)}: ${error.message ?? ''}`);
    }
  }
  found.push(...oracle.violations(actor.principal, outcome.data));
  return found;
}

/** Counts operations, root fields and `Type.field`s reached, and error codes seen. */
export class Tally {
  operations = 0;
  /** Operations replayed with foreign ids replaced by missing ones (disguise). */
  twins = 0;
  readonly roots = new Set<string>();
  readonly fields = new Set<string>();
  readonly codes = new Map<string, number>();

  add(op: GeneratedOperation, outcome: Outcome): void {
    this.operations += 1;
    this.roots.add(`${op.kind}.${op.root}`);
    for (const f of op.reached) this.fields.add(f);
    const codes = outcome.errors.length ? outcome.errors.map((e) => String(e.extensions?.code)) : ['ok'];
    for (const code of new Set(codes)) this.codes.set(code, (this.codes.get(code) ?? 0) + 1);
    if (process.env.HJ_FUZZ_VERBOSE) {
      const messages = outcome.errors.map((e) => `${String(e.extensions?.code)}: ${e.message ?? ''}`);
      process.stderr.write(
        `${op.root} ${JSON.stringify(op.variables).slice(0, 300)} → ${messages.join(' | ') || 'ok'}\n`,
      );
    }
  }

  summary(): string {
    const codes = [...this.codes].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`);
    return `${this.operations} operations (${this.twins} foreign-vs-missing twins), ${this.roots.size} root fields, ${this.fields.size} fields reached; outcomes: ${codes.join(', ')}`;
  }
}

const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * The same operation with every id of a row the principal may not see replaced by an id that exists nowhere, or
 * null when it names none. The answers to both must not differ: a refusal that depends on whether a foreign row
 * exists tells the caller it does.
 */
export function disguise(oracle: Oracle, actor: Actor, op: GeneratedOperation): GeneratedOperation | null {
  const text = `${op.query}\u0000${JSON.stringify(op.variables)}`;
  const foreign = [...new Set(text.match(UUIDS) ?? [])].filter((id) => oracle.isForeign(actor.principal, id));
  if (foreign.length === 0) return null;
  let query = op.query;
  let variables = JSON.stringify(op.variables);
  for (const id of foreign) {
    const nowhere = randomUUID();
    query = query.replaceAll(id, nowhere);
    variables = variables.replaceAll(id, nowhere);
  }
  return { ...op, query, variables: JSON.parse(variables) as Record<string, unknown> };
}

/** Sends the disguised twin of `op` (if it names foreign rows) and fails if its answer's codes differ. */
export async function compareTwin(
  oracle: Oracle,
  actor: Actor,
  op: GeneratedOperation,
  outcome: Outcome,
  send: (query: string, variables: Record<string, unknown>) => Promise<Outcome>,
  tally: Tally,
): Promise<string[]> {
  const twin = disguise(oracle, actor, op);
  if (!twin) return [];
  tally.twins += 1;
  const answer = await send(twin.query, twin.variables);
  const [a, b] = [codesOf(outcome).join(), codesOf(answer).join()];
  return a === b ? [] : [`a foreign row answers [${a}], a missing one [${b}]: ${twin.query}`];
}

/** The error codes of an answer, sorted: what must not tell a foreign row from a missing one. */
export function codesOf(outcome: Outcome): string[] {
  return outcome.errors.map((e) => String(e.extensions?.code)).sort();
}

/** A failure report that replays: the operation, its variables, who sent it and how. */
export function describeFailure(actor: Actor, via: string, op: GeneratedOperation, found: string[]): string {
  const variables = JSON.stringify(op.variables).slice(0, 2000);
  return `${actor.label} over ${via}: ${found.join('; ')}\n  ${op.query}\n  variables: ${variables}`;
}
