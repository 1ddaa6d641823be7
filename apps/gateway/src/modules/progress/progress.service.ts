import {
  campaignDay,
  campaignPercentages,
  daysLeft,
  LeaderboardBoard,
  paceNeededPerDay,
  pairingNameZh,
  percent,
  rankRows,
  recentPacePerDay,
  RECENT_PACE_WINDOW_DAYS,
  addDays,
  scopePercentages,
  shanghaiDate,
} from '@hanjiang/domain';
import type { GatewayContext } from '../../context.js';
import type { BoardColumns } from './progress.projection.js';
import type { CampaignGauge, LeaderboardRow, Progress } from './progress.types.js';

declare module '../../context.js' {
  interface Services {
    readonly progress: ProgressService;
  }
}

interface CounterRow {
  scopeKind: string;
  scopeCode: string;
  households: number;
  measured: number;
  assessed: number;
  signed: number;
  vacated: number;
  demolished: number;
  buildingAreaM2: number;
  signedAreaM2: number;
  signedToday: number;
  name: string | null;
}

const BOARD_SCOPE: Record<LeaderboardBoard, string> = {
  [LeaderboardBoard.HEADQUARTERS]: 'headquarters',
  [LeaderboardBoard.TOWNSHIP]: 'township',
  [LeaderboardBoard.PAIRING]: 'pairing',
  [LeaderboardBoard.TEAM]: 'team',
};

/**
 * Where each scope kind's display name lives. Pairings have no table: their names come from the catalogue in
 * packages/domain (`pairingNameZh`); the campaign has none.
 */
const NAME_TABLE: Readonly<Record<string, string | null>> = {
  campaign: null,
  headquarters: 'headquarters',
  township: 'township',
  pairing: null,
  team: 'work_team',
  village: 'village',
};

const counterSqlByKind = new Map<string, string>();

/** The counter columns a slim board reads (progress.projection.ts); `full` reads all of them. */
const SLIM_COLUMNS = `c.scope_code AS "scopeCode", c.households, c.measured, c.signed,
      c.signed_area_m2::float8 AS "signedAreaM2"`;
const FULL_COLUMNS = `c.scope_kind AS "scopeKind", c.scope_code AS "scopeCode", c.households, c.measured,
      c.assessed, c.signed, c.vacated, c.demolished, c.building_area_m2::float8 AS "buildingAreaM2",
      c.signed_area_m2::float8 AS "signedAreaM2"`;

/**
 * Counters of one scope kind with today's signings and names. One statement per kind, with the kind as a literal
 * (from the closed table above, never from input): each board gets a plan of its own that joins only its names
 * table, instead of one prepared plan shared by every board that had to consider all four.
 */
function counterSql(scopeKind: string, columns: BoardColumns = 'full'): string {
  const id = `${scopeKind}/${columns}`;
  let sql = counterSqlByKind.get(id);
  if (sql !== undefined) return sql;
  if (!Object.hasOwn(NAME_TABLE, scopeKind)) throw new Error(`unknown scope kind ${scopeKind}`);
  const table = NAME_TABLE[scopeKind];
  sql = `SELECT ${columns === 'slim' ? SLIM_COLUMNS : FULL_COLUMNS}, coalesce(d.signed, 0) AS "signedToday",
      ${table ? 'n.name_zh' : 'NULL::text'} AS name
    FROM progress_counter c
    LEFT JOIN progress_daily d ON d.scope_kind = c.scope_kind AND d.scope_code = c.scope_code AND d.day = $1::date
    ${table ? `LEFT JOIN ${table} n ON n.code = c.scope_code` : ''}
    WHERE c.scope_kind = '${scopeKind}'`;
  counterSqlByKind.set(id, sql);
  return sql;
}

/** Signed area of the last RECENT_PACE_WINDOW_DAYS days ($2 to $1), for the gauge's recent pace. */
const WINDOW_SQL = `(SELECT coalesce(sum(w.signed_area_m2), 0)::float8 FROM progress_daily w
           WHERE w.scope_kind = 'campaign' AND w.scope_code = 'main' AND w.day BETWEEN $2::date AND $1::date)`;

