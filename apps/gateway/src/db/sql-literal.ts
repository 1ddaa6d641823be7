import pg from 'pg';

type Value = string | number | boolean | null | undefined | readonly Value[];

/**
 * `sql` with its `$n` parameters replaced by SQL literals, for statements sent in a simple-protocol round trip
 * (see RequestTransaction.deferToCommit). Strings go through pg's escapeLiteral; numbers must be finite; arrays
 * become ARRAY[…] and take their element type from the cast the SQL text already has (`$4::numeric[]`).
 */
export function inlineParams(sql: string, params: readonly unknown[]): string {
  return sql.replace(/\$(\d+)/g, (_match, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= params.length) throw new Error(`no value for $${n}`);
    return literal(params[index] as Value);
  });
}

export function literal(value: Value): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'string') return pg.escapeLiteral(value);
  if (Array.isArray(value)) return `ARRAY[${value.map((v: Value) => literal(v)).join(', ')}]`;
  throw new Error(`cannot inline a ${typeof value}`);
}
