// The fan-out's printed tables (rows, per-replica rows) and the issue-5 targets checked on the largest N.
import type { FanoutRow } from './types.js';

const fmt = (v: number | null | undefined, digits = 0) =>
  v === null || v === undefined ? '—' : v.toFixed(digits);
const pct = (v: number) => `${(v * 100).toFixed(v === 1 ? 0 : 2)} %`;

function table(header: string[], cells: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padStart(widths[i]!)).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => ` ${'-'.repeat(w - 1)}: `).join('|')}|`,
    ...cells.map(line),
  ].join('\n');
}

export function formatFanoutTable(rows: FanoutRow[]): string {
  const header = [
    'subscribers',
    'sockets',
    'signings',
    'p50 ms',
    'p99 ms',
    'max ms',
    'p50 from request',
    'mutation ms',
    'delivered',
    'SQL/event',
    'SQL/signing',
    'groups',
    'KiB/idle sub',
  ];
  const cells = rows.map((r) => [
    String(r.subscribers),
    String(r.sockets),
    String(r.signings),
    fmt(r.p50),
    fmt(r.p99),
    fmt(r.max),
    fmt(r.p50FromRequest),
    fmt(r.signingMs),
    pct(r.delivered),
    fmt(r.sqlPerEvent, 2),
    fmt(r.sqlPerSigning, 1),
    fmt(r.groups),
    fmt(r.kibPerSubscriber, 1),
  ]);
  return table(header, cells);
}

/** One line per replica of every N measured on several (empty when none was). */
export function formatReplicaTable(rows: FanoutRow[]): string {
  const header = [
    'subscribers',
    'replica',
    'its subs',
    'p50 ms',
    'p99 ms',
    'delivered',
    'KiB/idle sub',
    'SQL',
  ];
  const cells = rows.flatMap((r) =>
    (r.replicas ?? []).map((x) => [
      String(r.subscribers),
      String(x.replica),
      String(x.subscribers),
      fmt(x.p50),
      fmt(x.p99),
      pct(x.delivered),
      fmt(x.kibPerSubscriber, 1),
      String(x.sqlStatements),
    ]),
  );
  if (!cells.length) return '';
  const lags = rows.map((r) => `${r.subscribers}: ${fmt(r.redisLagMs)} ms`).join(', ');
  return `${table(header, cells)}\nCOMMIT → event at a Redis subscriber (median over signings): ${lags}`;
}

/** The issue-5 targets, checked on the largest N measured. */
export function fanoutTargets(
  rows: FanoutRow[],
): { target: string; wanted: string; measured: string; met: boolean | null }[] {
  const top = rows.at(-1);
  if (!top) return [];
  const at = `at ${top.subscribers}`;
  const sql = rows.map((r) => r.sqlPerEvent).filter((v): v is number => v !== null);
  return [
    {
      target: `fan-out p50 ${at}`,
      wanted: '≤ 300 ms',
      measured: `${top.p50 ?? '—'} ms`,
      met: top.p50 === null ? null : top.p50 <= 300,
    },
    {
      target: `fan-out p99 ${at}`,
      wanted: '≤ 800 ms',
      measured: `${top.p99 ?? '—'} ms`,
      met: top.p99 === null ? null : top.p99 <= 800,
    },
    {
      target: `fan-out delivered ${at}`,
      wanted: '100 %',
      measured: `${(top.delivered * 100).toFixed(2)} %`,
      met: top.delivered === 1,
    },
    {
      target: `idle RSS per subscriber ${at}`,
      wanted: '≤ 30 KiB',
      measured: `${top.kibPerSubscriber} KiB`,
      met: top.kibPerSubscriber <= 30,
    },
    {
      target: 'SQL per event across N',
      wanted: 'independent of N',
      measured: rows.map((r) => `${r.subscribers}: ${r.sqlPerEvent ?? '—'}`).join(', '),
      met: sql.length === rows.length && sql.length > 0 ? Math.max(...sql) - Math.min(...sql) < 0.5 : null,
    },
  ];
}