/** Gauges and boards from the progress counters (readable by every principal; never from household rows). */
export class ProgressService {
  /** `recentPace`: whether to sum the last 7 days for paceLast7DaysM2 (progress.projection.ts). */
  async campaign(ctx: GatewayContext, recentPace = true, now = new Date()): Promise<CampaignGauge | null> {
    const { tx } = ctx;
    const today = shanghaiDate(now);
    const rows = await tx.query<{
      name: string;
      startDate: string;
      lengthDays: number;
      targetAreaM2: number;
      signedAreaM2: number | null;
      signed: number | null;
      households: number | null;
      signedToday: number | null;
      signedInWindowM2: number | null;
    }>(
      `SELECT c.name_zh AS name, c.start_date::text AS "startDate", c.length_days AS "lengthDays",
         c.target_area_m2::float8 AS "targetAreaM2", p.signed_area_m2::float8 AS "signedAreaM2",
         p.signed, p.households, d.signed AS "signedToday",
         ${recentPace ? WINDOW_SQL : 'NULL::float8'} AS "signedInWindowM2"
       FROM campaign c
       LEFT JOIN progress_counter p ON p.scope_kind = 'campaign' AND p.scope_code = 'main'
       LEFT JOIN progress_daily d ON d.scope_kind = 'campaign' AND d.scope_code = 'main' AND d.day = $1::date
       LIMIT 1`,
      recentPace ? [today, addDays(today, 1 - RECENT_PACE_WINDOW_DAYS)] : [today],
    );
    const c = rows[0];
    if (!c) return null;
    const signedAreaM2 = c.signedAreaM2 ?? 0;
    const left = daysLeft(c.startDate, c.lengthDays, now);
    const day = campaignDay(c.startDate, now);
    const pct = campaignPercentages({
      signedAreaM2,
      targetAreaM2: c.targetAreaM2,
      signed: c.signed ?? 0,
      households: c.households ?? 0,
    });
    const gauge: Omit<CampaignGauge, 'paceLast7DaysM2'> = {
      name: c.name,
      startDate: c.startDate,
      lengthDays: c.lengthDays,
      targetAreaM2: c.targetAreaM2,
      signedAreaM2,
      day,
      daysLeft: left,
      signedAreaPctOfTarget: pct.signedAreaPctOfTarget,
      signedHouseholdsPct: pct.signedHouseholdsPct,
      signedPct: pct.signedAreaPctOfTarget,
      paceNeededPerDayM2: paceNeededPerDay(c.targetAreaM2, signedAreaM2, left),
      signedToday: c.signedToday ?? 0,
    };
    // Left out when not asked for (the field is then never resolved): see gaugeNeedsRecentPace().
    return c.signedInWindowM2 === null
      ? (gauge as CampaignGauge)
      : { ...gauge, paceLast7DaysM2: recentPacePerDay(c.signedInWindowM2, day) };
  }

  async progress(
    { tx }: GatewayContext,
    scopeKind: string,
    scopeCode: string,
    now = new Date(),
  ): Promise<Progress | null> {
    if (!Object.hasOwn(NAME_TABLE, scopeKind)) return null;
    const rows = await tx.query<CounterRow>(`${counterSql(scopeKind)} AND c.scope_code = $2`, [
      shanghaiDate(now),
      scopeCode,
    ]);
    return rows[0] ? withPct(rows[0]) : null;
  }

  async leaderboard(
    { tx }: GatewayContext,
    board: LeaderboardBoard,
    columns: BoardColumns = 'full',
    now = new Date(),
  ): Promise<LeaderboardRow[]> {
    const scopeKind = BOARD_SCOPE[board];
    const rows = await tx.query<CounterRow>(counterSql(scopeKind, columns), [shanghaiDate(now)]);
    const scored: Omit<LeaderboardRow, 'rank'>[] =
      columns === 'slim'
        ? rows.map((row) => slimRow(row, scopeKind))
        : rows.map((row) => Object.assign(withPct(row), { name: displayName(row), rankChange: null }));
    return rankRows(scored, (r) => r.signedHouseholdsPct * 1e9 + r.signedAreaM2);
  }
}

/**
 * A slim board row: the counters the slim statement read and what derives from them. The fields it leaves out
 * are never resolved — boardColumns() chose `slim` only because the selection asks for none of them.
 */
function slimRow(row: CounterRow, scopeKind: string): Omit<LeaderboardRow, 'rank'> {
  const signedHouseholdsPct = percent(row.signed, row.households);
  const slim: Omit<LeaderboardRow, 'rank' | SlimOmitted> = {
    scopeCode: row.scopeCode,
    name: displayName({ scopeKind, scopeCode: row.scopeCode, name: row.name }),
    households: row.households,
    measured: row.measured,
    signed: row.signed,
    signedAreaM2: row.signedAreaM2,
    signedToday: row.signedToday,
    measuredPct: percent(row.measured, row.households),
    signedHouseholdsPct,
    signedPct: signedHouseholdsPct,
    rankChange: null,
  };
  return slim as Omit<LeaderboardRow, 'rank'>;
}

/** What a slim board does not read (progress.projection.ts keeps any selection of these on `full`). */
type SlimOmitted = 'scopeKind' | 'assessed' | 'vacated' | 'demolished' | 'buildingAreaM2' | 'signedAreaPct';

/**
 * A counter row with its percentages, written out field by field: the spread it replaces (over pg's row objects)
 * was the largest single cost of a 300-row team board.
 */
function withPct(row: CounterRow): Progress & { name: string | null } {
  const pct = scopePercentages(row);
  return {
    scopeKind: row.scopeKind,
    scopeCode: row.scopeCode,
    name: row.name,
    households: row.households,
    measured: row.measured,
    assessed: row.assessed,
    signed: row.signed,
    vacated: row.vacated,
    demolished: row.demolished,
    buildingAreaM2: row.buildingAreaM2,
    signedAreaM2: row.signedAreaM2,
    signedToday: row.signedToday,
    measuredPct: pct.measuredPct,
    signedHouseholdsPct: pct.signedHouseholdsPct,
    signedAreaPct: pct.signedAreaPct,
    signedPct: pct.signedHouseholdsPct,
  };
}

/** A board row's name in Chinese: from its table, or for a pairing from the catalogue; the code only as a last resort. */
function displayName(row: Pick<CounterRow, 'scopeKind' | 'scopeCode' | 'name'>): string {
  if (row.scopeKind === 'pairing') return pairingNameZh(row.scopeCode) ?? row.scopeCode;
  return row.name ?? row.scopeCode;
}
