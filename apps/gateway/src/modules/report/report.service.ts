import type { QueryResultRow } from 'pg';
import { addDays, daysLeft, paceNeededPerDay, percent, shanghaiMidnight } from '@hanjiang/domain';
import type { GatewayContext } from '../../context.js';
import { ErrorCode, publicError } from '../../errors/public-error.js';
import { assertCan, requirePrincipal } from '../../guards.js';
import { rankInspections, type ScoredTarget } from '../inspection/inspection.ranking.js';
import * as sql from './report.sql.js';
import {
  type ProgressReport,
  type ReportEscalation,
  type ReportInspection,
  ReportScopeKind,
  type ReportTeam,
} from './report.types.js';

declare module '../../context.js' {
  interface Services {
    readonly reports: ReportService;
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A 推进会 looks back over weeks, at most the campaign's 100 days and a margin. */
const MAX_PERIOD_DAYS = 366;

type InspectionRow = ScoredTarget & {
  id: string;
  targetKind: string;
  teamCode: string | null;
  teamName: string | null;
  teamTownshipId: string | null;
};

function checkPeriod(from: string, to: string): number {
  const days = DAY.test(from) && DAY.test(to) ? (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 : NaN;
  if (!Number.isInteger(days) || days < 1 || days > MAX_PERIOD_DAYS) {
    throw publicError(ErrorCode.BAD_USER_INPUT, {
      zh: `报告期间须为 YYYY-MM-DD 格式的起止日期,起日不晚于止日,且不超过 ${MAX_PERIOD_DAYS} 天`,
      en: `from and to must be YYYY-MM-DD days, from not after to, at most ${MAX_PERIOD_DAYS} days apart`,
    });
  }
  return days;
}

/** The 推进会 progress report of one township or headquarters area over a period of Shanghai days. */
export class ReportService {
  async build(
    ctx: GatewayContext,
    kind: ReportScopeKind,
    code: string,
    from: string,
    to: string,
  ): Promise<ProgressReport> {
    const p = requirePrincipal(ctx);
    const catalogue = ctx.services.catalogue;
    const entry =
      kind === ReportScopeKind.TOWNSHIP ? catalogue.townshipByCode(code) : catalogue.headquartersByCode(code);
    if (!entry) {
      throw publicError(ErrorCode.NOT_FOUND, {
        zh: `未知的乡镇或指挥部“${code}”`,
        en: `Unknown area "${code}"`,
      });
    }
    // Before any read: a neighbour's commander learns nothing, not even the period check's answer.
    assertCan(p, 'report:read', { tenantCode: entry.code });
    const days = checkPeriod(from, to);
    const start = shanghaiMidnight(from);
    const end = shanghaiMidnight(addDays(to, 1));
    const col = sql.scopeColumn(kind);
    const q = <T extends QueryResultRow>(text: string, values: unknown[]) => ctx.tx.query<T>(text, values);

    const [progress] = await q<ProgressReport['progress']>(sql.progressSql(col), [entry.id, start, end]);
    const teams = await q<Omit<ReportTeam, 'fulfilment'>>(sql.teamsSql(col), [entry.id, from, to]);
    const [disputes] = await q<ProgressReport['disputes']>(sql.disputesSql(col), [entry.id, start, end]);
    const [escalated] = await q<{ raised: number; closed: number }>(sql.escalationCountsSql(col), [
      entry.id,
      start,
      end,
    ]);
    const open = await q<ReportEscalation>(sql.openEscalationsSql(col), [entry.id, end]);
    const [campaign] = await q<{ startDate: string; lengthDays: number }>(
      `SELECT start_date::text AS "startDate", length_days AS "lengthDays" FROM campaign LIMIT 1`,
      [],
    );
    const inspections = this.inspections(
      kind,
      entry.id,
      await q<InspectionRow>(sql.inspectionsSql, [end]),
      (hqId) => catalogue.headquartersOf(hqId)?.nameZh ?? hqId,
    );

    const counts = progress!;
    // Days still open after the period ends: what is left must be signed in them.
    const left = campaign ? daysLeft(campaign.startDate, campaign.lengthDays, end) : 0;
    return {
      scope: { kind, code: entry.code, nameZh: entry.nameZh },
      from,
      to,
      days,
      progress: { ...counts, signedPct: percent(counts.signedAreaM2, counts.targetAreaM2) },
      pace: {
        perDayM2: Math.round((counts.signedInPeriodM2 / days) * 100) / 100,
        daysLeft: left,
        neededPerDayM2: paceNeededPerDay(counts.targetAreaM2, counts.signedAreaM2, left),
      },
      teams: teams.map((t) => ({ ...t, fulfilment: t.planned === 0 ? null : t.fulfilled / t.planned })),
      disputes: disputes!,
      escalations: { raised: escalated!.raised, closed: escalated!.closed, open },
      inspections,
    };
  }

  /**
   * 四察四看 ranks in the latest period recorded by the period's end: a headquarters' own rank among headquarters
   * and its teams' ranks among teams; a township's teams' ranks among teams.
   */
  private inspections(
    kind: ReportScopeKind,
    scopeId: string,
    rows: readonly InspectionRow[],
    hqName: (id: string) => string,
  ): ReportInspection[] {
    const out: ReportInspection[] = [];
    for (const targetKind of ['headquarters', 'team']) {
      const ranked = rankInspections(
        rows.filter((r) => r.targetKind === targetKind),
        null,
        1,
      );
      for (const r of ranked) {
        const ours =
          kind === ReportScopeKind.HEADQUARTERS ? r.headquartersId === scopeId : r.teamTownshipId === scopeId;
        if (!ours) continue;
        out.push({
          period: r.period,
          targetKind,
          name: r.teamName ?? hqName(r.headquartersId),
          score: r.score,
          rank: r.rank,
          of: ranked.length,
        });
      }
    }
    return out;
  }
}
