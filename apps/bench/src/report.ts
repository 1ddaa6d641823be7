// The table (scenario × system: req/s, p50, p99, ratio to raw) and the issue-6 targets.
import type { Measurement } from './load.js';
import type { SystemName } from './scenarios.js';

export interface ScenarioResult {
  id: string;
  title: string;
  rounds: Partial<Record<SystemName, Measurement[]>>;
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median over rounds of (system req/s ÷ raw req/s in the same round): drift in a round hits both sides. */
export function ratioToRaw(result: ScenarioResult, system: SystemName): number | null {
  const mine = result.rounds[system];
  const raw = result.rounds.raw;
  if (!mine?.length || !raw?.length) return null;
  const ratios = mine
    .map((m, i) => (raw[i] ? m.reqPerSec / raw[i].reqPerSec : Number.NaN))
    .filter(Number.isFinite);
  return ratios.length ? median(ratios) : null;
}

/**
 * Median over rounds of (raw's CPU per request ÷ this system's), server and database together: the load-free
 * analogue of ratioToRaw (1 is as cheap as raw; 0.5 costs twice its CPU per request).
 */
export function cpuRatioToRaw(result: ScenarioResult, system: SystemName): number | null {
  const total = (m: Measurement | undefined) => (m?.cpu ? m.cpu.serverMs + m.cpu.databaseMs : Number.NaN);
  const mine = result.rounds[system];
  const raw = result.rounds.raw;
  if (!mine?.length || !raw?.length) return null;
  const ratios = mine.map((m, i) => total(raw[i]) / total(m)).filter(Number.isFinite);
  return ratios.length ? median(ratios) : null;
}

/** CPU ms per request, median over rounds, or '—'. */
function cpuCell(ms: Measurement[], side: 'serverMs' | 'databaseMs'): string {
  const values = ms.flatMap((m) => (m.cpu ? [m.cpu[side]] : []));
  return values.length ? median(values).toFixed(2) : '—';
}

/**
 * Issue 12, test 7: what the integrator path costs on the read path — 1 − (list-50-key ÷ list-50) on the gateway,
 * the median over rounds of the ratio within a round (both are measured in every round, back to back). list-50
 * reads as a portal user (a JWT; no integrator audit, no key); list-50-key reads the same page as an API key.
 * The per-caller rate limit and cost budget run for both: no setting turns them off (an empty value means the
 * default), so this is the key path's own cost on top of them.
 */
export function policiesCost(results: ScenarioResult[]): number | null {
  const key = results.find((r) => r.id === 'list-50-key')?.rounds.gateway;
  const portal = results.find((r) => r.id === 'list-50')?.rounds.gateway;
  if (!key?.length || !portal?.length) return null;
  const ratios = key
    .map((m, i) => (portal[i] ? m.reqPerSec / portal[i].reqPerSec : Number.NaN))
    .filter(Number.isFinite);
  return ratios.length ? 1 - median(ratios) : null;
}

/** The same in CPU per request (server and database): list-50-key's CPU ms/req ÷ list-50's − 1, median of rounds. */
export function policiesCpuCost(results: ScenarioResult[]): number | null {
  const total = (m: Measurement | undefined) => (m?.cpu ? m.cpu.serverMs + m.cpu.databaseMs : Number.NaN);
  const key = results.find((r) => r.id === 'list-50-key')?.rounds.gateway;
  const portal = results.find((r) => r.id === 'list-50')?.rounds.gateway;
  if (!key?.length || !portal?.length) return null;
  const ratios = key.map((m, i) => total(m) / total(portal[i])).filter(Number.isFinite);
  return ratios.length ? median(ratios) - 1 : null;
}

export function formatTable(results: ScenarioResult[], systems: readonly SystemName[]): string {
  const header = [
    'scenario',
    'system',
    'req/s',
    'p50 ms',
    'p99 ms',
    '× raw',
    'CPU ms/req node + pg',
    'CPU × raw',
  ];
  const rows: string[][] = [];
  for (const result of results) {
    for (const system of systems) {
      const ms = result.rounds[system];
      if (!ms?.length) continue;
      const ratio = ratioToRaw(result, system);
      const cpuRatio = cpuRatioToRaw(result, system);
      rows.push([
        result.id,
        system,
        median(ms.map((m) => m.reqPerSec)).toFixed(0),
        median(ms.map((m) => m.p50)).toFixed(1),
        median(ms.map((m) => m.p99)).toFixed(1),
        ratio === null ? '—' : ratio.toFixed(2),
        `${cpuCell(ms, 'serverMs')} + ${cpuCell(ms, 'databaseMs')}`,
        cpuRatio === null ? '—' : cpuRatio.toFixed(2),
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w, i) => (i < 2 ? ` ${'-'.repeat(w)} ` : ` ${'-'.repeat(w - 1)}: `)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

export interface TargetRow {
  target: string;
  wanted: string;
  measured: string;
  met: boolean | null;
}

export function targetsReport(
  results: ScenarioResult[],
  statements: Record<string, number | null>,
): { rows: TargetRow[]; text: string; ratios: Record<string, Record<string, number | null>> } {
  const ratios: Record<string, Record<string, number | null>> = {};
  for (const r of results) {
    ratios[r.id] = { gateway: ratioToRaw(r, 'gateway'), postgraphile: ratioToRaw(r, 'postgraphile') };
  }
  const fmt = (v: number | null | undefined) =>
    v === null || v === undefined ? 'not measured' : v.toFixed(2);
  const rows: TargetRow[] = [];
  const ratioTarget = (target: string, ids: string[], wanted: number) => {
    const values = ids.map((id) => ratios[id]?.gateway ?? null);
    const measured = values.every((v) => v === null)
      ? null
      : Math.min(...values.filter((v): v is number => v !== null));
    rows.push({
      target,
      wanted: `≥ ${wanted}`,
      measured: ids.length > 1 ? ids.map((id, i) => `${id} ${fmt(values[i])}`).join(', ') : fmt(values[0]),
      met: measured === null ? null : measured >= wanted,
    });
  };
  ratioTarget('list 50 with relations (× raw)', ['list-50'], 0.6);
  ratioTarget('leaderboard (× raw)', ['leaderboard-headquarters', 'leaderboard-team'], 0.8);
  if (results.some((r) => r.id === 'signing')) ratioTarget('signing mutation (× raw)', ['signing'], 0.85);
  else
    rows.push({
      target: 'signing mutation (× raw)',
      wanted: '≥ 0.85',
      measured: 'not yet available',
      met: null,
    });
  const cost = policiesCost(results);
  const cpuCost = policiesCpuCost(results);
  rows.push({
    target: 'policies cost (1 − list-50-key ÷ list-50, gateway)',
    wanted: '≤ 5 %',
    measured: cost === null ? 'not measured' : `${(cost * 100).toFixed(1)} %`,
    met: cost === null ? null : cost <= 0.05,
  });
  const lists = ['list-10', 'list-50', 'list-100'].map((id) => statements[id] ?? null);
  const known = lists.filter((n): n is number => n !== null);
  rows.push({
    target: 'SQL statements per list request, page 10/50/100',
    wanted: 'constant, ≤ 6',
    measured: lists.map((n) => n ?? '?').join('/'),
    met: known.length === 3 ? new Set(known).size === 1 && known[0]! <= 6 : null,
  });
  const text = [
    ...(cost === null
      ? []
      : [
          `policies cost: ${(cost * 100).toFixed(1)} % of list-50 throughput` +
            (cpuCost === null ? '' : `, ${(cpuCost * 100).toFixed(1)} % more CPU per request`),
        ]),
    'targets (issue 6, gateway ÷ raw in the same run; issue 12 test 7):',
    ...rows.map(
      (r) => `  ${r.met === null ? '–' : r.met ? '✓' : '✗'} ${r.target}: ${r.wanted}, measured ${r.measured}`,
    ),
  ].join('\n');
  return { rows, text, ratios };
}
